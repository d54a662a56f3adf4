/// What a save does besides writing the file: whether the workbench goes on to edit the file it wrote.
public enum SaveKind: Sendable, Hashable {
    /// The workbench's file, or the file that names a workbench that has none yet (`:w`, `:wq`, C-s, `:w FILE` with
    /// no file open): answered by `.saved`; `:w!` (`:w! FILE`) forces it.
    case file
    /// A new name: the workbench edits the file it wrote from now on (`:saveas FILE`): answered by `.saved`;
    /// `:saveas! FILE` forces it.
    case saveAs
    /// A copy: the workbench stays on its file, whose unsaved edits stay unsaved (`:w FILE` naming another file):
    /// answered by `.wroteCopy`; `:w! FILE` forces it.
    case copy
}

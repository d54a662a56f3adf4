import QNetModel

/// What the keys do right now.
public enum Mode: Sendable, Hashable {
    /// Keys run the bindings of `KeyBindings.normal`.
    case normal
    /// Keys edit the `:` command line.
    case command(CommandLineInput)
    /// The help screen is shown, scrolled down by `scroll` lines.
    case help(scroll: Int)
    /// Quitting with unsaved edits: save, discard or cancel?
    case confirmQuit
    /// The edit form of a record is open.
    case form(EditForm)
    /// An autosave was found on opening: restore it, discard it, or decide later?
    case confirmRestore(FoundAutosave)
}

/// The text typed after `:` with its cursor, and where in the history Up/Down has reached.
public struct CommandLineInput: Sendable, Hashable {
    /// What has been typed (without the colon), and the cursor.
    public var field: TextField
    /// Index into the history while browsing it with Up/Down; nil when typing.
    public var historyIndex: Int?
    /// The edit form the command line was opened from (`:` on a form, no value being typed): shown under it, and
    /// back once the command has run or is cancelled, while its record is still there.
    public var form: EditForm?

    /// `text` with the cursor at its end, opened from `form` if given.
    public init(text: String = "", historyIndex: Int? = nil, form: EditForm? = nil) {
        self.field = TextField(text)
        self.historyIndex = historyIndex
        self.form = form
    }

    /// What has been typed (without the colon).
    public var text: String { field.text }
}

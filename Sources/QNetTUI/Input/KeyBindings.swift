/// The workbench's key bindings. The help screen and the key bar are built
/// from these lists, so they cannot disagree with what the keys do.
public enum KeyBindings {
    /// Bindings in normal mode; the first that applies to a key wins.
    public static let normal: [KeyBinding] = [
        KeyBinding([.character("j"), .down], .scrollInspector(1), help: "scroll the inspector down", pane: .inspector),
        KeyBinding([.character("k"), .up], .scrollInspector(-1), help: "scroll the inspector up", pane: .inspector),
        KeyBinding([.character("q")], .quit, help: "quit (asks first when there are unsaved edits; so does Ctrl-C)", bar: "Quit"),
        KeyBinding([.character(":")], .openCommandLine, help: "type a command (:w, :set L1.length 30 km, …)", bar: "Cmd"),
        KeyBinding([.character("?"), .function(1)], .showHelp, help: "show this help", bar: "Help"),
        KeyBinding([.character("e"), .enter], .editSelected, help: "edit the selected item's keys in a form", bar: "Edit"),
        KeyBinding([.tab], .focusNext, help: "focus the next pane", bar: "Pane"),
        KeyBinding([.character("a")], .applySuggestion,
                   help: "apply the selected demand's marked what-if suggestion, its edits as one edit (u undoes it)", bar: "Apply",
                   barNeedsDemand: true),
        KeyBinding([.character("]")], .markSuggestion(1), help: "mark the selected demand's next what-if suggestion (its edits show under it)"),
        KeyBinding([.character("[")], .markSuggestion(-1), help: "mark the previous what-if suggestion"),
        KeyBinding([.backTab], .focusPrevious, help: "focus the previous pane"),
        KeyBinding([.character("j"), .down], .selectNext, help: "select the next node, link or demand"),
        KeyBinding([.character("k"), .up], .selectPrevious, help: "select the previous node, link or demand"),
        KeyBinding([.escape], .dismiss, help: "clear the selection"),
        KeyBinding([.pageDown, .character(" ")], .pageInspector(1), help: "scroll the inspector down a page"),
        KeyBinding([.pageUp], .pageInspector(-1), help: "scroll the inspector up a page"),
        KeyBinding([.character("u")], .undo, help: "undo the last edit", bar: "Undo"),
        KeyBinding([.ctrl("r")], .redo, help: "redo what was undone", bar: "Redo"),
        KeyBinding([.ctrl("s")], .save, help: "save to the file", bar: "Save"),
        KeyBinding([.character("+"), .character("=")], .zoomIn, help: "zoom the map in", bar: "Zoom"),
        KeyBinding([.character("-")], .zoomOut, help: "zoom the map out"),
        KeyBinding([.character("0"), .character("f")], .fit,
                   help: "fit every node on the map (after a move, pan or zoom the map holds still until fitted)"),
        KeyBinding([.character("h"), .left], .pan(dx: -1, dy: 0), help: "pan the map west"),
        KeyBinding([.character("l"), .right], .pan(dx: 1, dy: 0), help: "pan the map east"),
        KeyBinding([.character("K")], .pan(dx: 0, dy: 1), help: "pan the map north"),
        KeyBinding([.character("J")], .pan(dx: 0, dy: -1), help: "pan the map south"),
        KeyBinding([.shiftLeft], .moveNode(dx: -1, dy: 0), help: "move the selected node west (or drag it with the mouse)"),
        KeyBinding([.shiftRight], .moveNode(dx: 1, dy: 0), help: "move the selected node east"),
        KeyBinding([.shiftUp], .moveNode(dx: 0, dy: 1), help: "move the selected node north"),
        KeyBinding([.shiftDown], .moveNode(dx: 0, dy: -1), help: "move the selected node south"),
    ]

    /// The action bound to `key` in normal mode while `focus` has the focus, if any.
    public static func action(for key: Key, focus: Pane) -> Action? {
        normal.first { $0.keys.contains(key) && ($0.pane == nil || $0.pane == focus) }?.action
    }

    /// The keys of the edit form, for the help screen and the key bar: keys, help, bar label.
    public static let form: [(keys: String, help: String, bar: String)] = [
        ("j/k", "move between the record's keys", "Key"),
        ("Enter/e", "edit the value (Enter applies, Esc cancels); pick equipment from the library", "Edit"),
        ("d/Del", "remove the key (back to its default)", "Default"),
        ("o", "open the equipment entry a source, detector or memory key names", "Open"),
        ("Esc/q", "close the form (back to the record an equipment entry was opened from)", "Close"),
        (":", "type a command (the form is back once it has run, unless it removed the record)", "Cmd"),
    ]

    /// The `:` commands for the help screen: usage and what each does.
    public static let commands: [(usage: String, help: String)] = [
        (":w", "save; refused when another program changed the file since it was opened or saved, and when it is "
            + "read-only"),
        (":w FILE", "write a copy to FILE and stay on the file, its edits unsaved (a new network with no file yet "
            + "takes FILE as its file); refused when FILE is there already or read-only"),
        (":saveas FILE", "save to FILE, which becomes the file (also :sav FILE); refused as :w FILE is"),
        (":w! [FILE], :saveas! FILE", "the same, replacing the file even if another program changed it since it was "
            + "opened or saved, or it is read-only (its mode is kept); and FILE when it is there already"),
        (":wq, :wq!", "save and quit; :wq! replaces the file as :w! does"),
        (":q", "quit; refused when there are unsaved edits"),
        (":q!", "quit without saving"),
        (":e FILE", "open FILE, or start a new one (:e! FILE drops unsaved edits; :e! alone reloads the file)"),
        (":export FILE", "write a report: .md, .json or .csv; a file there already is replaced only by :export! FILE, "
            + "or when this workbench exported it"),
        (":select ID", "select a node, link, demand, equipment entry or defaults"),
        (":set ID.KEY VALUE", "set a key as in the file: :set L1.length 30 km, :set defaults.misalignment 2 %; "
            + ":set A.id A1 renames node A in its links and demands too"),
        (":set sources.NAME.KEY VALUE", "set a key of a library entry (also detectors.NAME, memories.NAME; NAME alone "
            + "when no other kind has that name); the key name renames it"),
        (":set name TEXT", "set the topology's name (also :set description TEXT)"),
        (":add node ID KIND X Y", "add a node at x, y km (a satellite takes ALTITUDE too)"),
        (":add link ID A B MEDIUM [LENGTH]", "add a link; length defaults to the distance A–B"),
        (":add demand A B RATE [ID]", "add a key-rate demand: :add demand A B 1 kbit/s; its id is A-B unless ID "
            + "gives another (a second demand A B needs one)"),
        (":add source NAME [KIND]", "add a source to the equipment library (also :add detector NAME [KIND], "
            + ":add memory NAME); pick it on a node's or link's source key"),
        (":del ID", "delete a node (with its links and demands), link, demand, or an equipment entry no one uses"),
        (":undo, :redo", "undo or redo an edit"),
    ]
}

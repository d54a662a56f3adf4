/// A message about a topology with where it applies: file, line, column and key path.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// How serious the message is.
    public enum Severity: String, Sendable, Hashable, Comparable {
        case error, warning, note

        private var rank: Int { self == .error ? 0 : self == .warning ? 1 : 2 }
        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    public var severity: Severity
    /// What is wrong and what was expected.
    public var message: String
    /// The key path in the topology (`links[3].length`), if the message is about one key.
    public var keyPath: String?
    /// Where in a file, once the key path has been located.
    public var location: SourceLocation?

    public init(_ severity: Severity, _ message: String, keyPath: String? = nil, location: SourceLocation? = nil) {
        self.severity = severity
        self.message = message
        self.keyPath = keyPath
        self.location = location
    }

    /// `file:line:column: error: links[3].length: message`, as compilers print.
    public var description: String {
        var parts: [String] = []
        if let location { parts.append(location.description) }
        parts.append(severity.rawValue)
        if let keyPath { parts.append(keyPath) }
        parts.append(message)
        return parts.joined(separator: ": ")
    }
}

/// A place in a file; lines and columns count from 1.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }
}

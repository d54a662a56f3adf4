/// A grid of cells that views draw into; the terminal backend copies it to
/// the screen, and tests read it back as text with `lines`.
///
/// Every drawing call clips to the canvas (and to an optional `clip`
/// rectangle), so drawing into a zero-size or off-screen area does nothing.
public struct Canvas: Sendable, Hashable {
    /// Columns.
    public let width: Int
    /// Rows.
    public let height: Int
    /// Row-major cells, `width × height` of them.
    public private(set) var cells: [Cell]

    /// A blank canvas of `size`.
    public init(_ size: Size) {
        self.width = size.width
        self.height = size.height
        self.cells = Array(repeating: .blank, count: size.width * size.height)
    }

    /// A blank canvas of `width` × `height`.
    public init(width: Int, height: Int) {
        self.init(Size(width: width, height: height))
    }

    /// The whole canvas as a rectangle.
    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }
    /// The size of the canvas.
    public var size: Size { Size(width: width, height: height) }

    /// The cell at `x`, `y`, or nil outside the canvas.
    public func cell(x: Int, y: Int) -> Cell? {
        guard x >= 0, x < width, y >= 0, y < height else { return nil }
        return cells[y * width + x]
    }

    /// Each row as text, trailing spaces removed (wide characters appear once).
    public var lines: [String] {
        (0..<height).map { row in
            var text = ""
            for column in 0..<width { text += cells[row * width + column].text }
            while text.last == " " { text.removeLast() }
            return text
        }
    }

    /// The roles of row `y`, one per column (empty outside the canvas).
    public func roles(y: Int) -> [StyleRole] {
        guard y >= 0, y < height else { return [] }
        return (0..<width).map { cells[y * width + $0].role }
    }

    /// Puts `character` at `x`, `y` if it fits inside the canvas and `clip`;
    /// returns the columns it took (0 when clipped).
    @discardableResult
    public mutating func put(_ character: Character, x: Int, y: Int, role: StyleRole, clip: Rect? = nil) -> Int {
        let area = clip.map { $0.intersection(bounds) } ?? bounds
        var shown = character
        if let scalar = character.unicodeScalars.first, scalar.value < 0x20 || scalar.value == 0x7F { shown = "?" }
        let columns = DisplayWidth.of(shown)
        guard columns > 0 else { return 0 }
        guard area.contains(x: x, y: y), area.contains(x: x + columns - 1, y: y) else { return 0 }
        clearHalves(x: x, y: y, columns: columns)
        cells[y * width + x] = Cell(String(shown), role)
        if columns == 2 { cells[y * width + x + 1] = Cell("", role) }
        return columns
    }

    /// Writes `text` from `x`, `y` in one row, cut at the edge of the canvas and
    /// `clip`; a wide character that would straddle the edge is left out.
    /// Returns the columns actually drawn.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, role: StyleRole, clip: Rect? = nil) -> Int {
        let right = min(clip?.maxX ?? width, width)
        var column = x
        var drawn = 0
        for character in text {
            let columns = DisplayWidth.of(character)
            if columns == 0 { continue }
            let put = put(character, x: column, y: y, role: role, clip: clip)
            if put == 0, column >= right { break }
            drawn += put
            column += columns
        }
        return drawn
    }

    /// Writes `text` on the first row of `rect`, shortened by display width with
    /// `ellipsis` when it does not fit, and aligned within the row.
    public mutating func write(_ text: String, in rect: Rect, role: StyleRole,
                               alignment: Alignment = .left, ellipsis: String = "…") {
        guard !rect.isEmpty else { return }
        let fitted = DisplayWidth.truncate(text, to: rect.width, ellipsis: ellipsis)
        let free = rect.width - DisplayWidth.of(fitted)
        let offset: Int
        switch alignment {
        case .left: offset = 0
        case .centre: offset = free / 2
        case .right: offset = free
        }
        write(fitted, x: rect.x + offset, y: rect.y, role: role, clip: rect)
    }

    /// Fills `rect` with `character` in `role`.
    public mutating func fill(_ rect: Rect, with character: Character = " ", role: StyleRole = .normal) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        for row in area.y..<area.maxY {
            var column = area.x
            while column < area.maxX {
                column += max(1, put(character, x: column, y: row, role: role, clip: area))
            }
        }
    }

    /// Restyles the cells of `rect` without changing their text.
    public mutating func setRole(_ role: StyleRole, in rect: Rect) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        for row in area.y..<area.maxY {
            for column in area.x..<area.maxX { cells[row * width + column].role = role }
        }
    }

    /// Blanks the other half of any wide character that the cells `x..<x+columns` would cut.
    private mutating func clearHalves(x: Int, y: Int, columns: Int) {
        let row = y * width
        if cells[row + x].isContinuation, x > 0 { cells[row + x - 1] = Cell(" ", cells[row + x - 1].role) }
        let last = x + columns - 1
        if last + 1 < width, cells[row + last + 1].isContinuation {
            cells[row + last + 1] = Cell(" ", cells[row + last + 1].role)
        }
    }
}

/// Where text sits in a row wider than it.
public enum Alignment: Sendable, Hashable {
    case left, centre, right
}

import CNcurses
import QNetTUI

extension CursesTerminal {
    /// Writes the cells of `canvas` that differ from what the screen shows, in
    /// runs of one style, then updates the screen once.
    public func draw(_ canvas: Canvas) {
        if shown?.size != canvas.size {
            werase(window)
            shown = nil
        }
        var written = 0
        let width = canvas.width, cells = canvas.cells
        for row in 0..<canvas.height {
            var column = 0
            while column < width {
                guard isChanged(row * width + column, in: canvas) else {
                    column += 1
                    continue
                }
                let role = cells[row * width + column].role
                let start = column
                var text: [wchar_t] = []
                while column < width, isChanged(row * width + column, in: canvas), cells[row * width + column].role == role {
                    text += wideCharacters(cells[row * width + column])
                    column += 1
                }
                written += column - start
                let style = styles[role] ?? (nc_a_normal(), 0)
                wattr_set(window, style.attributes, style.pair, nil)
                text.append(0)
                mvwaddnwstr(window, Int32(row), Int32(start), text, Int32(text.count - 1))
            }
        }
        wnoutrefresh(window)
        doupdate()
        shown = canvas
        cellsWrittenByLastDraw = written
    }

    /// Whether the cell at `index` (or the other half of its wide character) differs from the screen.
    private func isChanged(_ index: Int, in canvas: Canvas) -> Bool {
        guard let shown else { return true }
        let cells = canvas.cells
        func differs(_ i: Int) -> Bool { cells[i] != shown.cells[i] }
        if differs(index) { return true }
        if cells[index].isContinuation, index % canvas.width > 0, differs(index - 1) { return true }
        if index % canvas.width + 1 < canvas.width, cells[index + 1].isContinuation, differs(index + 1) { return true }
        return false
    }

    /// The wide characters of a cell; outside UTF-8, non-ASCII becomes `?` per column.
    private func wideCharacters(_ cell: Cell) -> [wchar_t] {
        if cell.isContinuation { return [] }
        let scalars = Array(cell.text.unicodeScalars)
        if !isUTF8, scalars.contains(where: { !$0.isASCII }) {
            return Array(repeating: wchar_t(63), count: DisplayWidth.of(Character(cell.text)) == 2 ? 2 : 1)
        }
        return scalars.map { wchar_t(bitPattern: $0.value) }
    }
}

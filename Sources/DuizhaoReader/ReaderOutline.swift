import DuizhaoCore

extension ReadingScreen {
    /// Recomputes which outline entries are shown (those not inside a folded entry).
    mutating func recomputeOutline(_ side: DocumentSide) {
        guard let document = pieces[side] else {
            outlineVisible[side] = []
            return
        }
        let foldedIDs = folded[side]
        var visible: [Int] = []
        visible.reserveCapacity(document.outline.count)
        var hiddenBelowDepth: Int?
        for (index, entry) in document.outline.enumerated() {
            if let depth = hiddenBelowDepth {
                if entry.depth > depth { continue }
                hiddenBelowDepth = nil
            }
            visible.append(index)
            if foldedIDs.contains(entry.divisionID), entry.hasChildren { hiddenBelowDepth = entry.depth }
        }
        outlineVisible[side] = visible
    }

    /// The outline row (index into the visible entries) of the current clause, or of its nearest shown
    /// ancestor when it is folded away.
    var highlightedOutlineRow: Int? {
        let visible = outlineVisible[textSide]
        guard let document = pieces[textSide], !visible.isEmpty else { return nil }
        guard let paragraph = currentParagraphInfo(textSide), let id = paragraph.divisionID ?? paragraph.unitID,
            var entry = document.outlineIndexOfDivision[id]
                ?? paragraph.unitID.flatMap({ document.outlineIndexOfDivision[$0] })
        else { return nil }
        while true {
            if let row = Self.binarySearch(visible, entry) { return row }
            guard let parent = document.outline[entry].parent else { return nil }
            entry = parent
        }
    }

    static func binarySearch(_ sorted: [Int], _ value: Int) -> Int? {
        var low = 0
        var high = sorted.count - 1
        while low <= high {
            let middle = (low + high) / 2
            if sorted[middle] == value { return middle }
            if sorted[middle] < value { low = middle + 1 } else { high = middle - 1 }
        }
        return nil
    }

    /// The outline row the outline pane marks: its cursor when focused, else the current clause.
    var markedOutlineRow: Int? {
        focus == .outline ? outlineCursor : highlightedOutlineRow
    }

    /// Folds or unfolds the entry at an outline row (a leaf folds its parent).
    mutating func toggleFold(atRow row: Int) {
        let visible = outlineVisible[textSide]
        guard let document = pieces[textSide], visible.indices.contains(row) else { return }
        var entryIndex = visible[row]
        if !document.outline[entryIndex].hasChildren {
            guard let parent = document.outline[entryIndex].parent else { return }
            entryIndex = parent
        }
        let id = document.outline[entryIndex].divisionID
        if folded[textSide].contains(id) {
            folded[textSide].remove(id)
            message = "unfolded " + document.outline[entryIndex].heading
        } else {
            folded[textSide].insert(id)
            message = "folded " + document.outline[entryIndex].heading
        }
        recomputeOutline(textSide)
        if focus == .outline {
            outlineCursor = Self.binarySearch(outlineVisible[textSide], entryIndex) ?? 0
        }
    }

    mutating func moveOutlineCursor(by delta: Int) {
        let count = outlineVisible[textSide].count
        guard count > 0 else { return }
        outlineCursor = min(count - 1, max(0, outlineCursor + delta))
    }

    /// Jumps the panes to the outline entry at a row and gives the focus back to the text pane.
    mutating func openOutlineRow(_ row: Int) {
        let visible = outlineVisible[textSide]
        guard let document = pieces[textSide], visible.indices.contains(row) else { return }
        let entry = document.outline[visible[row]]
        if !moveTo(division: entry.divisionID, side: textSide) {
            message = "not found: " + entry.heading
        }
        setFocus(Pane(textSide))
    }
}

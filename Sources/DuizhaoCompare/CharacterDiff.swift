/// Character-level differences between a national sentence and its provincial rewrite.
///
/// A minimal diff on `Character`s (Myers' O(ND) algorithm with the linear-space middle-snake bisection),
/// then a semantic cleanup in the manner of diff-match-patch: an equality of at most six characters that is no
/// longer than the edits on both of its sides is folded into them (so a shared 的 or 和 between two rewrites does not split them into
/// confetti), and a lone insertion or deletion is slid along repeated text to the position where its edges
/// fall on punctuation.
public enum CharacterDiff {
    /// Edits turning `national` into `provincial`, cleaned up into a few meaningful segments. In every edit run
    /// the deletion comes before the insertion; adjacent segments never share an operation. Full-width and
    /// half-width forms of the same punctuation, letter or digit (，and , ; Ａ and A) count as equal; equal
    /// segments carry the provincial text (use `sides` for each side's own characters).
    public static func diff(national: String, provincial: String) -> [DiffSegment] {
        cleaned(national: national, provincial: provincial).combined.map { DiffSegment($0.operation, String($0.text)) }
    }

    /// The same cleaned diff seen from each side: the national text as equal and deleted runs, the provincial
    /// text as equal and inserted runs, each with its own characters; the equal runs correspond one to one.
    public static func sides(national: String, provincial: String) -> (
        national: [DiffSegment], provincial: [DiffSegment]
    ) {
        let result = cleaned(national: national, provincial: provincial)
        return (
            result.national.map { DiffSegment($0.operation, String($0.text)) },
            result.provincial.map { DiffSegment($0.operation, String($0.text)) }
        )
    }

    /// The unprocessed minimal diff (no semantic cleanup, characters compared exactly), for comparison and tests.
    public static func minimalDiff(national: String, provincial: String) -> [DiffSegment] {
        DiffAlgorithm.minimalDiff(Array(national), Array(provincial)).map { DiffSegment($0.operation, String($0.text)) }
    }

    /// Diffs the folded texts, then maps every run back to the original characters of its side.
    static func cleaned(national: String, provincial: String)
        -> (combined: [DiffEdit], national: [DiffEdit], provincial: [DiffEdit])
    {
        var nationalSide = SideRuns(characters: Array(national))
        var provincialSide = SideRuns(characters: Array(provincial))
        var edits = DiffAlgorithm.minimalDiff(nationalSide.characters.map(fold), provincialSide.characters.map(fold))
        DiffAlgorithm.cleanupSemantic(&edits)
        var combined: [DiffEdit] = []
        for edit in edits {
            let count = edit.text.count
            switch edit.operation {
            case .equal:
                nationalSide.take(.equal, count)
                combined.append(provincialSide.take(.equal, count))
            case .delete:
                combined.append(nationalSide.take(.delete, count))
            case .insert:
                combined.append(provincialSide.take(.insert, count))
            }
        }
        return (combined, nationalSide.runs, provincialSide.runs)
    }

    /// Half-width ASCII punctuation becomes its full-width form, full-width letters and digits their ASCII form.
    static func fold(_ character: Character) -> Character {
        guard character.unicodeScalars.count == 1, let scalar = character.unicodeScalars.first else { return character }
        let value = scalar.value
        switch value {
        case 0xFF10...0xFF19, 0xFF21...0xFF3A, 0xFF41...0xFF5A:
            return Character(Unicode.Scalar(value - 0xFEE0)!)
        case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E:
            return Character(Unicode.Scalar(value + 0xFEE0)!)
        default:
            return character
        }
    }
}

/// One side's original characters cut into runs, in order, as the folded diff's edits are walked.
private struct SideRuns {
    let characters: [Character]
    var position = 0
    var runs: [DiffEdit] = []

    /// The side's next `count` characters as a run of `operation`, appended to `runs`.
    @discardableResult
    mutating func take(_ operation: DiffOperation, _ count: Int) -> DiffEdit {
        let run = DiffEdit(operation: operation, text: Array(characters[position..<(position + count)]))
        runs.append(run)
        position += count
        return run
    }
}

/// One run of characters with its operation, while the diff is being built.
struct DiffEdit: Equatable {
    var operation: DiffOperation
    var text: [Character]
}

enum DiffAlgorithm {
    // MARK: Minimal diff

    static func minimalDiff(_ a: [Character], _ b: [Character]) -> [DiffEdit] {
        var edits = diffMain(a, b)
        cleanupMerge(&edits)
        return edits
    }

    static func commonPrefix(_ a: [Character], _ b: [Character]) -> Int {
        var count = 0
        let limit = min(a.count, b.count)
        while count < limit, a[count] == b[count] { count += 1 }
        return count
    }

    static func commonSuffix(_ a: [Character], _ b: [Character]) -> Int {
        var count = 0
        let limit = min(a.count, b.count)
        while count < limit, a[a.count - 1 - count] == b[b.count - 1 - count] { count += 1 }
        return count
    }

    static func diffMain(_ a: [Character], _ b: [Character]) -> [DiffEdit] {
        if a == b { return a.isEmpty ? [] : [DiffEdit(operation: .equal, text: a)] }
        let prefix = commonPrefix(a, b)
        let a1 = Array(a[prefix...])
        let b1 = Array(b[prefix...])
        let suffix = commonSuffix(a1, b1)
        let aMiddle = Array(a1[..<(a1.count - suffix)])
        let bMiddle = Array(b1[..<(b1.count - suffix)])
        var result: [DiffEdit] = []
        if prefix > 0 { result.append(DiffEdit(operation: .equal, text: Array(a[..<prefix]))) }
        result.append(contentsOf: compute(aMiddle, bMiddle))
        if suffix > 0 { result.append(DiffEdit(operation: .equal, text: Array(a1[(a1.count - suffix)...]))) }
        return result
    }

    /// Diff of two texts with no common prefix or suffix.
    static func compute(_ a: [Character], _ b: [Character]) -> [DiffEdit] {
        if a.isEmpty { return [DiffEdit(operation: .insert, text: b)] }
        if b.isEmpty { return [DiffEdit(operation: .delete, text: a)] }
        let (long, short) = a.count > b.count ? (a, b) : (b, a)
        if let start = firstIndex(of: short, in: long) {
            let operation: DiffOperation = a.count > b.count ? .delete : .insert
            return [
                DiffEdit(operation: operation, text: Array(long[..<start])),
                DiffEdit(operation: .equal, text: short),
                DiffEdit(operation: operation, text: Array(long[(start + short.count)...])),
            ]
        }
        if short.count == 1 { return [DiffEdit(operation: .delete, text: a), DiffEdit(operation: .insert, text: b)] }
        return bisect(a, b)
    }

    static func firstIndex(of needle: [Character], in haystack: [Character]) -> Int? {
        guard !needle.isEmpty, needle.count <= haystack.count else { return nil }
        outer: for start in 0...(haystack.count - needle.count) {
            for offset in needle.indices where haystack[start + offset] != needle[offset] { continue outer }
            return start
        }
        return nil
    }

    /// Myers' middle snake: walks the edit graph from both ends, splits at the overlap and recurses. The forward
    /// search (side 0) and the reverse search (side 1, on the mirrored texts) are the same walk; each keeps the
    /// furthest x reached per diagonal (in its half of `v`) and how many diagonals it has run off the graph at
    /// either end. The side whose step can meet the other's (by the parity of `n - m`) looks for the overlap.
    static func bisect(_ a: [Character], _ b: [Character]) -> [DiffEdit] {
        let n = a.count
        let m = b.count
        let maxD = (n + m + 1) / 2
        let vOffset = maxD
        let vLength = 2 * maxD
        var v = [Int](repeating: -1, count: 2 * vLength)
        v[vOffset + 1] = 0
        v[vLength + vOffset + 1] = 0
        let delta = n - m
        let forwardMeets = delta % 2 != 0
        var kStart = [0, 0]
        var kEnd = [0, 0]
        for d in 0..<maxD {
            for side in 0..<2 {
                let reverse = side == 1
                let base = side * vLength
                var k = -d + kStart[side]
                while k <= d - kEnd[side] {
                    let index = base + vOffset + k
                    var x = (k == -d || (k != d && v[index - 1] < v[index + 1])) ? v[index + 1] : v[index - 1] + 1
                    var y = x - k
                    while x < n, y < m, reverse ? a[n - x - 1] == b[m - y - 1] : a[x] == b[y] {
                        x += 1
                        y += 1
                    }
                    v[index] = x
                    if x > n {
                        kEnd[side] += 2
                    } else if y > m {
                        kStart[side] += 2
                    } else if forwardMeets != reverse {
                        let otherK = delta - k
                        let other =
                            vOffset + otherK >= 0 && vOffset + otherK < vLength
                            ? v[(1 - side) * vLength + vOffset + otherK] : -1
                        if other != -1, x + other >= n {
                            // Split where the forward path reached.
                            return reverse ? bisectSplit(a, b, other, other - otherK) : bisectSplit(a, b, x, y)
                        }
                    }
                    k += 2
                }
            }
        }
        return [DiffEdit(operation: .delete, text: a), DiffEdit(operation: .insert, text: b)]
    }

    static func bisectSplit(_ a: [Character], _ b: [Character], _ x: Int, _ y: Int) -> [DiffEdit] {
        diffMain(Array(a[..<x]), Array(b[..<y])) + diffMain(Array(a[x...]), Array(b[y...]))
    }

    // MARK: Merging

    /// Joins adjacent runs of the same operation, puts each deletion before its insertion, factors text common
    /// to a deletion and its insertion out into the neighbouring equalities, and slides single edits sideways
    /// when that removes an equality.
    static func cleanupMerge(_ edits: inout [DiffEdit]) {
        edits.removeAll { $0.text.isEmpty }
        edits.append(DiffEdit(operation: .equal, text: []))
        var pointer = 0
        var countDelete = 0
        var countInsert = 0
        var textDelete: [Character] = []
        var textInsert: [Character] = []
        while pointer < edits.count {
            switch edits[pointer].operation {
            case .insert:
                countInsert += 1
                textInsert += edits[pointer].text
                pointer += 1
            case .delete:
                countDelete += 1
                textDelete += edits[pointer].text
                pointer += 1
            case .equal:
                if countDelete + countInsert > 1 {
                    if countDelete != 0, countInsert != 0 {
                        let prefix = commonPrefix(textInsert, textDelete)
                        if prefix != 0 {
                            let start = pointer - countDelete - countInsert
                            if start > 0, edits[start - 1].operation == .equal {
                                edits[start - 1].text += textInsert[..<prefix]
                            } else {
                                edits.insert(DiffEdit(operation: .equal, text: Array(textInsert[..<prefix])), at: 0)
                                pointer += 1
                            }
                            textInsert.removeFirst(prefix)
                            textDelete.removeFirst(prefix)
                        }
                        let suffix = commonSuffix(textInsert, textDelete)
                        if suffix != 0 {
                            edits[pointer].text =
                                Array(textInsert[(textInsert.count - suffix)...]) + edits[pointer].text
                            textInsert.removeLast(suffix)
                            textDelete.removeLast(suffix)
                        }
                    }
                    pointer -= countDelete + countInsert
                    edits.removeSubrange(pointer..<(pointer + countDelete + countInsert))
                    if !textDelete.isEmpty {
                        edits.insert(DiffEdit(operation: .delete, text: textDelete), at: pointer)
                        pointer += 1
                    }
                    if !textInsert.isEmpty {
                        edits.insert(DiffEdit(operation: .insert, text: textInsert), at: pointer)
                        pointer += 1
                    }
                    pointer += 1
                } else if pointer != 0, edits[pointer - 1].operation == .equal {
                    edits[pointer - 1].text += edits[pointer].text
                    edits.remove(at: pointer)
                } else {
                    pointer += 1
                }
                countInsert = 0
                countDelete = 0
                textDelete = []
                textInsert = []
            }
        }
        if edits.last?.text.isEmpty == true { edits.removeLast() }

        var changed = false
        pointer = 1
        while pointer < edits.count - 1 {
            if edits[pointer - 1].operation == .equal, edits[pointer + 1].operation == .equal {
                let previous = edits[pointer - 1].text
                let next = edits[pointer + 1].text
                let edit = edits[pointer].text
                if edit.count >= previous.count, Array(edit.suffix(previous.count)) == previous {
                    edits[pointer].text = previous + edit.dropLast(previous.count)
                    edits[pointer + 1].text = previous + next
                    edits.remove(at: pointer - 1)
                    changed = true
                } else if edit.count >= next.count, Array(edit.prefix(next.count)) == next {
                    edits[pointer - 1].text += next
                    edits[pointer].text = Array(edit.dropFirst(next.count)) + next
                    edits.remove(at: pointer + 1)
                    changed = true
                }
            }
            pointer += 1
        }
        if changed { cleanupMerge(&edits) }
    }

    // MARK: Semantic cleanup

    /// Equalities longer than this always survive: a shared phrase of seven or more characters is a real
    /// correspondence even between two long rewrites.
    static let longestFoldedEquality = 6

    /// Folds equalities that are no longer than the edits on both sides (and at most `longestFoldedEquality`
    /// characters) into those edits, then aligns lone edits to punctuation.
    static func cleanupSemantic(_ edits: inout [DiffEdit]) {
        var changed = false
        var equalities: [Int] = []
        var lastEquality: [Character]?
        var pointer = 0
        var insertedBefore = 0
        var deletedBefore = 0
        var insertedAfter = 0
        var deletedAfter = 0
        while pointer < edits.count {
            if edits[pointer].operation == .equal {
                equalities.append(pointer)
                insertedBefore = insertedAfter
                deletedBefore = deletedAfter
                insertedAfter = 0
                deletedAfter = 0
                lastEquality = edits[pointer].text
            } else {
                if edits[pointer].operation == .insert {
                    insertedAfter += edits[pointer].text.count
                } else {
                    deletedAfter += edits[pointer].text.count
                }
                if let equality = lastEquality, let position = equalities.last,
                    equality.count <= longestFoldedEquality,
                    equality.count <= max(insertedBefore, deletedBefore),
                    equality.count <= max(insertedAfter, deletedAfter)
                {
                    edits.insert(DiffEdit(operation: .delete, text: equality), at: position)
                    edits[position + 1].operation = .insert
                    equalities.removeLast()
                    if !equalities.isEmpty { equalities.removeLast() }
                    pointer = equalities.last ?? -1
                    insertedBefore = 0
                    deletedBefore = 0
                    insertedAfter = 0
                    deletedAfter = 0
                    lastEquality = nil
                    changed = true
                }
            }
            pointer += 1
        }
        if changed { cleanupMerge(&edits) }
        alignToPunctuation(&edits)
    }

    static let sentenceEnds: Set<Character> = ["。", "！", "？", "；", "!", "?", ";", "\n"]
    static let clauseMarks: Set<Character> = ["，", "、", "：", ",", ":", "“", "”", "（", "）", "(", ")", "《", "》"]

    /// How good a place the gap between `before` and `after` is for an edit to start or end.
    static func boundaryScore(_ before: [Character], _ after: [Character]) -> Int {
        guard let last = before.last, let first = after.first else { return 6 }
        if sentenceEnds.contains(last) { return 5 }
        if clauseMarks.contains(last) { return 4 }
        if sentenceEnds.contains(first) || clauseMarks.contains(first) { return 3 }
        if last.isWhitespace || first.isWhitespace { return 2 }
        if last.isPunctuation || first.isPunctuation { return 1 }
        return 0
    }

    /// Slides each lone edit between two equalities along repeated text to where its edges score best.
    static func alignToPunctuation(_ edits: inout [DiffEdit]) {
        var pointer = 1
        while pointer < edits.count - 1 {
            if edits[pointer - 1].operation == .equal, edits[pointer + 1].operation == .equal {
                var equality1 = edits[pointer - 1].text
                var edit = edits[pointer].text
                var equality2 = edits[pointer + 1].text
                let shared = commonSuffix(equality1, edit)
                if shared > 0 {
                    let common = Array(edit.suffix(shared))
                    equality1.removeLast(shared)
                    edit = common + edit.dropLast(shared)
                    equality2 = common + equality2
                }
                var best = (equality1, edit, equality2)
                var bestScore = boundaryScore(equality1, edit) + boundaryScore(edit, equality2)
                while let first = edit.first, let next = equality2.first, first == next {
                    equality1.append(first)
                    edit.removeFirst()
                    edit.append(next)
                    equality2.removeFirst()
                    let score = boundaryScore(equality1, edit) + boundaryScore(edit, equality2)
                    if score >= bestScore {
                        bestScore = score
                        best = (equality1, edit, equality2)
                    }
                }
                if edits[pointer - 1].text != best.0 {
                    if best.0.isEmpty {
                        edits.remove(at: pointer - 1)
                        pointer -= 1
                    } else {
                        edits[pointer - 1].text = best.0
                    }
                    edits[pointer].text = best.1
                    if best.2.isEmpty {
                        edits.remove(at: pointer + 1)
                        pointer -= 1
                    } else {
                        edits[pointer + 1].text = best.2
                    }
                }
            }
            pointer += 1
        }
    }
}

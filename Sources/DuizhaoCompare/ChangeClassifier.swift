/// What a province did to the norm in one change.
public enum ChangeKind: String, Sendable, Codable, CaseIterable {
    /// The province's counterpart of the same thing (本法→本办法, 全国→全省, 国务院有关部门→省有关部门).
    case localized
    /// The modal force rose (可以→应当, a 不得 added, a hedge such as 逐步 removed).
    case stronger
    /// The modal force fell (应当→可以, a 不得 removed, a hedge added).
    case weaker
    /// A quantity, period, date, share or amount changed (三十日→十五日).
    case number
    /// A different responsible body or addressee.
    case actor
    /// The same norm in other words.
    case wording
    /// A clause only the provincial text has.
    case added
    /// A clause only the national text has.
    case deleted

    /// Every kind but `localized` changes the substance.
    public var isSubstantive: Bool { self != .localized }
}

/// One classified change between a national text and its provincial counterpart.
public struct Change: Sendable, Equatable, Codable {
    public var kind: ChangeKind
    /// The changed national text ("" for an insertion).
    public var national: String
    /// The changed provincial text ("" for a deletion).
    public var provincial: String
    /// Offsets in `Character`s of the change in the national and the provincial text given to the classifier.
    public var nationalRange: Range<Int>
    public var provincialRange: Range<Int>

    public init(
        kind: ChangeKind, national: String, provincial: String, nationalRange: Range<Int>, provincialRange: Range<Int>
    ) {
        self.kind = kind
        self.national = national
        self.provincial = provincial
        self.nationalRange = nationalRange
        self.provincialRange = provincialRange
    }
}

/// Classifies the differences between a national text and its provincial rewrite.
///
/// Both texts are folded with the localisation lexicon (`Localization`) and diffed with `CharacterDiff`; every
/// run of differences is one change. A localisation form that differs between the sides but folds alike is a
/// `localized` change of its own, unless it touches a substantive difference (国务院教育行政部门 →
/// 省人力资源社会保障部门 is one `actor` change). A substantive change is, in this order: `added`/`deleted` (a
/// whole clause one side lacks), `stronger`/`weaker` (modal force or hedges), `number`, `actor`, else `wording`.
public enum ChangeClassifier {
    /// Every change between `national` and `provincial`, in text order. `localLevel` is the level of the local
    /// document (省, 市 …; `Localization.dominantLevel`): a localisation to another level (国务院 → 市人民政府 in
    /// a provincial text) gives the norm to a body beyond the direct counterpart, an `actor` change.
    public static func changes(national: String, provincial: String, localLevel: String? = nil) -> [Change] {
        let nationalText = FoldedText(national)
        let provincialText = FoldedText(provincial)
        let units = wholeQuantities(differingUnits(nationalText, provincialText), nationalText, provincialText)
        return units.compactMap { unit in
            let nationalRange = nationalText.originalRange(of: unit.national)
            let provincialRange = provincialText.originalRange(of: unit.provincial)
            let nationalPart = String(nationalText.characters[nationalRange])
            let provincialPart = String(provincialText.characters[provincialRange])
            // Punctuation alone, or a localisation form spelt the same on both sides, is no change.
            if TextContent.scalars(of: nationalPart) == TextContent.scalars(of: provincialPart) { return nil }
            let kind: ChangeKind
            if unit.substantive {
                kind = substantiveKind(
                    national: nationalText.characters, nationalRange, provincial: provincialText.characters,
                    provincialRange)
            } else if let localLevel,
                Localization.matches(in: provincialPart).contains(where: { $0.level != nil && $0.level != localLevel })
            {
                kind = .actor
            } else {
                kind = .localized
            }
            return Change(
                kind: kind, national: nationalPart, provincial: provincialPart,
                nationalRange: nationalRange, provincialRange: provincialRange)
        }
    }

    /// The kind of a change from `national` to `provincial` taken as a whole (a phrase pair); nil when they do
    /// not differ (punctuation widths aside).
    public static func kind(national: String, provincial: String, localLevel: String? = nil) -> ChangeKind? {
        let kinds = Set(changes(national: national, provincial: provincial, localLevel: localLevel).map(\.kind))
        return precedence.first { kinds.contains($0) }
    }

    /// Which kind names a pair of phrases with several changes: the substance first, localisation last.
    static let precedence: [ChangeKind] = [.added, .deleted, .stronger, .weaker, .number, .actor, .wording, .localized]

    /// Counts per kind (every kind present, zero when absent), for summaries.
    public static func counts(_ changes: [Change]) -> [ChangeKind: Int] {
        var counts = Dictionary(uniqueKeysWithValues: ChangeKind.allCases.map { ($0, 0) })
        for change in changes { counts[change.kind, default: 0] += 1 }
        return counts
    }

    // MARK: - Runs of differences

    /// A run of differences in folded positions; `substantive` when the folded texts differ there.
    struct Unit {
        var national: Range<Int>
        var provincial: Range<Int>
        var substantive: Bool
    }

    /// The runs of differences: the diff's edits (substantive) and the localisation forms inside equal text
    /// that are spelt differently on the two sides, merged where they touch.
    static func differingUnits(_ national: FoldedText, _ provincial: FoldedText) -> [Unit] {
        let sides = CharacterDiff.sides(national: String(national.folded), provincial: String(provincial.folded))
        let nationalRuns = runs(sides.national)
        let provincialRuns = runs(sides.provincial)
        var units: [Unit] = []
        var nationalPosition = 0
        var provincialPosition = 0
        func addGap(_ index: Int) {
            let nationalLength = nationalRuns.gaps[index]
            let provincialLength = provincialRuns.gaps[index]
            if nationalLength > 0 || provincialLength > 0 {
                units.append(
                    Unit(
                        national: nationalPosition..<nationalPosition + nationalLength,
                        provincial: provincialPosition..<provincialPosition + provincialLength, substantive: true))
            }
            nationalPosition += nationalLength
            provincialPosition += provincialLength
        }
        for (index, length) in nationalRuns.equals.enumerated() {
            addGap(index)
            var offset = 0
            while offset < length {
                guard
                    national.isLocalized(nationalPosition + offset)
                        || provincial.isLocalized(provincialPosition + offset)
                else {
                    offset += 1
                    continue
                }
                let start = offset
                while offset < length,
                    national.isLocalized(nationalPosition + offset)
                        || provincial.isLocalized(provincialPosition + offset)
                {
                    offset += 1
                }
                let unit = Unit(
                    national: nationalPosition + start..<nationalPosition + offset,
                    provincial: provincialPosition + start..<provincialPosition + offset, substantive: false)
                // Only forms spelt differently are changes (国家 kept as 国家 is not).
                if national.originalText(of: unit.national) != provincial.originalText(of: unit.provincial) {
                    units.append(unit)
                }
            }
            nationalPosition += length
            provincialPosition += length
        }
        addGap(nationalRuns.equals.count)
        // Merge runs that touch on both sides: a localisation next to a substantive change is part of it.
        var merged: [Unit] = []
        for unit in units {
            if let last = merged.last, last.national.upperBound == unit.national.lowerBound,
                last.provincial.upperBound == unit.provincial.lowerBound
            {
                merged[merged.count - 1] = Unit(
                    national: last.national.lowerBound..<unit.national.upperBound,
                    provincial: last.provincial.lowerBound..<unit.provincial.upperBound,
                    substantive: last.substantive || unit.substantive)
            } else {
                merged.append(unit)
            }
        }
        return merged
    }

    /// Widens substantive runs to whole quantities (五分之一 → 百分之十 is one change, not 五→百 and 一→十) and
    /// merges runs that then overlap. Widening moves over equal text, so both sides move by the same amount.
    static func wholeQuantities(_ units: [Unit], _ national: FoldedText, _ provincial: FoldedText) -> [Unit] {
        let nationalTokens = quantityRanges(in: national.folded)
        let provincialTokens = quantityRanges(in: provincial.folded)
        var widened: [Unit] = units.map { unit in
            guard unit.substantive else { return unit }
            var result = unit
            for (tokens, side) in [(nationalTokens, \Unit.national), (provincialTokens, \Unit.provincial)] {
                for token in tokens {
                    let range = result[keyPath: side]
                    let touches =
                        token.overlaps(range)
                        || (range.isEmpty && token.lowerBound < range.lowerBound && range.lowerBound < token.upperBound)
                    guard touches else { continue }
                    let left = max(0, range.lowerBound - token.lowerBound)
                    let right = max(0, token.upperBound - range.upperBound)
                    result.national =
                        max(
                            0, result.national.lowerBound - left)..<min(
                            national.folded.count, result.national.upperBound + right)
                    result.provincial =
                        max(
                            0, result.provincial.lowerBound - left)..<min(
                            provincial.folded.count, result.provincial.upperBound + right)
                }
            }
            return result
        }
        var merged: [Unit] = []
        for unit in widened {
            if let last = merged.last,
                last.national.upperBound > unit.national.lowerBound
                    || last.provincial.upperBound > unit.provincial.lowerBound
            {
                merged[merged.count - 1] = Unit(
                    national: last.national.lowerBound..<max(last.national.upperBound, unit.national.upperBound),
                    provincial: last.provincial
                        .lowerBound..<max(last.provincial.upperBound, unit.provincial.upperBound),
                    substantive: last.substantive || unit.substantive)
            } else {
                merged.append(unit)
            }
        }
        widened = merged
        return widened
    }

    /// Where the quantities of `text` are.
    static func quantityRanges(in text: [Character]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var index = 0
        while index < text.count {
            if let token = quantity(in: text, at: index) {
                ranges.append(index..<token.end)
                index = token.end
            } else {
                index += 1
            }
        }
        return ranges
    }

    /// The lengths of one side's diff: the non-equal length before each equal run, and the equal runs.
    static func runs(_ segments: [DiffSegment]) -> (gaps: [Int], equals: [Int]) {
        var gaps = [0]
        var equals: [Int] = []
        for segment in segments {
            if segment.operation == .equal {
                equals.append(segment.text.count)
                gaps.append(0)
            } else {
                gaps[gaps.count - 1] += segment.text.count
            }
        }
        return (gaps, equals)
    }

    // MARK: - Kinds

    static func substantiveKind(
        national: [Character], _ nationalRange: Range<Int>, provincial: [Character], _ provincialRange: Range<Int>
    ) -> ChangeKind {
        let nationalPart = String(national[nationalRange])
        let provincialPart = String(provincial[provincialRange])
        if Localization.isImpliedLocally(
            removed: nationalPart, followedBy: String(national[nationalRange.upperBound...].prefix(8)),
            other: provincialPart)
            || Localization.isImpliedLocally(
                removed: provincialPart, followedBy: String(provincial[provincialRange.upperBound...].prefix(8)),
                other: nationalPart)
        {
            return .localized
        }
        // A side with punctuation only (。 → ，可以连选连任；) counts as nothing.
        let nationalEmpty = contentLength(national[nationalRange]) == 0
        let provincialEmpty = contentLength(provincial[provincialRange]) == 0
        if nationalEmpty, Localization.isOnlyForms(provincialPart, of: .local) { return .localized }
        if provincialEmpty, Localization.isOnlyForms(nationalPart, of: .national) { return .localized }
        if nationalEmpty, isWholeClause(provincial, provincialRange) { return .added }
        if provincialEmpty, isWholeClause(national, nationalRange) { return .deleted }
        // A longer run is a rewrite of the passage: a modal word, number or body inside it is not what changed.
        if max(contentLength(national[nationalRange]), contentLength(provincial[provincialRange])) > phraseLength {
            return .wording
        }
        if let modal = modalChange(national: national, nationalRange, provincial: provincial, provincialRange) {
            return modal
        }
        let nationalNumbers = numbers(in: national, overlapping: nationalRange)
        let provincialNumbers = numbers(in: provincial, overlapping: provincialRange)
        if !(nationalNumbers.isEmpty && provincialNumbers.isEmpty), nationalNumbers != provincialNumbers {
            return .number
        }
        if actorChanged(national: national, nationalRange, provincial: provincial, provincialRange) { return .actor }
        return .wording
    }

    /// The longest change (in characters of content on either side) still read as one phrase.
    static let phraseLength = 12

    static func contentLength(_ characters: ArraySlice<Character>) -> Int {
        characters.filter { TextContent.fold($0.unicodeScalars.first!.value) != nil }.count
    }

    static let clausePunctuation: Set<Character> = Set("，。；：！？,;:!?\n")

    /// Whether `range` is a whole clause of `text`: it starts and ends at clause punctuation (or the ends of the
    /// text) and holds at least four characters of content.
    static func isWholeClause(_ text: [Character], _ range: Range<Int>) -> Bool {
        guard range.count >= 4 else { return false }
        let startsClause =
            range.lowerBound == 0 || clausePunctuation.contains(text[range.lowerBound - 1])
            || clausePunctuation.contains(text[range.lowerBound])
        let endsClause =
            range.upperBound == text.count || clausePunctuation.contains(text[range.upperBound - 1])
            || clausePunctuation.contains(text[range.upperBound])
        return startsClause && endsClause && contentLength(text[range]) >= 4
    }

    /// The clause of `text` around `range` (between clause punctuation).
    static func clause(around range: Range<Int>, in text: [Character]) -> Range<Int> {
        var start = range.lowerBound
        var end = range.upperBound
        while start > 0, !clausePunctuation.contains(text[start - 1]) { start -= 1 }
        while end < text.count, !clausePunctuation.contains(text[end]) { end += 1 }
        return start..<end
    }

    // MARK: Modal force

    struct ModalWord {
        var range: Range<Int>
        var modal: ChangeLexicon.Modal
    }

    /// The modal words of `text`, left to right, longest first where they overlap.
    static func modalWords(in text: [Character], within bounds: Range<Int>) -> [ModalWord] {
        var found: [ModalWord] = []
        var index = bounds.lowerBound
        search: while index < bounds.upperBound {
            guard ChangeLexicon.modalFirsts.contains(text[index]) else {
                index += 1
                continue
            }
            for (word, modal) in ChangeLexicon.modals where matches(word, in: text, at: index) {
                let end = index + word.count
                if word.count == 1, let first = word.first {
                    let before = index > 0 ? text[index - 1] : nil
                    let after = end < text.count ? text[end] : nil
                    if let before, ChangeLexicon.notModalBefore[first]?.contains(before) == true { continue }
                    if let after, ChangeLexicon.notModalAfter[first]?.contains(after) == true { continue }
                }
                if word == ["负", "责"], end < text.count, text[end] == "人" { continue }  // 负责人: a person
                found.append(ModalWord(range: index..<end, modal: modal))
                index = end
                continue search
            }
            index += 1
        }
        return found
    }

    static func matches(_ word: [Character], in text: [Character], at index: Int) -> Bool {
        index + word.count <= text.count && text[index..<index + word.count].elementsEqual(word)
    }

    static func text(of word: ModalWord, in text: [Character]) -> String { String(text[word.range]) }

    /// Whether words found in `range` are a real part of the change: a short change, or the words make up a
    /// quarter of its content.
    static func isSalient(_ words: [Range<Int>], in text: [Character], _ range: Range<Int>) -> Bool {
        let content = contentLength(text[range])
        let covered = words.reduce(0) { $0 + $1.clamped(to: range).count }
        return content <= 4 || covered * 4 >= content
    }

    /// The modal words of a clause that say what it already required, beside a change at `range`: not the verb
    /// right after the change (the one a removed or added modal governs, 应当|支持…), and not 支持 or 引导,
    /// which are as often plain verbs (村民委员会尊重并支持…).
    static func baseWords(_ words: [ModalWord], in text: [Character], after range: Range<Int>) -> [ModalWord] {
        words.filter { word in
            word.range.lowerBound != range.upperBound
                && !ChangeLexicon.verbLikeModals.contains(String(text[word.range]))
        }
    }

    static func strongestForce(_ words: [ModalWord]) -> Int? {
        words.compactMap { if case .force(let force) = $0.modal { force } else { nil } }.max()
    }

    /// `stronger` or `weaker` when the change moves the modal force of its norm, else nil.
    static func modalChange(
        national: [Character], _ nationalRange: Range<Int>, provincial: [Character], _ provincialRange: Range<Int>
    ) -> ChangeKind? {
        let nationalClause = clause(around: nationalRange, in: national)
        let provincialClause = clause(around: provincialRange, in: provincial)
        let nationalWords = modalWords(in: national, within: nationalClause)
        let provincialWords = modalWords(in: provincial, within: provincialClause)
        // A modal word decides only where it is a real part of the change (not one word of a rewritten phrase).
        let removed = nationalWords.filter { $0.range.overlaps(nationalRange) }
        let added = provincialWords.filter { $0.range.overlaps(provincialRange) }
        let removedCounts = isSalient(removed.map(\.range), in: national, nationalRange)
        let addedCounts = isSalient(added.map(\.range), in: provincial, provincialRange)
        let removedProhibition = removedCounts && removed.contains { $0.modal == .prohibition }
        let addedProhibition = addedCounts && added.contains { $0.modal == .prohibition }
        if removedProhibition != addedProhibition { return addedProhibition ? .stronger : .weaker }
        switch (strongestForce(removed), strongestForce(added)) {
        case (let before?, let after?):
            if after != before { return after > before ? .stronger : .weaker }
        case (nil, let after?) where addedCounts:
            if let kind = oneSidedModal(
                force: after, changed: added, in: provincial, provincialRange,
                other: nationalWords, in: national, nationalRange, gained: true)
            {
                return kind
            }
        case (let before?, nil) where removedCounts:
            if let kind = oneSidedModal(
                force: before, changed: removed, in: national, nationalRange,
                other: provincialWords, in: provincial, provincialRange, gained: false)
            {
                return kind
            }
        default:
            break
        }
        let removedHedges = hedges(in: national, overlapping: nationalRange)
        let addedHedges = hedges(in: provincial, overlapping: provincialRange)
        let hedgeRemoved = !removedHedges.isEmpty && isSalient(removedHedges, in: national, nationalRange)
        let hedgeAdded = !addedHedges.isEmpty && isSalient(addedHedges, in: provincial, provincialRange)
        if hedgeRemoved != hedgeAdded { return hedgeAdded ? .weaker : .stronger }
        return nil
    }

    /// A modal of `force` changed on one side only (`gained`: added on the provincial side; else removed from the
    /// national one), compared with what the other side's clause already said (not counting the verb right after
    /// the change, which the modal governs: 应当|支持…). A bare directive reads as an obligation (3), so only 必须
    /// moves it toward the modal's side and only a permission (可以, 鼓励) moves it away; nil when neither.
    static func oneSidedModal(
        force: Int, changed: [ModalWord], in characters: [Character], _ range: Range<Int>,
        other otherWords: [ModalWord], in otherCharacters: [Character], _ otherRange: Range<Int>, gained: Bool
    ) -> ChangeKind? {
        let toward: ChangeKind = gained ? .stronger : .weaker
        if let base = strongestForce(baseWords(otherWords, in: otherCharacters, after: otherRange)) {
            return force > base ? toward : nil
        }
        if force > 3 { return toward }
        // (Not when a subject comes with the permission: 村民会议可以 moved out of a list header is a restructuring.)
        if changed.contains(where: { ChangeLexicon.permissions.contains(text(of: $0, in: characters)) }),
            bodies(in: characters, overlapping: range).isEmpty
        {
            return gained ? .weaker : .stronger
        }
        return nil
    }

    /// The hedges (逐步, 原则上 …) that overlap `range`.
    static func hedges(in text: [Character], overlapping range: Range<Int>) -> [Range<Int>] {
        guard !range.isEmpty else { return [] }
        let window = max(0, range.lowerBound - 3)..<min(text.count, range.upperBound + 3)
        var found: [Range<Int>] = []
        for index in window {
            for hedge in ChangeLexicon.hedges where matches(hedge, in: text, at: index) {
                let hit = index..<index + hedge.count
                if hit.overlaps(range) { found.append(hit) }
                break
            }
        }
        return found
    }

    // MARK: Numbers

    /// A quantity: its value and unit (万元 and 万 fold into the value).
    struct Quantity: Equatable {
        var value: Double
        var unit: String
    }

    /// The quantities of `text` that overlap `range` (a number token is taken whole).
    static func numbers(in text: [Character], overlapping range: Range<Int>) -> [Quantity] {
        let clauseRange = clause(around: range, in: text)
        var found: [Quantity] = []
        var index = clauseRange.lowerBound
        while index < clauseRange.upperBound {
            guard let token = quantity(in: text, at: index) else {
                index += 1
                continue
            }
            let tokenRange = index..<token.end
            if tokenRange.overlaps(range)
                || (range.isEmpty && tokenRange.contains(range.lowerBound) && range.lowerBound > index)
            {
                found.append(token.quantity)
            }
            index = token.end
        }
        return found
    }

    static func isDigit(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1 else { return false }
        return (0x30...0x39).contains(scalar.value) || (0xFF10...0xFF19).contains(scalar.value)
    }

    /// The quantity starting at `start`: Arabic digits (with an optional unit), a Chinese numeral before a unit,
    /// or 百分之 and a numeral. Ordinals (第十条) are not quantities.
    static func quantity(in text: [Character], at start: Int) -> (quantity: Quantity, end: Int)? {
        // Most characters start no number: decide that before anything else.
        let first = text[start]
        guard isDigit(first) || ChangeLexicon.chineseNumerals[first] != nil else { return nil }
        // Not an ordinal (第十条), not inside a number, not 上一级/同一/该一 (a level or a pointer, no quantity).
        if start > 0,
            text[start - 1] == "第" || isDigit(text[start - 1]) || ChangeLexicon.chineseNumerals[text[start - 1]] != nil
                || (first == "一" && "上下同该其本某".contains(text[start - 1]))
        {
            return nil
        }
        var index = start
        var value: Double
        var percent = false
        if matches(percentPrefix, in: text, at: index) {
            percent = true
            index += 3
        }
        if index < text.count, isDigit(text[index]) {
            var digits = ""
            while index < text.count,
                isDigit(text[index])
                    || ((text[index] == "." || text[index] == "．") && index + 1 < text.count
                        && isDigit(text[index + 1]))
            {
                let scalar = text[index].unicodeScalars.first!.value
                digits.append(
                    scalar >= 0xFF10
                        ? Character(Unicode.Scalar(scalar - 0xFEE0)!) : text[index] == "．" ? "." : text[index])
                index += 1
            }
            value = Double(digits) ?? 0
        } else {
            let numeralStart = index
            while index < text.count, ChangeLexicon.chineseNumerals[text[index]] != nil { index += 1 }
            guard index > numeralStart, let parsed = chineseValue(text[numeralStart..<index]) else { return nil }
            value = parsed
            if !percent, matches(["分", "之"], in: text, at: index) {
                // A fraction: 五分之一, 三分之二.
                let denominatorEnd = index
                index += 2
                let numeratorStart = index
                while index < text.count, ChangeLexicon.chineseNumerals[text[index]] != nil { index += 1 }
                guard let numerator = chineseValue(text[numeratorStart..<index]), value > 0,
                    denominatorEnd > numeralStart
                else { return nil }
                return (Quantity(value: numerator / value, unit: "分之"), index)
            }
            // A Chinese numeral is a quantity only before a unit (统一, 进一步 are words).
            if !percent, !ChangeLexicon.units.contains(where: { matches($0, in: text, at: index) }) { return nil }
        }
        if index < text.count, ChangeLexicon.ordinalEnds.contains(text[index]), start > 0, text[start - 1] == "第" {
            return nil
        }
        var unit = ChangeLexicon.units.first { matches($0, in: text, at: index) } ?? []
        index += unit.count
        if let first = unit.first, let scale = unitScales[first], unit.count > 1 {
            value *= scale
            unit.removeFirst()
        }
        if percent || unit == ["％"] { unit = ["%"] }
        if unit == ["天"] { unit = ["日"] }  // 十天 and 十日 are the same period
        return (Quantity(value: value, unit: String(unit)), index)
    }

    static let percentPrefix: [Character] = Array("百分之")
    static let unitScales: [Character: Double] = ["万": 10_000, "亿": 100_000_000, "千": 1000]

    /// Value of a Chinese numeral (十二, 三十, 一百零五, 五万, 二〇一七); nil when malformed.
    static func chineseValue(_ characters: ArraySlice<Character>) -> Double? {
        let values = characters.compactMap { ChangeLexicon.chineseNumerals[$0] }
        guard values.count == characters.count, !values.isEmpty else { return nil }
        if values.allSatisfy({ $0 < 10 }) { return Double(values.reduce(0) { $0 * 10 + $1 }) }
        var total = 0.0
        var section = 0.0
        var digit = 0.0
        for value in values {
            switch value {
            case 0..<10: digit = Double(value)
            case 10, 100, 1000:
                section += (digit == 0 ? 1 : digit) * Double(value)
                digit = 0
            default:
                total += (section + digit) * Double(value)
                section = 0
                digit = 0
            }
        }
        return total + section + digit
    }

    // MARK: Actors

    struct Body {
        var range: Range<Int>
        /// The name without the jurisdiction in front (国务院教育行政部门 → 教育行政部门), so only a different
        /// body, not a localised one, counts as a change.
        var core: String
    }

    /// Whether the change gives the norm to another responsible body or addressee: bodies on both sides that
    /// differ beyond their jurisdiction, or a body added or removed as the whole change.
    static func actorChanged(
        national: [Character], _ nationalRange: Range<Int>, provincial: [Character], _ provincialRange: Range<Int>
    ) -> Bool {
        let nationalBodies = bodies(in: national, overlapping: nationalRange)
        let provincialBodies = bodies(in: provincial, overlapping: provincialRange)
        // Departments listed before 部门 (工业和信息化、公安等有关部门 → 通信管理、公安等有关部门).
        let nationalPart = String(national[nationalRange])
        let provincialPart = String(provincial[provincialRange])
        if Localization.startsDepartment(Array(nationalPart.unicodeScalars), at: 0),
            Localization.startsDepartment(Array(provincialPart.unicodeScalars), at: 0),
            Localization.fold(nationalPart) != Localization.fold(provincialPart)
        {
            return true
        }
        if !nationalBodies.isEmpty, !provincialBodies.isEmpty {
            return nationalBodies.map(\.core) != provincialBodies.map(\.core)
        }
        /// Bodies and the words joining them (和军队, 、公安部门) are all the change holds: a subject dropped with
        /// its verb or modal (村民委员会应当 before a list of duties) is not.
        func isOnlyBodies(_ found: [Body], in text: [Character], _ range: Range<Int>) -> Bool {
            let covered = Set(found.flatMap { Array($0.range.clamped(to: range)) })
            return !covered.isEmpty
                && range.allSatisfy { index in
                    covered.contains(index) || ChangeLexicon.bodyJoiners.contains(text[index])
                        || TextContent.fold(text[index].unicodeScalars.first!.value) == nil
                }
        }
        if nationalRange.isEmpty { return isOnlyBodies(provincialBodies, in: provincial, provincialRange) }
        if provincialRange.isEmpty { return isOnlyBodies(nationalBodies, in: national, nationalRange) }
        return false
    }

    /// The responsible bodies and addressees overlapping `range` (whole names).
    static func bodies(in text: [Character], overlapping range: Range<Int>) -> [Body] {
        let clauseRange = clause(around: range, in: text)
        var found: [Body] = []
        var index = clauseRange.lowerBound
        while index < clauseRange.upperBound {
            guard ChangeLexicon.bodySuffixFirsts.contains(text[index]),
                let suffix = ChangeLexicon.bodySuffixes.first(where: { matches($0, in: text, at: index) }),
                index + suffix.count <= clauseRange.upperBound, isBodySuffix(suffix, in: text, at: index)
            else {
                index += 1
                continue
            }
            var start = index
            while start > clauseRange.lowerBound, index - start < 12,
                Localization.isHan(text[start - 1].unicodeScalars.first!),
                !ChangeLexicon.bodyNameBreakers.contains(text[start - 1]),
                !ChangeLexicon.bodyNameBreakerWords.contains(where: {
                    start >= $0.count && matches($0, in: text, at: start - $0.count)
                })
            {
                start -= 1
            }
            let end = index + suffix.count
            if (start..<end).overlaps(range) || (range.isEmpty && range.lowerBound > start && range.lowerBound < end) {
                found.append(
                    Body(range: start..<end, core: Localization.withoutJurisdiction(String(text[start..<end]))))
            }
            index = end
        }
        return found
    }

    /// A one-character suffix (委, 办, 局 …) ends a body only where it is not part of a word (委托, 办理, 格局,
    /// 部署) and has a name before it.
    static func isBodySuffix(_ suffix: [Character], in text: [Character], at index: Int) -> Bool {
        guard suffix.count == 1 || suffix == ["组", "织"] else { return true }
        guard index >= 2, Localization.isHan(text[index - 1].unicodeScalars.first!) else { return false }
        let before = text[index - 1]
        if "部布格大全当结变开举创承主兴督查包代照合协内干东西南北中外细俱总底头面".contains(before) { return false }
        let end = index + 1
        guard end < text.count else { return true }
        let after = text[end]
        return !Localization.isHan(after.unicodeScalars.first!) || "负牵会要应可和及与等在对".contains(after)
    }
}

/// A text with its localisation forms folded, remembering where each folded character came from.
struct FoldedText {
    let characters: [Character]
    private(set) var folded: [Character] = []
    /// For each folded character, the original characters it stands for (a whole form for a canonical one).
    private(set) var origins: [Range<Int>] = []
    /// For each folded character, whether it belongs to a localisation form.
    private(set) var localized: [Bool] = []

    init(_ text: String) {
        characters = Array(text)
        var characterOfScalar: [Int] = []
        for (index, character) in characters.enumerated() {
            characterOfScalar.append(contentsOf: repeatElement(index, count: character.unicodeScalars.count))
        }
        characterOfScalar.append(characters.count)
        var position = 0
        for match in Localization.matches(in: text) {
            let start = characterOfScalar[match.start]
            let end = characterOfScalar[match.end]
            guard start >= position, end > start else { continue }
            for index in position..<start { append(characters[index], from: index..<index + 1, localized: false) }
            for character in match.canonical { append(character, from: start..<end, localized: true) }
            position = end
        }
        for index in position..<characters.count {
            append(characters[index], from: index..<index + 1, localized: false)
        }
    }

    private mutating func append(_ character: Character, from origin: Range<Int>, localized isLocalized: Bool) {
        folded.append(character)
        origins.append(origin)
        localized.append(isLocalized)
    }

    func isLocalized(_ position: Int) -> Bool { position < localized.count && localized[position] }

    /// The original characters behind folded positions `range` (an empty range gives the insertion point).
    func originalRange(of range: Range<Int>) -> Range<Int> {
        guard !range.isEmpty else {
            let point = range.lowerBound < origins.count ? origins[range.lowerBound].lowerBound : characters.count
            return point..<point
        }
        return origins[range.lowerBound].lowerBound..<origins[range.upperBound - 1].upperBound
    }

    func originalText(of range: Range<Int>) -> [UInt32] {
        TextContent.scalars(of: String(characters[originalRange(of: range)])).map(\.self)
    }
}

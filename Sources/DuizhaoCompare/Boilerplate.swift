/// Stock wording of laws and regulations (`构成犯罪的，依法追究刑事责任`, `责令停止违法行为`, the agent
/// `由县级以上人民政府`): shared by provisions that have nothing else in common, so it must not weigh like the words
/// that say what a provision is about. `fold` replaces each stock phrase by a two-character marker of its own, so
/// a phrase of seven characters counts as one bigram instead of six, and the comparison gives that bigram a
/// quarter of its weight. Texts are folded after `Localization.fold` (本办法 is already 本法). Not stock:
/// `违反本法规定`, which opens the penalty articles that do correspond, and the 施行 articles, which are each
/// other's counterparts (`起施行` is found in no other provision to pull toward).
enum Boilerplate {
    /// The stock phrases, longest first where one contains another.
    static let phrases: [String] = [
        "构成犯罪的，依法追究刑事责任", "构成犯罪的,依法追究刑事责任", "构成犯罪的依法追究刑事责任",
        "对直接负责的主管人员和其他直接责任人员", "法律、行政法规另有规定的，从其规定",
        "尚不构成犯罪的", "由县级以上地方人民政府", "由县级以上人民政府", "依法追究刑事责任", "依法给予行政处分",
        "依法给予处分", "玩忽职守、滥用职权、徇私舞弊",
        "责令停止违法行为", "责令限期改正", "责令改正", "没收违法所得", "给予警告",
    ]

    /// The marker of phrase `index`: two private-use characters, which `TextContent` reads as content.
    static func marker(_ index: Int) -> String {
        String(Unicode.Scalar(markerBase)!) + String(Unicode.Scalar(markerBase + 1 + UInt32(index))!)
    }

    /// First private-use code point of the markers.
    static let markerBase: UInt32 = 0xE000
    static var markerRange: ClosedRange<UInt32> { markerBase...(markerBase + UInt32(phrases.count)) }
    /// How much a stock phrase weighs against an ordinary bigram of the same rarity.
    static let weight = 0.25

    /// The phrases as scalar values, and a bitmap of their first characters (all in the BMP) for a fast scan.
    static let compiled: [[UInt32]] = phrases.map { $0.unicodeScalars.map(\.value) }
    static let firstScalarBits: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 1024)
        for phrase in compiled { bits[Int(phrase[0] >> 6)] |= 1 << (phrase[0] & 63) }
        return bits
    }()

    @inline(__always)
    static func mayStartPhrase(_ value: UInt32) -> Bool {
        value < 0x10000 && firstScalarBits[Int(value >> 6)] & (1 << (value & 63)) != 0
    }

    /// The first two characters of every phrase, packed, for a scan that allocates nothing.
    static let openings: [UInt64] = Array(Set(compiled.map { UInt64($0[0]) << 32 | UInt64($0[1]) })).sorted()

    /// Whether some phrase's first two characters occur in `text`.
    static func mayContainPhrase(_ text: String) -> Bool {
        var previous: UInt32 = 0
        for scalar in text.unicodeScalars {
            if mayStartPhrase(previous), openings.contains(UInt64(previous) << 32 | UInt64(scalar.value)) {
                return true
            }
            previous = scalar.value
        }
        return false
    }

    /// `text` with every stock phrase replaced by its marker (scanned once, left to right, longest phrase first).
    static func fold(_ text: String) -> String {
        guard mayContainPhrase(text) else { return text }
        let scalars = text.unicodeScalars.map(\.value)
        var result = String.UnicodeScalarView()
        var changed = false
        var position = 0
        while position < scalars.count {
            let value = scalars[position]
            if mayStartPhrase(value),
                let index = compiled.firstIndex(where: { phrase in
                    phrase[0] == value && position + phrase.count <= scalars.count
                        && scalars[position..<(position + phrase.count)].elementsEqual(phrase)
                })
            {
                result.append(contentsOf: marker(index).unicodeScalars)
                position += compiled[index].count
                changed = true
            } else {
                result.append(Unicode.Scalar(value)!)
                position += 1
            }
        }
        return changed ? String(result) : text
    }
}

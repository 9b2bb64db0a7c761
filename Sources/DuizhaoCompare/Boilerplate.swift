/// Stock wording of laws and regulations (`构成犯罪的，依法追究刑事责任`, `责令停止违法行为`): shared by
/// provisions that have nothing else in common, so it must not weigh like the words that say what a provision
/// is about. `fold` replaces each stock phrase by a two-character marker of its own, so a phrase of seven
/// characters counts as one bigram instead of six, and the comparison gives that bigram a quarter of its weight; texts are folded after `Localization.fold` (so `违反本办法
/// 规定` is already `违反本法规定`). The 施行 articles keep their wording: they are each other's counterparts, and
/// `起施行` is found in no other provision to pull toward.
enum Boilerplate {
    /// The stock phrases, longest first where one contains another.
    static let phrases: [String] = [
        "构成犯罪的，依法追究刑事责任", "构成犯罪的,依法追究刑事责任", "构成犯罪的依法追究刑事责任",
        "对直接负责的主管人员和其他直接责任人员", "法律、行政法规另有规定的，从其规定",
        "尚不构成犯罪的", "依法追究刑事责任", "依法给予行政处分", "依法给予处分", "玩忽职守、滥用职权、徇私舞弊",
        "责令停止违法行为", "责令限期改正", "责令改正", "没收违法所得", "违反本法规定", "给予警告",
    ]

    /// Characters at least one of which every phrase contains: a text without any needs no folding.
    static let triggers: Set<Character> = ["罪", "责", "处", "职", "规", "没", "警"]

    /// The marker of phrase `index`: two private-use characters, which `TextContent` reads as content.
    static func marker(_ index: Int) -> String {
        String(Unicode.Scalar(markerBase)!) + String(Unicode.Scalar(markerBase + 1 + UInt32(index))!)
    }

    /// First private-use code point of the markers.
    static let markerBase: UInt32 = 0xE000
    static var markerRange: ClosedRange<UInt32> { markerBase...(markerBase + UInt32(phrases.count)) }
    /// How much a stock phrase weighs against an ordinary bigram of the same rarity.
    static let weight = 0.25

    /// `text` with every stock phrase replaced by its marker.
    static func fold(_ text: String) -> String {
        guard text.contains(where: triggers.contains) else { return text }
        var result = text
        for (index, phrase) in phrases.enumerated() where result.contains(phrase) {
            result = result.replacingOccurrences(of: phrase, with: marker(index))
        }
        return result
    }
}

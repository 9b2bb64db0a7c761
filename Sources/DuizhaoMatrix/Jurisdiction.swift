import DuizhaoCore

/// The short name of the province or city that issued a local document (河南, 北京, 黑龙江, 株洲, …).
///
/// General rules, no list of places: an issuing organ or a local title starts with a place name followed by its
/// administrative unit (省, 市, 自治区, 州, 县, …). The name is read from the start of each issuer, then of the title
/// (after a leading 中共/中国共产党); nested units give the most specific one (`湖南省株洲市人民政府` → 株洲). Names of
/// autonomous areas lose their ethnic designation (`广西壮族自治区` → 广西). Without a place, the file name decides.
public enum Jurisdiction {
    /// Administrative units a place name ends with, longest first so `自治区` wins over `区`.
    static let units = ["特别行政区", "自治区", "自治州", "自治县", "自治旗", "省", "市", "州", "盟", "县", "区", "旗"]
    /// Characters a place name never starts with (全省, 各市, 本县, 我省, 该市, …).
    static let impossibleFirst: Set<Character> = ["全", "各", "本", "我", "该", "外", "省", "市", "县", "区", "城", "地"]
    /// Words a place name never contains: these start national titles and issuers.
    static let impossibleParts = ["关于", "国务院", "中央", "全国", "中华", "人民", "政府", "国家", "实施", "办公"]

    /// The short name from the issuers, else the title, else `fileName` without directory and extension.
    public static func shortName(issuers: [String], title: String, fileName: String) -> String {
        for issuer in issuers {
            if let name = place(in: issuer) { return name }
        }
        if let name = place(in: title) { return name }
        let stem = TextFormatting.lastPathComponent(fileName)
        let withoutExtension = TextFormatting.deletingPathExtension(stem)
        return withoutExtension.isEmpty ? stem : withoutExtension
    }

    /// The short name of a document: its issuers, title, else its source's file name.
    public static func of(_ document: PolicyDocument) -> String {
        shortName(issuers: document.issuers, title: document.title, fileName: document.source)
    }

    /// How a national document's side is named beside a local one: 中央 for the Party centre's documents (issued
    /// by 中共中央, 中共中央办公厅 …), else 国家.
    public static func nationalName(of document: PolicyDocument) -> String {
        document.issuers.contains { $0.hasPrefix("中共中央") || $0.hasPrefix("中央") } ? "中央" : "国家"
    }

    /// The place a document names in its issuers or title, or nil (no file-name fallback).
    public static func place(of document: PolicyDocument) -> String? {
        for issuer in document.issuers {
            if let name = place(in: issuer) { return name }
        }
        return place(in: document.title)
    }

    /// The most specific place name at the start of `text`, or nil.
    static func place(in text: String) -> String? {
        var rest = Substring(text.trimmingWhitespace())
        for prefix in ["中国共产党", "中共"] where rest.hasPrefix(prefix) {
            rest = rest.dropFirst(prefix.count)
        }
        var found: String?
        while let (name, remainder) = leadingPlace(rest) {
            found = name
            rest = remainder
        }
        return found
    }

    /// A place name with its unit at the start of `text` (shortest name first), and the text after the unit.
    static func leadingPlace(_ text: Substring) -> (String, Substring)? {
        let characters = Array(text)
        guard let first = characters.first, !impossibleFirst.contains(first) else { return nil }
        for length in 2...10 where length < characters.count {
            let name = String(characters[0..<length])
            guard name.unicodeScalars.allSatisfy(isHan) else { return nil }
            let after = characters[length...]
            for unit in units where after.starts(with: unit) {
                let autonomous = unit.hasPrefix("自治")
                // Ordinary place names are short; autonomous ones carry an ethnic designation (广西壮族).
                guard autonomous || length <= 4 else { continue }
                guard !impossibleParts.contains(where: { name.contains($0) }) else { return nil }
                let remainder = text.dropFirst(length + unit.count)
                return (autonomous ? withoutEthnicDesignation(name) : name, remainder)
            }
        }
        return nil
    }

    /// `广西壮族` → 广西, `湘西土家族苗族` → 湘西, `新疆维吾尔` → 新疆; a name without one is unchanged (内蒙古).
    static func withoutEthnicDesignation(_ name: String) -> String {
        if name.contains("族") || name.hasSuffix("维吾尔") { return String(name.prefix(2)) }
        return name
    }

    static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value)
            || (0x20000...0x2FA1F).contains(scalar.value)
    }
}

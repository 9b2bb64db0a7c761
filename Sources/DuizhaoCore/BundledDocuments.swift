/// The bundled document pair, compiled into the binary (see Scripts/embed-resources.sh).
public enum BundledDocument: String, Sendable, CaseIterable {
    /// 中共中央办公厅、国务院办公厅《关于促进移动互联网健康有序发展的意见》(2017).
    case national
    /// 黑龙江省《关于促进移动互联网健康有序发展的实施意见》(2017-11-08).
    case provincial

    /// The raw text as shipped in `Resources/`.
    public var text: String {
        switch self {
        case .national: return BundledTexts.national
        case .provincial: return BundledTexts.provincial
        }
    }

    /// A name that identifies the bundled document in messages and stores.
    public var sourceName: String { "bundled:\(rawValue)" }

    /// The imported document.
    public func load() -> PolicyDocument {
        PolicyImporter.importText(text, source: sourceName)
    }
}

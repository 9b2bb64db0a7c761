import DuizhaoCompare
import DuizhaoCore
import Foundation

/// One fuzzing step: bytes as a file's content → decode → import → compare with the bundled provincial text.
/// A ZIP archive goes the Word path (libzip, libxml2's XML parser, list numbering), text that starts with markup the
/// web page path (libxml2's HTML parser, the content block), everything else the text path.
/// Nothing may crash or hang; the structural invariants below must hold for every input.
func fuzzOne(_ bytes: UnsafeBufferPointer<UInt8>) {
    let document: PolicyDocument
    if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
        guard let word = PolicyImporter.importWord(Array(bytes), source: "fuzz") else { return }
        document = word
    } else {
        guard let (text, _) = try? TextDecoder.decode(bytes, path: "fuzz") else { return }
        if text.drop(while: { $0.isWhitespace }).first == "<" {
            guard let page = PolicyImporter.importHTML(text, source: "fuzz") else { return }
            document = page
        } else {
            document = PolicyImporter.importText(text, source: "fuzz")
        }
    }
    let ids = document.allDivisions.map(\.id)
    precondition(Set(ids).count == ids.count, "duplicate division ids")
    let provisions = document.provisions
    precondition(provisions.allSatisfy { unit in ids.contains(unit.id) }, "a provision outside the tree")
    _ = OutlineFormatter.tree(document)
    let comparison = Comparator.compare(national: document, provincial: FuzzReference.provincial)
    precondition(
        comparison.links.allSatisfy { link in provisions.contains { $0.id == link.national } }, "a link to no provision"
    )
}

enum FuzzReference {
    static let provincial = BundledDocument.provincial.load()
}

#if FUZZING
    /// libFuzzer entry point (`Scripts/fuzz.sh` builds this with `-sanitize=fuzzer -DFUZZING`).
    @_cdecl("LLVMFuzzerTestOneInput")
    public func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
        fuzzOne(UnsafeBufferPointer(start: data, count: size))
        return 0
    }
#else
    /// Without libFuzzer: `duizhao-fuzz FILE…` runs each file through the same step (to replay a crash or a hang).
    @main
    struct FuzzReplay {
        static func main() throws {
            for path in CommandLine.arguments.dropFirst() {
                let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
                let start = Date()
                bytes.withUnsafeBufferPointer(fuzzOne)
                print(String(format: "%@: ok in %.3f s", path, Date().timeIntervalSince(start)))
            }
        }
    }
#endif

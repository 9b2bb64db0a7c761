import Foundation

/// Turns plain-text policy documents into `PolicyDocument`s. (Structure recognition under construction.)
public enum PolicyImporter {
    /// Reads, decodes and imports a file; throws `ImportError` naming the file and the problem.
    public static func importFile(at path: String) throws -> PolicyDocument {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ImportError(path: path, problem: "no such file")
        }
        if isDirectory.boolValue { throw ImportError(path: path, problem: "is a directory, not a text file") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ImportError(path: path, problem: "cannot be read (permission denied?)")
        }
        let (text, _) = try TextDecoder.decode([UInt8](data), path: path)
        return importText(text, source: path)
    }

    /// Imports already-decoded text.
    public static func importText(_ text: String, source: String) -> PolicyDocument {
        let paragraphs = text.split(whereSeparator: \.isNewline).map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
        return PolicyDocument(
            title: paragraphs.first ?? "",
            divisions: [Division(id: "1", kind: .body, label: "", number: 1, title: "", paragraphs: paragraphs)],
            source: source)
    }
}

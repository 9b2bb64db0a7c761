import DuizhaoCore
import Foundation

/// A document's `outline --json` object as Foundation reads it back: what a consumer of the JSON sees.
public func outlineObject(_ document: PolicyDocument) throws -> [String: Any] {
    let data = try JSONEncoder().encode(OutlineFormatter.json(document))
    guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
        throw CocoaError(.coderReadCorrupt)
    }
    return object
}

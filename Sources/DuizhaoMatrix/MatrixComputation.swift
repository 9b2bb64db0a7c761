import Dispatch
import DuizhaoCompare
import DuizhaoCore
import Synchronization

/// Computes matrix columns: the national document is imported once by the caller; each implementation is imported
/// and compared with it on all cores (`DispatchQueue.concurrentPerform`), through the same `Comparator` path as
/// `duizhao compare`, with the national side prepared once (`Comparator.prepare`) and shared by the workers.
public enum MatrixComputation {
    /// The hand corrections (`AlignmentCorrection`) to apply to one implementation, by its ids; the store's
    /// `CorrectionSet` provides them. Called from worker threads.
    public typealias Corrections = @Sendable (PolicyDocument) -> [AlignmentCorrection]

    /// Imports and compares every file in parallel. Results are in `files` order; `onColumn` (if given) is called
    /// from worker threads as each file is done, with its index.
    public static func columns(
        national: PolicyDocument, files: [String], corrections: Corrections? = nil,
        onColumn: (@Sendable (Int, Result<MatrixColumn, ImportError>) -> Void)? = nil
    ) -> [Result<MatrixColumn, ImportError>] {
        let provisions = AdoptionMatrix.provisions(of: national)
        let prepared = Comparator.prepare(national: national)
        return parallelMap(count: files.count) { index in
            let result: Result<MatrixColumn, ImportError>
            do {
                let document = try PolicyImporter.importFile(at: files[index])
                result = .success(
                    column(
                        national: prepared, document: document, provisions: provisions,
                        corrections: corrections?(document) ?? []))
            } catch let error as ImportError {
                result = .failure(error)
            } catch {
                result = .failure(ImportError(path: files[index], problem: .readFailed(reason: "\(error)")))
            }
            onColumn?(index, result)
            return result
        }
    }

    /// Compares already imported documents in parallel, in `documents` order.
    public static func columns(
        national: PolicyDocument, documents: [PolicyDocument], corrections: Corrections? = nil
    ) -> [MatrixColumn] {
        let provisions = AdoptionMatrix.provisions(of: national)
        let prepared = Comparator.prepare(national: national)
        return parallelMap(count: documents.count) { index in
            column(
                national: prepared, document: documents[index], provisions: provisions,
                corrections: corrections?(documents[index]) ?? [])
        }
    }

    /// The column of one implementation: the pairwise comparison, summarised.
    public static func column(national: PolicyDocument, document: PolicyDocument, provisions: [MatrixProvision])
        -> MatrixColumn
    {
        column(national: Comparator.prepare(national: national), document: document, provisions: provisions)
    }

    /// The column of one implementation against a national document prepared once for all columns.
    public static func column(
        national: PreparedNational, document: PolicyDocument, provisions: [MatrixProvision],
        corrections: [AlignmentCorrection] = []
    ) -> MatrixColumn {
        let comparison = national.compare(with: document, corrections: corrections)
        return MatrixColumn(document: document, comparison: comparison, provisions: provisions)
    }

    /// The whole matrix of `files`, or an error naming every file that could not be imported.
    public static func matrix(national: PolicyDocument, files: [String], corrections: Corrections? = nil) throws
        -> AdoptionMatrix
    {
        var columns: [MatrixColumn] = []
        var failures: [ImportError] = []
        for result in self.columns(national: national, files: files, corrections: corrections) {
            switch result {
            case .success(let column): columns.append(column)
            case .failure(let error): failures.append(error)
            }
        }
        if !failures.isEmpty { throw MatrixError(failures: failures) }
        return AdoptionMatrix(national: national, columns: columns)
    }

    /// `body(0..<count)` on all cores, results in index order.
    static func parallelMap<T: Sendable>(count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        let results = ResultSlots<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            results.set(index, body(index))
        }
        return results.values()
    }
}

/// Implementations that could not be imported; the description names each file and its problem.
public struct MatrixError: Error, CustomStringConvertible, Sendable {
    public var failures: [ImportError]

    public var description: String { failures.map { "\($0)" }.joined(separator: "\n") }
}

/// Slots written once each from worker threads.
private final class ResultSlots<T: Sendable>: Sendable {
    private let slots: Mutex<[T?]>

    init(count: Int) { slots = Mutex(Array(repeating: nil, count: count)) }

    func set(_ index: Int, _ value: T) { slots.withLock { $0[index] = value } }

    func values() -> [T] { slots.withLock { $0.map { $0! } } }
}

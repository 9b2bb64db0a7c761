import DuizhaoCore

/// A national 意见 on rural road maintenance written for the matrix tests: five clauses, the first two under
/// 一、总体要求 and the rest under 二、主要任务. Implementations for the tests are built from a subset of `clauses`
/// plus rules of their own, so what each keeps, drops and adds is known by construction.
public enum RoadMaintenanceFixture {
    public static let nationalTitle = "关于加强农村公路养护工作的意见"

    public static let clauses = [
        "指导思想。坚持以人民为中心的发展思想，全面提升农村公路养护水平，保障群众安全便捷出行。",
        "基本原则。坚持政府主导、分级负责，坚持因地制宜、分类施策，坚持建养并重、养护优先。",
        "健全管理机构。县级人民政府应当设立农村公路管理机构，配备专职管理人员，落实养护工作经费。",
        "加强资金保障。各级财政应当将农村公路养护资金纳入年度预算，建立稳定的资金投入机制。",
        "推进养护市场化。鼓励通过政府购买服务方式选择养护作业单位，逐步建立竞争有序的养护市场。",
    ]

    /// A document's text: the title line, then `clauses` numbered 1. … under two sections (1–2, 3 on).
    public static func text(title: String, clauses: [String]) -> String {
        var text = title + "\n"
        for (index, clause) in clauses.enumerated() {
            if index == 0 { text += "一、总体要求\n" }
            if index == 2 { text += "二、主要任务\n" }
            text += "\(index + 1). \(clause)\n"
        }
        return text
    }

    /// The national document, imported from `text(title: nationalTitle, clauses: clauses)`.
    public static let national = PolicyImporter.importText(
        text(title: nationalTitle, clauses: clauses), source: "national.txt")
}

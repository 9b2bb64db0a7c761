import DuizhaoCompare

/// What the Heilongjiang implementation (provincial) does with the national 意见, established by reading both
/// texts side by side (Resources/national.txt, Resources/provincial.txt). Ids are the importer's: section.clause,
/// with clauses numbered continuously through each document (national 1–24, provincial 1–20).
enum BundledAlignmentTruth {
    struct Link: Hashable {
        var national: String
        var provincial: String
        var kind: LinkKind
        /// Why: the shared wording that shows the derivation.
        var evidence: String
    }

    static let links: [Link] = [
        Link(
            national: "1.2", provincial: "1.1", kind: .match,
            evidence:
                "指导思想: 坚持以人民为中心的发展思想，坚持鼓励支持和规范发展并行 … 让移动互联网发展成果更好造福人民 is verbatim; the opening is updated from 十八大 to 十九大 and 习近平新时代中国特色社会主义思想"
        ),
        Link(
            national: "1.3", provincial: "1.2", kind: .match,
            evidence:
                "基本原则: the six 坚持… principles are copied verbatim (only the punctuation width differs)"),
        Link(
            national: "2.4", provincial: "2.3", kind: .match,
            evidence:
                "完善市场准入制度 → 进一步完善市场准入制度: 深入推进简政放权、放管结合、优化服务 … 健全电信业务分级分类管理制度 … 在确保安全的前提下 … 积极稳妥推进电信市场开放"),
        Link(
            national: "2.5", provincial: "2.4", kind: .match,
            evidence:
                "信息基础设施: 4G coverage rewritten for the province; 增强网络服务能力，简化电信资费结构, 内容分发网络、云计算及大数据平台, 开放民间资本进入基础电信领域 and 携号转网 verbatim; the 5G and 无线局域网 sentences are dropped"
        ),
        Link(
            national: "2.6", provincial: "2.5", kind: .match,
            evidence:
                "核心技术: 坚定不移实施创新驱动发展战略，在科研投入上集中力量办大事; 人工智能、虚拟现实、增强现实、微机电系统; 落实企业研发费用加计扣除政策"),
        Link(
            national: "2.7", provincial: "2.6", kind: .match,
            evidence:
                "产业协同创新 (title changed): 统筹移动互联网基础研究 …, 数字创意等战略性新兴产业融合发展, IPv6, 物联网应用示范工程 verbatim"),
        Link(
            national: "2.8", provincial: "2.7", kind: .match,
            evidence:
                "知识产权: 专利导航, 充实核心技术专利储备, 共同组建专利池, 有效威慑侵权行为"),
        Link(
            national: "3.9", provincial: "3.8", kind: .match,
            evidence:
                "信息经济活力: 国家信息经济示范区, 以信息流带动技术流、资金流、人才流、物资流, 约车、租房、支付等分享经济新业态"),
        Link(
            national: "5.18", provincial: "3.8", kind: .partial,
            evidence:
                "the only trace of the international-cooperation section: 围绕国家“一带一路”建设,大力发展跨境电子商务 inside 信息经济, from 围绕“一带一路”国家战略 … 大力发展跨境移动电子商务; its other two sentences (international standards, going abroad) are dropped"
        ),
        Link(
            national: "3.10", provincial: "3.9", kind: .match,
            evidence:
                "中小微互联网企业: 消除阻碍和影响利用移动互联网开展大众创业、万众创新的制度性限制; 众创、众包、众扶、众筹; 龙头带动作用"),
        Link(
            national: "3.11", provincial: "3.10", kind: .match,
            evidence:
                "信息服务惠及全民 → 惠及人民群众: 互联网+政务服务, 政府数据集向社会开放, 信息惠民工程 … 促进基本公共服务均等化"),
        Link(
            national: "3.12", provincial: "3.11", kind: .match,
            evidence:
                "网络扶贫: 精准扶贫、精准脱贫, 优惠资费套餐, “人、机、卡、号”绑定业务, 结对帮扶, 民生保障项目落地和可持续实施"),
        Link(
            national: "3.13", provincial: "3.12", kind: .match,
            evidence:
                "网络文化: 把握移动互联网传播规律, 正能量账号, 全媒体传播体系, 特殊管理股试点, 新型媒体集团"),
        Link(
            national: "5.20", provincial: "3.12", kind: .partial,
            evidence:
                "国际传播能力建设 survives as the last paragraph of 网络文化: 加强对外传播能力建设,积极利用各类社交平台,有效运用各种传播渠道,讲好龙江故事 … 积极打造具有较强影响力的对外传播媒体 … 不断提升移动互联网对外传播影响力"
        ),
        Link(
            national: "4.14", provincial: "4.13", kind: .match,
            evidence:
                "网络安全保障: 牢固树立正确的网络安全观, 全方位、全天候感知移动互联网安全态势, 风险报告机制、情报共享机制、研判处置机制"),
        Link(
            national: "4.15", provincial: "4.14", kind: .match,
            evidence:
                "用户合法权益: 用户信息保护制度, 知情权、选择权和隐私权, “伪基站”、非法网站、恶意软件"),
        Link(
            national: "4.16", provincial: "4.15", kind: .match,
            evidence:
                "网络违法犯罪: all three sentences verbatim, one clause added in front"),
        Link(
            national: "4.17", provincial: "4.16", kind: .match,
            evidence:
                "网络管理能力: verbatim, split into three paragraphs"),
        Link(
            national: "6.21", provincial: "5.17", kind: .match,
            evidence:
                "管理体制: 网络安全和信息化领导小组统一领导, 联席会议、工作例会, 中央 → 省 throughout"),
        Link(
            national: "6.22", provincial: "5.18", kind: .match,
            evidence:
                "社会参与: 鼓励社会各界广泛参与移动互联网治理, 文明上网, 行业信用评价体系"),
        Link(
            national: "6.23", provincial: "5.19", kind: .match,
            evidence:
                "人才队伍: 网信战线人才培养体系建设 … 凝聚到网信事业中来 verbatim, 智库, 人事制度和薪酬制度"),
        Link(
            national: "6.24", provincial: "5.20", kind: .match,
            evidence:
                "法治保障: 网络安全法, 网络数据管理、个人信息保护等重点管理制度, 多部门执法协调机制, 加强网络普法 … 提升全民网络素养"),
    ]

    /// National clauses the province dropped.
    static let nationalOnly = [
        "1.1",  // 重要性和紧迫性: the situation analysis (党的十八大以来 … 短板) has no counterpart anywhere.
        "5.19",  // 参与全球移动互联网治理: no trace (世界互联网大会, 国际联合打击, 双边、多边对话 all absent).
    ]

    /// Provincial clauses with no national source: none, every provincial clause implements a national one.
    static let provincialOnly: [String] = []

    /// Sentences whose provenance is unambiguous: a fragment of the provincial sentence text, the national clause
    /// and a fragment of the national sentence it comes from.
    static let sentenceSources:
        [(provincialClause: String, provincialFragment: String, nationalClause: String, nationalFragment: String)] = [
            ("3.8", "一带一路", "5.18", "一带一路"),
            ("3.12", "积极利用各类社交平台", "5.20", "积极利用各类社交平台"),
            ("3.12", "多语种传播平台建设", "5.20", "多语种、跨平台互动传播"),
            ("2.4", "我省区域全面覆盖", "2.5", "全面推进第四代移动通信"),
            ("1.2", "坚持发展为民", "1.3", "坚持发展为民"),
        ]

    /// Provincial sentences that are new in the provincial text (no national source).
    static let newSentences: [(provincialClause: String, fragment: String)] = [
        ("3.8", "实施信息经济创新发展工程"),
        ("2.7", "研究建立企业海外知识产权维权援助机制"),
    ]

    /// National sentences the province dropped inside clauses it otherwise implements.
    static let droppedSentences: [(nationalClause: String, fragment: String)] = [
        ("2.5", "加快第五代移动通信（5G）技术研发"),
        ("5.18", "积极参与国际标准制定和交流合作"),
    ]
}

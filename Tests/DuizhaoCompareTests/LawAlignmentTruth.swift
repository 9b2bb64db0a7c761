import DuizhaoCompare

/// Hand-made readings of real law pairs from `../shared/corpus/`: which national article(s) each provincial
/// article of an 实施办法 implements, established by reading both texts side by side. Articles are named by
/// their printed number (第N条 → N), not by importer ids, so the tables survive changes to the document model.
///
/// Conventions: `match` means the provincial article implements that national article (carries its rule,
/// usually most of its wording); `partial` means it takes part of it (one 款 or one sentence of a national
/// article whose main part is elsewhere, or a national article spread over several provincial ones). When a
/// national article is split, the provincial article with most of it is the `match`, the others `partial`.
/// A link needs shared substance, not a shared topic word: a provincial article that only borrows a stock phrase
/// is provincial-only, with the phrase noted.
enum LawAlignmentTruth {
    struct Link: Hashable {
        var national: Int
        var provincial: Int
        var kind: LinkKind
        /// Why: the shared wording or the citation that shows the derivation.
        var evidence: String
    }

    struct Pair {
        var name: String
        /// Paths relative to `../shared/corpus/`.
        var nationalFile: String
        var provincialFile: String
        var links: [Link]
        /// National articles the province does not carry, with the reason.
        var nationalOnly: [(article: Int, reason: String)]
        /// Provincial articles with no national source, with what they add.
        var provincialOnly: [(article: Int, reason: String)]
    }

    static let pairs = [zhejiang, henan, agriculturalExtension]

    /// 《中华人民共和国村民委员会组织法》(2018, 41 articles) and 浙江省实施办法 (2020, 48 articles). Zhejiang
    /// moved the election rules to its own 《浙江省村民委员会选举办法》, so the national election chapter is
    /// mostly absent; it adds chapters on 村民代表, 村务监督委员会 and 农村社区建设.
    static let zhejiang = Pair(
        name: "cunweihui/zhejiang-2020",
        nationalFile: "cunweihui/national.md", provincialFile: "cunweihui/zhejiang-2020.md",
        links: [
            Link(
                national: 1, provincial: 1, kind: .match,
                evidence:
                    "purpose verbatim (为了保障农村村民实行自治 … 促进社会主义新农村建设); 根据宪法 → 根据《中华人民共和国村民委员会组织法》，结合本省实际; 本法 → 本办法"),
            Link(
                national: 2, provincial: 2, kind: .match,
                evidence:
                    "款1 verbatim (自我管理、自我教育、自我服务的基层群众性自治组织 … 民主监督); 款2 and 款3 went into the list of duties (第八条)"),
            Link(
                national: 2, provincial: 8, kind: .partial,
                evidence:
                    "N2 款2 办理本村的公共事务和公益事业 → 第八条（二）; 调解民间纠纷 … 向人民政府反映村民的意见、要求 → （八）; 款3 报告工作 → （十）"),
            Link(
                national: 3, provincial: 3, kind: .match,
                evidence:
                    "款1 verbatim; 款2 设立、撤销、范围调整 with 乡、民族乡、镇的人民政府 → 乡、镇人民政府"),
            Link(
                national: 3, provincial: 25, kind: .partial,
                evidence:
                    "N3 款3 村民委员会可以根据村民居住状况、集体土地所有权关系等分设若干村民小组 → 第二十五条款1 (所有权 → 权属)"),
            Link(national: 4, provincial: 4, kind: .match, evidence: "verbatim, 依照宪法和法律 → 依照宪法和法律、法规"),
            Link(national: 5, provincial: 5, kind: .match, evidence: "verbatim, 乡、民族乡、镇的人民政府 → 乡、镇人民政府"),
            Link(
                national: 11, provincial: 6, kind: .partial,
                evidence:
                    "N11 村民委员会主任、副主任和委员，由村民直接选举产生 → 村民委员会的成员按照《浙江省村民委员会选举办法》选举产生: the election is delegated to the provincial election regulation (the 选举办法 is another document, so its citation is not a link)"
            ),
            Link(
                national: 7, provincial: 7, kind: .match,
                evidence:
                    "下属委员会: 人民调解 (now mandatory), 治安保卫、公共卫生与计划生育等委员会, 村民委员会成员可以兼任下属委员会的成员 verbatim; 款2 法律顾问 is new"),
            Link(
                national: 8, provincial: 8, kind: .match,
                evidence:
                    "（三）支持和组织村民依法发展各种形式的合作经济 … 促进农村生产建设和经济发展 = N8 款1; （四）尊重并支持集体经济组织 … 合法权益 = N8 款3; （六）引导村民合理利用自然资源，保护和改善生态环境 = N8 款2"
            ),
            Link(
                national: 9, provincial: 8, kind: .match,
                evidence:
                    "（一）宣传宪法、法律、法规和国家的政策，教育和推动村民履行法律法规规定的义务、爱护公共财产 = N9 款1; （七）发展文化教育 … 促进男女平等，做好计划生育工作 … 社会主义精神文明 = N9 款1; （二）推动农村社区建设 = N9 款2"
            ),
            Link(
                national: 9, provincial: 41, kind: .partial,
                evidence:
                    "N9 款2 支持服务性、公益性、互助性社会组织 → 第四十一条款2 扶持农村社区发展服务性、公益性、互助性社区社会组织"),
            Link(
                national: 10, provincial: 9, kind: .match,
                evidence:
                    "verbatim except 执行村民会议、村民代表会议的决定、决议, which moved to 第八条（十） (too small a phrase to count as a link)"
            ),
            Link(
                national: 6, provincial: 11, kind: .partial,
                evidence:
                    "N6 款3 对村民委员会成员，根据工作情况，给予适当补贴 → 对村民委员会主任，给予基本报酬；对村民委员会其他成员，给予适当补贴; N6 款1 (三至七人) and 款2 (妇女成员) are left to the election regulation"
            ),
            Link(
                national: 21, provincial: 12, kind: .match,
                evidence:
                    "verbatim (村民会议由本村十八周岁以上的村民组成 … 十分之一 … 三分之一), 十天 → 十日, plus 公开征求村民的意见"),
            Link(national: 22, provincial: 13, kind: .match, evidence: "verbatim, 列席 adds 村法律顾问"),
            Link(
                national: 23, provincial: 14, kind: .match,
                evidence:
                    "款2 and 款3 = N23 款1 and 款2 verbatim (审议村民委员会的年度工作报告 … 撤销或者变更 … 不适当的决定)"),
            Link(
                national: 27, provincial: 14, kind: .partial,
                evidence:
                    "款1 村民会议可以制定和修改村民自治章程、村规民约，并报乡、镇人民政府备案 = N27 款1; N27 款2–3 went to 第四十二条"),
            Link(
                national: 24, provincial: 15, kind: .match,
                evidence:
                    "the list 涉及村民利益的下列事项，经村民会议讨论决定方可办理 with all nine national items (reordered, 建设规划 added, 抵押 added); 前款 授权 verbatim; the last 款 cites 《浙江省村经济合作社组织条例》"
            ),
            Link(
                national: 25, provincial: 18, kind: .match,
                evidence:
                    "款1 人数较多 → 人数在三百人以上或者居住分散的村，可以设立村民代表会议; 款2 组成 … 五分之四 … 三分之一 verbatim; 款3 (numbers of representatives) new"
            ),
            Link(
                national: 25, provincial: 20, kind: .partial,
                evidence:
                    "N25 款2 村民代表由村民按每五户至十五户推选一人，或者由各村民小组推选若干人 → 按若干户推选一人; 任期与村民委员会的任期相同 … 连选连任 verbatim"),
            Link(
                national: 25, provincial: 21, kind: .partial,
                evidence:
                    "N25 款3 村民代表应当向其推选户或者村民小组负责，接受村民监督 verbatim"),
            Link(
                national: 18, provincial: 22, kind: .partial,
                evidence:
                    "款1 村民代表丧失行为能力或者被判处刑罚的，其职务自行终止: N18's rule applied to representatives; the other 款 (resignation, recall of representatives) are the province's own"
            ),
            Link(
                national: 26, provincial: 23, kind: .match,
                evidence:
                    "召集, 每季度召开一次, 五分之一 … 提议, 三分之二以上的组成人员参加方可召开 … 过半数同意 verbatim; 款2 (notice, 法律顾问) new"),
            Link(
                national: 28, provincial: 25, kind: .partial,
                evidence:
                    "N28 款2 村民小组组长由村民小组会议推选 … 任期与村民委员会任期相同，可以连选连任 → 款2"),
            Link(
                national: 28, provincial: 26, kind: .match,
                evidence:
                    "N28 款1 (quorum of the 村民小组会议) verbatim; 款3 (村民小组 property) is not carried"),
            Link(national: 29, provincial: 28, kind: .match, evidence: "verbatim, 各种工作制度 → 各项工作制度"),
            Link(
                national: 30, provincial: 29, kind: .match,
                evidence:
                    "村务公开 list: 本法第二十三条、第二十四条 → 本办法第十四条、第十五条 (their counterparts), 计划生育, 救灾救助、补贴补助; 一般事项至少每季度公布一次 … 每月公布一次; 查询"
            ),
            Link(
                national: 32, provincial: 30, kind: .match,
                evidence:
                    "村应当建立村务监督委员会 …, 其成员由村民会议或者村民代表会议在村民中推选产生，其中应当有具备财会、管理知识的人员; 近亲属 spelled out"),
            Link(
                national: 32, provincial: 32, kind: .partial,
                evidence:
                    "N32 监督村务公开等制度的落实 → （一）; 向村民会议和村民代表会议负责; 可以列席村民委员会会议 verbatim"),
            Link(
                national: 35, provincial: 32, kind: .partial,
                evidence:
                    "（二）村资金管理使用情况，村集体资产、资源的承包、租赁、担保、出让情况和工程项目招标投标 = N35 audit items （四）（五） turned into supervision items"
            ),
            Link(
                national: 33, provincial: 33, kind: .match,
                evidence:
                    "民主评议 verbatim, extended to 村务监督委员会成员; 连续两次被评议不称职 … 职务终止"),
            Link(
                national: 18, provincial: 34, kind: .match,
                evidence:
                    "丧失行为能力或者被判处刑罚的，其职务自行终止 verbatim, extended to 村务监督委员会成员"),
            Link(national: 34, provincial: 37, kind: .match, evidence: "村务档案 list verbatim, 社会保障资料 added"),
            Link(
                national: 38, provincial: 38, kind: .match,
                evidence:
                    "款2 驻在农村的机关、团体、部队、国有及国有控股企业、事业单位及其人员不参加村民委员会组织，但应当通过多种形式参与农村社区建设 = N38 款1; 款1 推动农村社区建设 echoes N9 款2"
            ),
            Link(
                national: 27, provincial: 42, kind: .match,
                evidence:
                    "N27 款2 and 款3 verbatim (不得与宪法、法律、法规和国家的政策相抵触 … 责令改正), 依法给予赔偿 added"),
            Link(
                national: 31, provincial: 43, kind: .match,
                evidence:
                    "不及时公布 … 不真实 → （三）; 向乡、镇人民政府或者县级人民政府及其有关主管部门反映 … 调查核实 … 经查证确有违法行为"),
            Link(
                national: 36, provincial: 43, kind: .match,
                evidence:
                    "N36 款1 村民委员会或者村民委员会成员作出的决定侵害村民合法权益的，受侵害的村民可以申请人民法院予以撤销 verbatim; 款2 不依照法律、法规的规定履行法定义务 → （四）"),
            Link(
                national: 36, provincial: 45, kind: .partial,
                evidence:
                    "N36 款3 乡、民族乡、镇的人民政府干预依法属于村民自治范围事项 → （三）其他干预依法属于村民自治事项的行为, 责令改正"),
            Link(national: 39, provincial: 47, kind: .match, evidence: "verbatim, 本法 → 本办法"),
            Link(
                national: 41, provincial: 48, kind: .match,
                evidence:
                    "the 施行 article: 本法自公布之日起施行 → 本办法自2012年7月1日起施行"),
        ],
        nationalOnly: [
            (12, "村民选举委员会: left to the provincial election regulation"),
            (13, "voters and registration: left to the election regulation"),
            (14, "publication of the voter list: left to the election regulation"),
            (15, "candidates and voting: left to the election regulation"),
            (16, "recall: left to the election regulation"),
            (17, "election fraud: left to the election regulation"),
            (19, "by-elections: left to the election regulation"),
            (20, "handover after an election: left to the election regulation"),
            (
                37,
                "funding of commissioned work and of public welfare: 第四十条款2 funds community facilities through 财政、集体经济、筹资筹劳, a different subject"
            ),
            (40, "the mandate to make 实施办法: fulfilled by this document, not restated"),
        ],
        provincialOnly: [
            (10, "training of members by 民政部门 and the township"),
            (16, "how the 村民会议 authorises the 村民代表会议"),
            (17, "matters decided by a vote of the 村民会议"),
            (19, "qualifications of 村民代表"),
            (24, "议事规则 and minutes of meetings"),
            (27, "decisions follow the province's 村级组织工作规则"),
            (31, "terms and recall of 村务监督委员会 members"),
            (35, "announcing that an office ended"),
            (36, "质询 of members"),
            (39, "planning of rural communities"),
            (40, "community service centres and their funding"),
            (44, "misconduct of members (侵占、截留、挪用 …)"),
            (46, "who implements the 办法; 街道办事处 act for townships"),
        ])

    /// 《中华人民共和国村民委员会组织法》(2018) and 河南省实施办法 (2011, 61 articles). Henan writes out the
    /// election procedure the national 第十五条 delegates (具体选举办法由省…规定) over a dozen articles, and
    /// keeps 任期三年 from the 2010 text.
    static let henan = Pair(
        name: "cunweihui/henan-undated",
        nationalFile: "cunweihui/national.md", provincialFile: "cunweihui/henan-undated.md",
        links: [
            Link(
                national: 1, provincial: 1, kind: .match,
                evidence:
                    "为了保障农村村民依法实行自治，发展农村基层民主 (shortened); 根据《中华人民共和国村民委员会组织法》（以下简称《村民委员会组织法》），结合我省实际，制定本办法"),
            Link(
                national: 2, provincial: 2, kind: .match, evidence: "款1 verbatim; 款2 and 款3 spread over 第五条, 第九条, 第五十一条"
            ),
            Link(national: 2, provincial: 5, kind: .partial, evidence: "N2 款2 向人民政府反映村民的意见、要求和提出建议 verbatim in 款2"),
            Link(national: 2, provincial: 9, kind: .partial, evidence: "N2 款2 办理本村的公共事务和公益事业 → （二）; 调解民间纠纷 → （十）"),
            Link(
                national: 2, provincial: 51, kind: .partial, evidence: "N2 款3 村民委员会向村民会议、村民代表会议负责并报告工作 verbatim as 款1"),
            Link(
                national: 3, provincial: 3, kind: .match,
                evidence: "all three 款 nearly verbatim (分设若干村民小组 → 将村民分为若干村民小组)"),
            Link(national: 4, provincial: 4, kind: .match, evidence: "verbatim, 村务监督委员会 added"),
            Link(national: 5, provincial: 5, kind: .match, evidence: "verbatim"),
            Link(
                national: 39, provincial: 7, kind: .match,
                evidence:
                    "款1 各级人民代表大会和县级以上人民代表大会常务委员会在本行政区域内保证《村民委员会组织法》和本办法的实施，保障村民依法行使自治权利 (moved into 总则)"),
            Link(
                national: 6, provincial: 8, kind: .match,
                evidence:
                    "主任、副主任和委员共三至五人 (三至七人 nationally) …; 村民委员会成员中应当有妇女成员。多民族 … 人数较少的民族的成员"),
            Link(
                national: 8, provincial: 9, kind: .match,
                evidence:
                    "（三）组织发展本村经济，承担生产经营的服务和协调工作 = N8 款1; （五）依法管理本村属于村民集体所有的土地 … 合理利用自然资源，保护和改善生态环境 = N8 款2"),
            Link(
                national: 9, provincial: 9, kind: .match,
                evidence:
                    "（二）支持服务性、公益性、互助性社会组织依法开展活动，推动农村社区建设 = N9 款2 verbatim; （六）发展文化教育 … 普及科技文化知识; （九）民族之间的团结互助"),
            Link(national: 10, provincial: 10, kind: .match, evidence: "verbatim except 执行 … 决定、决议 (moved to 第九条（七）)"),
            Link(
                national: 12, provincial: 11, kind: .match,
                evidence:
                    "村民选举委员会 主持 the election, 由主任和委员组成, produced by 村民会议或者村民代表会议或者各村民小组会议"),
            Link(
                national: 12, provincial: 12, kind: .partial,
                evidence:
                    "N12 款3–4: a member nominated as candidate leaves (职务终止), vacancies 按照原得票多少依次递补 (原推选结果依次递补)"),
            Link(
                national: 11, provincial: 17, kind: .match,
                evidence:
                    "主任、副主任和委员 … 直接选举产生。任何组织或者个人不得指定、委派或者撤换村民委员会成员 verbatim; 每届任期 … 届满 … 及时举行换届选举 … 连选连任"),
            Link(
                national: 13, provincial: 19, kind: .partial,
                evidence:
                    "N13 款1 年满十八周岁 … 选举权和被选举权 … 依照法律被剥夺政治权利的人除外"),
            Link(
                national: 13, provincial: 20, kind: .match,
                evidence:
                    "N13 款2 registration list, the three national categories （一）–（三） elaborated, （四） added"),
            Link(
                national: 14, provincial: 21, kind: .match,
                evidence:
                    "选举日的二十日前 … 公布; 异议 … 自公布之日起五日内 … 自收到 … 三日内作出处理决定，并公布处理结果"),
            Link(
                national: 15, provincial: 23, kind: .partial,
                evidence:
                    "村民提名 … 应当从全体村民利益出发，推荐奉公守法、品行良好、公道正派、热心公益、具有一定文化水平和工作能力的村民为候选人 verbatim"),
            Link(national: 15, provincial: 24, kind: .partial, evidence: "候选人的名额应当多于应选名额 (正式候选人)"),
            Link(
                national: 15, provincial: 28, kind: .partial,
                evidence:
                    "组织候选人与村民见面，由候选人介绍履行职责的设想，回答村民提出的问题 verbatim"),
            Link(
                national: 15, provincial: 30, kind: .partial,
                evidence:
                    "秘密写票处; 书面委托本村有选举权的近亲属代为投票; the names of those voting by proxy are published"),
            Link(national: 15, provincial: 35, kind: .partial, evidence: "过半数的选民参加投票选举有效 (有登记参加选举的村民过半数投票，选举有效)"),
            Link(national: 15, provincial: 36, kind: .partial, evidence: "候选人获得参加投票的选民的过半数选票始得当选"),
            Link(national: 15, provincial: 37, kind: .partial, evidence: "公开计票, 当场宣布选举结果 (选举结果应当当场公布)"),
            Link(
                national: 15, provincial: 38, kind: .partial,
                evidence:
                    "另行选举 … 以得票多的候选人当选，但是当选人的得票数不得少于选票数的三分之一"),
            Link(
                national: 20, provincial: 40, kind: .match,
                evidence:
                    "十日内 … 移交; 工作移交由村民选举委员会主持，由乡、民族乡、镇的人民政府监督 verbatim"),
            Link(
                national: 28, provincial: 41, kind: .partial,
                evidence:
                    "村民小组长 … 由村民小组会议 … 选举产生; 任期与村民委员会任期相同，可以连选连任 (N28 款2)"),
            Link(
                national: 16, provincial: 42, kind: .match,
                evidence:
                    "本村五分之一以上有选举权的村民或者三分之一以上的村民代表联名，可以提出罢免村民委员会成员的 … 理由"),
            Link(
                national: 16, provincial: 43, kind: .partial,
                evidence:
                    "罢免村民委员会成员须有登记参加选举的村民过半数投票，并须经投票的村民过半数通过 verbatim; 有权 … 提出申辩意见"),
            Link(
                national: 17, provincial: 44, kind: .match,
                evidence:
                    "both 款 merged: 以暴力、威胁、欺骗、贿赂、伪造选票、虚报选举票数等不正当手段 … 举报 … 调查并 … 依法处理; 当选无效"),
            Link(
                national: 18, provincial: 46, kind: .match,
                evidence:
                    "其职务自行终止 on 丧失民事行为能力 (N18 丧失行为能力), with further grounds"),
            Link(
                national: 19, provincial: 47, kind: .match,
                evidence:
                    "村民委员会成员缺额时可以补选; 补选程序参照本法第十五条 → 补选按照本办法规定的村民委员会选举程序进行"),
            Link(national: 6, provincial: 48, kind: .partial, evidence: "N6 款3 补贴 → 实行任期职务补贴或者误工补贴"),
            Link(
                national: 21, provincial: 49, kind: .match,
                evidence:
                    "村民会议的组成和召集,按照《村民委员会组织法》的规定执行: a citation of the national rules on composition and convening (N21)"),
            Link(
                national: 23, provincial: 49, kind: .match,
                evidence:
                    "（四）审议村民委员会年度工作报告 … 评议村民委员会成员的工作; （六）撤销或者改变村民代表会议和村民委员会不适当的决定"),
            Link(
                national: 24, provincial: 49, kind: .partial,
                evidence:
                    "（三）讨论决定本村规划及有关公共事务、公益事业的重大事项 and （七）决定涉及村民利益的其他重大事项 summarise the N24 list"),
            Link(national: 27, provincial: 49, kind: .partial, evidence: "（一）制定、修改村民自治章程、村规民约 (N27 款1)"),
            Link(
                national: 25, provincial: 50, kind: .match,
                evidence:
                    "人口较多或者居住分散的村,可以设立村民代表会议，讨论决定村民会议授权的事项; 每五户至十五户推选一人; 五分之四 … 三分之一"),
            Link(
                national: 26, provincial: 51, kind: .match,
                evidence:
                    "村民代表会议由村民委员会召集; 三分之二以上的组成人员参加 … 过半数同意"),
            Link(
                national: 27, provincial: 52, kind: .match,
                evidence:
                    "报乡、民族乡、镇的人民政府备案; 款2 and 款3 verbatim (不得与宪法 … 相抵触 … 责令改正)"),
            Link(national: 28, provincial: 53, kind: .match, evidence: "N28 款1 and 款3 verbatim"),
            Link(
                national: 30, provincial: 55, kind: .match,
                evidence:
                    "村民委员会实行村务公开制度 … 及时公布下列事项，接受村民的监督 …; 一般事项至少每季度公布一次 … 每月公布一次 … 随时公布; 真实性 … 查询"),
            Link(
                national: 32, provincial: 56, kind: .match,
                evidence:
                    "村应当依法建立村务监督委员会，负责村民民主理财，监督村务公开等制度的落实; 具备财会和管理知识的人员; 近亲属 … 不得担任"),
            Link(
                national: 32, provincial: 57, kind: .partial,
                evidence:
                    "its duties: 监督 … 村务公开事项的实施情况 (N32 监督村务公开等制度的落实)"),
            Link(national: 32, provincial: 58, kind: .partial, evidence: "（一）列席村民委员会会议 (N32 可以列席村民委员会会议)"),
            Link(
                national: 31, provincial: 59, kind: .match,
                evidence:
                    "不及时公布应当公布的事项或者公布的事项不真实的 … 向乡、民族乡、镇的人民政府或者县级人民政府及其有关主管部门反映 … 调查核实"),
            Link(national: 34, provincial: 60, kind: .match, evidence: "村务档案 list verbatim (选票 omitted), 妥善保管 added"),
            Link(national: 41, provincial: 61, kind: .match, evidence: "the 施行 article"),
        ],
        nationalOnly: [
            (7, "下属委员会 (人民调解、治安保卫 …): not carried (第九条（十） only mentions 维护本村治安, 调解民间纠纷)"),
            (22, "quorum of the 村民会议: 第四十九条 refers to the national law only for composition and convening"),
            (29, "民主决策机制 and 公开透明的工作原则: not carried"),
            (33, "民主评议 of members: not carried"),
            (35, "任期和离任经济责任审计: not carried (第十八条 audits before an election, 第四十五条 mentions 离任经济责任审计 in passing)"),
            (36, "remedies (court, 责令改正): not carried"),
            (37, "funding of commissioned work: not carried (第六条 funds elections)"),
            (38, "units stationed in villages: not carried (第九条（九） only 妥善处理与驻地单位的关系)"),
            (40, "the mandate to make 实施办法: fulfilled by this document"),
        ],
        provincialOnly: [
            (6, "funding of elections"),
            (13, "publication and filing of the 村民选举委员会"),
            (14, "duties of the 村民选举委员会"),
            (15, "fixing the election day"),
            (16, "election period and leadership bodies"),
            (18, "financial audit before an election"),
            (22, "two ways of electing (with or without fixed candidates)"),
            (25, "ballot layout and counting across offices"),
            (26, "publication of candidates, withdrawal"),
            (27, "replacing withdrawn candidates"),
            (29, "election without fixed candidates"),
            (31, "mobile ballot boxes"),
            (32, "tellers and scrutineers"),
            (33, "issuing ballots"),
            (34, "separate ballots per office; for, against, abstain"),
            (39, "township supervision; invalid elections"),
            (45, "resignation of members"),
            (54, "who may propose a decision (村党组织 … 十分之一以上村民联名)"),
        ])

    /// 《中华人民共和国农业技术推广法》(2012, 39 articles) and 浙江省实施办法 (amended 2020, 37 articles). The
    /// provincial text was written against the 1993 law and never rewritten, so its wording often predates the
    /// national text it is compared with here (有关院校 for 有关学校, 专业科技人员 for 专业技术人员): a harder pair.
    static let agriculturalExtension = Pair(
        name: "nongjituiguang/zhejiang-2020",
        nationalFile: "nongjituiguang/national.md", provincialFile: "nongjituiguang/zhejiang-2020.md",
        links: [
            Link(
                national: 1, provincial: 1, kind: .match,
                evidence:
                    "为了加强农业技术推广工作 … 应用于农业生产 … 实现农业现代化; 根据《中华人民共和国农业技术推广法》的规定，结合我省实际"),
            Link(
                national: 2, provincial: 2, kind: .match,
                evidence:
                    "本办法所称农业技术，是指应用于种植业、林业、畜牧业、渔业的科技成果和实用技术 (the list in one sentence); 款2 verbatim"),
            Link(
                national: 9, provincial: 3, kind: .match,
                evidence:
                    "农业、林业、水利等 … 部门（以下统称农业技术推广部门）按照各自职责 … 负责本行政区域内 …; 科技主管部门 … 指导; 其他有关部门 … 按照各自职责"),
            Link(national: 5, provincial: 5, kind: .match, evidence: "款1 鼓励和支持科技人员开发、推广应用先进的农业技术 … verbatim"),
            Link(national: 6, provincial: 5, kind: .match, evidence: "款2 鼓励和支持引进先进的农业技术，促进 … 农业技术的交流与合作"),
            Link(
                national: 10, provincial: 6, kind: .match,
                evidence:
                    "实行农业技术推广机构与农业科研单位、有关院校以及群众性科技组织、农民技术人员相结合的推广体系"),
            Link(
                national: 12, provincial: 7, kind: .match,
                evidence:
                    "setting up 县、乡镇 and 区域性 extension institutions, and the township institution's dual leadership (县 department and 乡镇人民政府)"
            ),
            Link(
                national: 13, provincial: 7, kind: .partial,
                evidence:
                    "款4 根据所服务区域的种养规模、服务范围和工作任务等合理配备 … 保证公益性职责的履行 (N13 款1)"),
            Link(
                national: 11, provincial: 8, kind: .match,
                evidence:
                    "the duties of the extension institutions: 试验、示范, 培训, 信息服务 (N11 lists them as 公益性职责)"),
            Link(national: 17, provincial: 9, kind: .match, evidence: "农场、林场、牧场、渔场 … 面向社会 … 开展 … 农业技术 … 服务"),
            Link(
                national: 16, provincial: 10, kind: .match,
                evidence:
                    "农业科研单位和有关院校，应当适应农村经济发展的需要 … 开展农业技术开发和推广工作，加快先进技术在农业生产中的普及和应用"),
            Link(
                national: 20, provincial: 10, kind: .partial,
                evidence:
                    "研究解决当地农业生产中的重大技术问题 (N20 把农业生产中需要解决的技术问题列为研究课题)"),
            Link(
                national: 15, provincial: 11, kind: .match,
                evidence:
                    "村集体经济组织或者村民委员会 … 村农业技术推广服务组织, 农民技术人员 (N15 款4 村民委员会和村集体经济组织，应当推动、帮助村农业技术服务站点和农民技术人员开展工作)"),
            Link(national: 18, provincial: 12, kind: .match, evidence: "群众性科技组织 … 发挥其在 … 农业技术 … 中的作用"),
            Link(
                national: 14, provincial: 13, kind: .match,
                evidence:
                    "专业科技人员 … 有关专业学历 … 县级以上人民政府 … 考核 … 专业技术水平"),
            Link(
                national: 31, provincial: 14, kind: .match,
                evidence:
                    "有计划地对农业技术推广人员进行 … 培训 … 使其不断更新知识，提高业务水平"),
            Link(
                national: 15, provincial: 14, kind: .partial,
                evidence:
                    "款2 农民技术人员经 … 考核 … 符合条件的 … 授予相应的技术职称，并发给证书 (N15 款2)"),
            Link(
                national: 29, provincial: 16, kind: .match,
                evidence:
                    "各级人民政府应当采取措施，保障和改善 … 专业科技人员的工作条件和生活条件 … 补贴"),
            Link(
                national: 29, provincial: 17, kind: .partial,
                evidence:
                    "职称评定，以考核其推广工作的业务技术水平和实绩为主 (N29 款2)"),
            Link(
                national: 16, provincial: 17, kind: .partial,
                evidence:
                    "款2 农业科研单位和有关院校的科技人员从事农业技术推广工作的 … 实绩作为考核的重要内容 (N16 款2)"),
            Link(
                national: 29, provincial: 18, kind: .partial,
                evidence:
                    "保障农业技术推广人员队伍的稳定 (N29 保持国家农业技术推广队伍的稳定)"),
            Link(
                national: 19, provincial: 19, kind: .match,
                evidence:
                    "农业技术推广 … 列入 … 发展计划 … 组织实施 (N19 重大农业技术的推广应当列入国家和地方相关发展规划、计划)"),
            Link(national: 21, provincial: 20, kind: .match, evidence: "推广的农业技术必须具有 … 先进性、适应性 (N21 先进性、适用性和安全性)"),
            Link(
                national: 23, provincial: 22, kind: .match,
                evidence:
                    "县（市、区）、乡镇农业技术推广机构应当组织农业劳动者 … 学习农业科技知识 … 提高农业劳动者应用农业技术的能力"),
            Link(
                national: 22, provincial: 22, kind: .partial,
                evidence:
                    "选择 … 有条件的农户 … 进行应用示范; 在物资、技术、资金、销售等方面予以支持 (N22 款2 and 款4)"),
            Link(
                national: 22, provincial: 23, kind: .match,
                evidence:
                    "农业劳动者和农业生产经营组织根据自愿原则应用农业技术，任何组织和个人不得强制 (N22 款3)"),
            Link(
                national: 24, provincial: 24, kind: .match,
                evidence:
                    "推广 … 实行无偿服务; 以技术转让、技术服务和技术承包等形式提供农业技术的，可以实行有偿服务，其合法收入受法律保护 … 订立合同"),
            Link(national: 28, provincial: 25, kind: .match, evidence: "财政预算 … 资金逐年增长 (N28 款1)"),
            Link(
                national: 28, provincial: 26, kind: .partial,
                evidence:
                    "农业技术推广专项资金 … 从农业发展基金中 … 提取 … 不得截留或者挪用 (N28 款2 and 款4)"),
            Link(
                national: 30, provincial: 29, kind: .match,
                evidence:
                    "保障 … 农业技术推广机构 … 试验基地 … 办公场所 … 条件; 试验基地、生产资料和其他财产 (N30 款2 不受侵害)"),
            Link(national: 8, provincial: 31, kind: .match, evidence: "对 … 农业技术推广 … 单位和个人 … 给予表彰和奖励 (N8)"),
            Link(national: 8, provincial: 32, kind: .partial, evidence: "奖励在农业技术推广中有突出成绩的单位和个人"),
            Link(national: 36, provincial: 33, kind: .match, evidence: "（一）推广未经审定、试验的农业技术 … 造成经济损失 … 赔偿"),
            Link(national: 37, provincial: 33, kind: .match, evidence: "（二）强制农业劳动者应用农业技术，造成损失的"),
            Link(national: 38, provincial: 35, kind: .match, evidence: "截留、挪用农业技术推广专项资金"),
            Link(national: 39, provincial: 37, kind: .match, evidence: "the 施行 article (本办法自公布之日起施行)"),
        ],
        nationalOnly: [
            (3, "国家扶持农业技术推广事业: no counterpart"),
            (4, "the principles of extension: not carried"),
            (7, "leadership of governments: 第三条 only says 本办法由各级人民政府组织实施"),
            (25, "农民专业合作社、涉农企业 providing services: not carried"),
            (26, "农业示范区: not carried"),
            (27, "购买服务: not carried"),
            (32, "supervision and assessment of the institutions: not carried"),
            (33, "tax and credit privileges: not carried (第三十条 supports 经济实体 with 资金、信贷, another subject)"),
            (34, "duties of government departments (处分): not carried"),
            (35, "duties of the institutions (责令限期改正): not carried"),
        ],
        provincialOnly: [
            (4, "coordination 农科教结合 by the province and the cities"),
            (15, "duties of extension workers"),
            (21, "the sequence 试验、示范、培训、推广 and who sets test standards"),
            (27, "以工补农 funds of villages"),
            (28, "技术改进费 on bulk farm produce"),
            (30, "economic entities of the institutions"),
            (34, "penalty for seizing the institutions' property"),
            (36, "plagiarism of results"),
        ])
}

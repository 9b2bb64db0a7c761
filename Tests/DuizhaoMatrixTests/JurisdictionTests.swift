import DuizhaoMatrix
import XCTest

final class JurisdictionTests: XCTestCase {
    func testProvinceFromImplementingTitle() {
        XCTAssertEqual(Jurisdiction.shortName(issuers: [], title: "河南省实施《中华人民共和国村民委员会组织法》办法", fileName: "x.md"), "河南")
        XCTAssertEqual(Jurisdiction.shortName(issuers: [], title: "黑龙江省关于促进移动互联网健康有序发展的实施意见", fileName: "x.md"), "黑龙江")
    }

    func testIssuersComeBeforeTheTitle() {
        XCTAssertEqual(Jurisdiction.shortName(issuers: ["北京市人民政府"], title: "关于加强城市管理的意见", fileName: "a.txt"), "北京")
        XCTAssertEqual(
            Jurisdiction.shortName(issuers: ["中共黑龙江省委办公厅", "黑龙江省人民政府办公厅"], title: "实施意见", fileName: "a.txt"), "黑龙江")
    }

    func testMostSpecificPlaceWins() {
        XCTAssertEqual(Jurisdiction.shortName(issuers: ["湖南省株洲市人民政府"], title: "", fileName: "a.txt"), "株洲")
        XCTAssertEqual(Jurisdiction.shortName(issuers: ["青岛市人民代表大会常务委员会"], title: "", fileName: "a.txt"), "青岛")
    }

    func testAutonomousRegionsLoseTheirEthnicDesignation() {
        XCTAssertEqual(Jurisdiction.shortName(issuers: ["广西壮族自治区人民政府"], title: "", fileName: "a"), "广西")
        XCTAssertEqual(Jurisdiction.shortName(issuers: ["新疆维吾尔自治区人民政府"], title: "", fileName: "a"), "新疆")
        XCTAssertEqual(Jurisdiction.shortName(issuers: ["内蒙古自治区人民政府"], title: "", fileName: "a"), "内蒙古")
        XCTAssertEqual(Jurisdiction.shortName(issuers: [], title: "延边朝鲜族自治州施行细则", fileName: "a"), "延边")
    }

    func testNationalTextsAndGeneralPhrasesFallBackToTheFileName() {
        XCTAssertEqual(
            Jurisdiction.shortName(issuers: ["国务院办公厅"], title: "中华人民共和国村民委员会组织法", fileName: "/x/y/national.md"),
            "national")
        XCTAssertEqual(Jurisdiction.shortName(issuers: [], title: "中华人民共和国城市居民委员会组织法", fileName: "c.txt"), "c")
        XCTAssertEqual(Jurisdiction.shortName(issuers: [], title: "城市管理条例", fileName: "d.txt"), "d")
        XCTAssertEqual(Jurisdiction.shortName(issuers: [], title: "各市场主体登记规定", fileName: "e.txt"), "e")
        XCTAssertEqual(Jurisdiction.shortName(issuers: [], title: "关于加强城市管理的意见", fileName: "f"), "f")
    }
}

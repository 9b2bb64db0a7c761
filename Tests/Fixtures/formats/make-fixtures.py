#!/usr/bin/env python3
"""Writes the format fixtures of Tests/Fixtures/formats/ from clean texts (run from the repository root).

Each fixture is a clean text dressed as people have it: a saved gov.cn-style page with its chrome, a page pasted
from Word (MsoNormal, TRS_Editor, <br>-broken paragraphs, a layout table), a GBK page, a Word .docx with list
numbering and a table, a PDF printed from a page (text layer, hard wraps, page footers) and a scanned PDF (an
image, no text). The tests import each fixture and its clean text and expect the same outline.

    python3 Tests/Fixtures/formats/make-fixtures.py            # the fixtures
    python3 Tests/Fixtures/formats/make-fixtures.py --bench D  # also large copies for duizhao-bench in D
"""
import html
import os
import sys
import zipfile
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))


def read(path):
    with open(os.path.join(ROOT, path), encoding="utf-8") as handle:
        return handle.read()


def markdown_lines(text):
    """The lines of a law collection's markdown capture: (kind, text), kind 'title', 'chapter' or 'text'."""
    result = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("<!--"):
            continue
        if line.startswith("# "):
            result.append(("title", line[2:]))
        elif line.startswith("## "):
            result.append(("chapter", line[3:]))
        else:
            result.append(("text", line))
    return result


CHROME_TOP = """<div class="header"><img src="logo.png" alt="中国政府网"><ul class="menu">
<li><a href="/">首页</a></li><li><a href="/zhengce/">政策</a></li><li><a href="/hudong/">互动</a></li>
<li><a href="/fuwu/">服务</a></li><li><a href="/shuju/">数据</a></li><li><a href="/guoqing/">国情</a></li></ul>
<form class="search"><input type="text" value="请输入关键字"><button>搜索</button></form></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zhengce/">政策</a> &gt; <a href="/zhengce/zuixin.htm">最新</a></div>
"""
CHROME_BOTTOM = """<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a> <a href="#">QQ空间</a></div>
<div class="editor">【我要纠错】 责任编辑：王某某</div>
<div class="related"><h3>相关稿件</h3><ul>
<li><a href="/a.htm">国务院办公厅关于加快推进电子政务的通知</a> 2016-12-20</li>
<li><a href="/b.htm">解读：移动互联网发展的新阶段</a> 2017-01-16</li>
<li><a href="/c.htm">图解：一图读懂意见要点</a> 2017-01-16</li></ul></div>
<div class="footer"><a href="#">网站说明</a> | <a href="#">网站地图</a> | <a href="#">联系我们</a><br>
主办单位：国务院办公厅　运行维护单位：中国政府网运行中心<br>版权所有：中国政府网　中文域名：中国政府网.政务<br>
网站标识码bm01000001　京ICP备05070218号　京公网安备11010202000001号</div>
<script>var _hmt = _hmt || []; document.write("统计代码");</script>
"""


def gov_page(clean):
    """A saved gov.cn 政府信息公开 page: menus, breadcrumbs, the metadata table, font-size and print controls,
    the content block, share links, 责任编辑, related articles, the footer, scripts and styles."""
    lines = clean.splitlines()
    title = lines[0].strip()
    body = []
    for index, line in enumerate(lines[1:]):
        if not line.strip():
            continue
        text = html.escape(line.strip())
        # Three indentation habits: ideographic spaces, &nbsp; entities, CSS only.
        if index % 3 == 0:
            body.append("<p>\u3000\u3000%s</p>" % text)
        elif index % 3 == 1:
            body.append('<p style="text-indent: 2em;">&nbsp;&nbsp;&nbsp;&nbsp;%s</p>' % text)
        else:
            body.append('<p style="text-indent: 2em;">%s</p>' % text)
    return """<!DOCTYPE html>
<html><head><meta charset="utf-8">
<title>%(title)s_政府信息公开专栏</title>
<meta name="ArticleTitle" content="%(title)s">
<meta name="PubDate" content="2017-01-15 20:00">
<meta name="ContentSource" content="新华社">
<style>p{margin:0}.pages_content{font-size:16px}</style>
<script type="text/javascript">var x=1; if (x < 2) { document.title = "代表法"; }</script>
</head><body>
%(top)s
<div class="policyLibraryOverview_header"><table class="border-table">
<tr><td><b>索　引　号：</b></td><td>000014349/2017-00011</td><td><b>主题分类：</b></td><td>科技、教育\\科技</td></tr>
<tr><td><b>发文机关：</b></td><td>中共中央办公厅　国务院办公厅</td><td><b>成文日期：</b></td><td>2017年01月15日</td></tr>
<tr><td><b>标　　题：</b></td><td colspan="3">%(title)s</td></tr>
<tr><td><b>发文字号：</b></td><td></td><td><b>发布日期：</b></td><td>2017年01月15日</td></tr>
</table></div>
<div class="article oneColumn pub_border">
<h1>%(title)s</h1>
<div class="pages-date">2017-01-15 20:00　来源：新华社
<span class="font">【字体：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】</span>
<a href="javascript:window.print()">打印本页</a> <a href="javascript:window.close()">关闭窗口</a></div>
<title>代表法p{margin:0}</title>
<div class="pages_content" id="UCAP-CONTENT">
%(body)s
</div>
%(bottom)s
</div></body></html>
""" % {"title": html.escape(title), "top": CHROME_TOP, "bottom": CHROME_BOTTOM, "body": "\n".join(body)}


def word_pasted_page(markdown):
    """A provincial page whose text was pasted from Word: a layout table, TRS_Editor, MsoNormal paragraphs with
    spans and <o:p>, articles after the first few run together in one paragraph with <br>, no charset declared."""
    parts = []
    pending = []

    def flush():
        if pending:
            parts.append('<p class="MsoNormal" style="text-indent:32.0pt;line-height:28.0pt">'
                         + "<br>\n".join(pending) + "<o:p></o:p></p>")
            pending.clear()

    for number, (kind, text) in enumerate(markdown_lines(markdown)):
        text = html.escape(text)
        if kind == "title":
            parts.append('<p class="MsoNormal" align="center" style="text-align:center"><b><span '
                         'style="font-size:22.0pt;font-family:方正小标宋简体">%s</span></b></p>' % text)
        elif kind == "chapter":
            flush()
            parts.append('<p class="MsoNormal" align="center" style="text-align:center"><span '
                         'style="font-family:黑体">%s</span></p>' % text.replace("\u3000", "&nbsp;&nbsp;"))
        elif text.startswith("第") and "条" in text[:8]:
            label, _, rest = text.partition(" ")
            line = '<b><span style="font-family:黑体">%s</span></b><span lang="EN-US">&nbsp;</span><span>%s</span>' % (
                label, rest)
            flush()
            pending.append("&nbsp;&nbsp;&nbsp;&nbsp;" + line)
            if number % 4 != 0:  # most articles run on with <br> into the next
                continue
            flush()
        else:
            pending.append("&nbsp;&nbsp;&nbsp;&nbsp;<span>%s</span>" % text)
    flush()
    content = "\n".join(parts)
    return """<html xmlns:o="urn:schemas-microsoft-com:office:office">
<head><title>河南省人大常委会</title>
<style>p.MsoNormal{margin:0cm;font-size:10.5pt}</style></head>
<body><table width="1000" align="center"><tr><td width="200" valign="top">
<div class="leftnav"><a href="/">首页</a><br><a href="/rdgz/">人大工作</a><br><a href="/fg/">地方性法规</a><br>
<a href="/jd/">监督</a><br><a href="/db/">代表工作</a></div></td>
<td valign="top"><div class="position">您现在的位置：<a href="/">首页</a> &gt;&gt; <a href="/fg/">地方性法规</a></div>
<div class="TRS_Editor">
%s
</div>
<div class="bottom">【<a href="#">页面纠错</a>】【<a href="javascript:print()">打印</a>】【<a href="javascript:close()">关闭</a>】</div>
</td></tr></table>
<div class="foot">河南省人民代表大会常务委员会办公厅 主办　豫ICP备05000000号</div></body></html>
""" % content


def gbk_page(markdown):
    """A provincial page in GB2312/GBK, declared with an http-equiv meta."""
    rows = []
    for kind, text in markdown_lines(markdown):
        text = html.escape(text)
        if kind == "title":
            rows.append('<div class="biaoti">%s</div>' % text)
        elif kind == "chapter":
            rows.append('<p align="center">%s</p>' % text)
        else:
            rows.append("<p>\u3000\u3000%s</p>" % text)
    page = """<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>河南省实施献血法办法</title></head>
<body><div id="top"><a href="/">网站首页</a> | <a href="/zwgk/">政务公开</a> | <a href="/bsfw/">办事服务</a></div>
<div id="zoom">
%s
</div>
<div id="links">相关链接：<a href="/x">河南省卫生健康委员会</a> <a href="/y">河南省红十字会</a></div>
<div id="copyright">版权所有：河南省人民政府办公厅　网站标识码4100000000</div>
</body></html>
""" % "\n".join(rows)
    return page.encode("gbk")


# ---- DOCX ----

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

NUMBERING = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering %s>
<w:abstractNum w:abstractNumId="3">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%%1、"/><w:suff w:val="nothing"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%%2）"/><w:suff w:val="nothing"/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%%3."/><w:lvlRestart w:val="0"/><w:suff w:val="nothing"/></w:lvl>
</w:abstractNum>
<w:num w:numId="7"><w:abstractNumId w:val="3"/></w:num>
</w:numbering>
""" % W

STYLES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles %s>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Heading1"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>
</w:styles>
""" % W


def docx_paragraph(text, level=None, style=None, center=False, breaks=()):
    properties = ""
    if style:
        properties += '<w:pStyle w:val="%s"/>' % style
    if level is not None:
        properties += '<w:numPr><w:ilvl w:val="%d"/><w:numId w:val="7"/></w:numPr>' % level
    if center:
        properties += '<w:jc w:val="center"/>'
    runs = '<w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t xml:space="preserve">%s</w:t></w:r>' % html.escape(text)
    for extra in breaks:
        runs += '<w:r><w:br/><w:t>%s</w:t></w:r>' % html.escape(extra)
    return "<w:p><w:pPr>%s</w:pPr>%s</w:p>" % (properties, runs)


def docx_from_notice(clean):
    """The notice as Word keeps it: 一、 headings numbered through the Heading1 style, （一） items through
    Heading2, 1. clauses by direct numbering that never restarts; the attachment's table a w:tbl."""
    paragraphs = []
    lines = [line.strip() for line in clean.splitlines() if line.strip()]
    index = 0
    while index < len(lines):
        line = lines[index]
        if line == "序号":  # the attachment's table: header and rows of three cells
            rows = []
            while index < len(lines):
                rows.append(lines[index:index + 3])
                index += 3
            cells = "".join(
                "<w:tr>%s</w:tr>" % "".join(
                    '<w:tc><w:tcPr><w:tcW w:w="3000" w:type="dxa"/></w:tcPr>%s</w:tc>' % docx_paragraph(cell)
                    for cell in row)
                for row in rows)
            paragraphs.append('<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/></w:tblPr><w:tblGrid/>%s</w:tbl>' % cells)
            break
        if len(line) > 2 and line[0] in "一二三四五六七八九" and line[1] == "、":
            paragraphs.append(docx_paragraph(line[2:], style="Heading1"))
        elif line.startswith("（") and line[1] in "一二三四五六七八九十" and "）" in line[:5]:
            paragraphs.append(docx_paragraph(line[line.index("）") + 1:], style="Heading2"))
        elif line[0].isdigit() and line[1] == ".":
            paragraphs.append(docx_paragraph(line[2:], level=2))
        elif index == 0:
            paragraphs.append(docx_paragraph(line, center=True))
        else:
            paragraphs.append(docx_paragraph(line))
        index += 1
    document = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document %s><w:body>%s<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>
""" % (W, "".join(paragraphs))
    return document


def write_docx(path, document, compression=zipfile.ZIP_DEFLATED):
    content_types = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
</Types>"""
    rels = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>"""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in (("[Content_Types].xml", content_types), ("_rels/.rels", rels),
                           ("word/document.xml", document), ("word/numbering.xml", NUMBERING),
                           ("word/styles.xml", STYLES)):
            info = zipfile.ZipInfo(name, date_time=(2024, 3, 1, 0, 0, 0))
            info.compress_type = compression
            archive.writestr(info, data)


# ---- PDF ----

def pdf_document(pages, image_only=False):
    """A PDF of A4 pages, each a list of (x, y, text) lines in one CID font whose codes are the characters'
    Unicode values (Identity-H with a ToUnicode map, glyph widths one em), or (image_only) a grey image per page."""
    objects = []

    def add(data):
        objects.append(data if isinstance(data, bytes) else data.encode("latin-1"))
        return len(objects)

    catalog = add("")
    pages_object = add("")
    tounicode_ranges = "".join("<%02X00> <%02XFF> <%02X00>\n" % (high, high, high) for high in range(256))
    cmap = ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CIDSystemInfo << /Registry (Adobe) "
            "/Ordering (UCS) /Supplement 0 >> def /CMapName /Adobe-Identity-UCS def /CMapType 2 def "
            "1 begincodespacerange <0000> <FFFF> endcodespacerange\n256 beginbfrange\n%sendbfrange\n"
            "endcmap CMapName currentdict /CMap defineresource pop end end" % tounicode_ranges).encode()
    compressed = zlib.compress(cmap)
    tounicode = add(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(compressed) + compressed
                    + b"\nendstream")
    descriptor = add("<< /Type /FontDescriptor /FontName /SimSun /Flags 4 /FontBBox [0 -141 1000 859] "
                     "/ItalicAngle 0 /Ascent 859 /Descent -141 /CapHeight 700 /StemV 80 >>")
    cid_font = add("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) "
                   "/Ordering (Identity) /Supplement 0 >> /FontDescriptor %d 0 R /DW 1000 >>" % descriptor)
    font = add("<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [%d 0 R] "
               "/ToUnicode %d 0 R >>" % (cid_font, tounicode))
    page_ids = []
    for lines in pages:
        if image_only:
            pixels = bytes((x * 7 + y * 3) % 256 for y in range(64) for x in range(64))
            image = add(b"<< /Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceGray "
                        b"/BitsPerComponent 8 /Length %d >>\nstream\n" % len(pixels) + pixels + b"\nendstream")
            stream = b"q 595 0 0 842 0 0 cm /Im1 Do Q"
            resources = "<< /XObject << /Im1 %d 0 R >> >>" % image
        else:
            operations = []
            for x, y, text in lines:
                codes = "".join("%04X" % ord(character) for character in text)
                operations.append("BT /F1 12 Tf %.1f %.1f Td <%s> Tj ET" % (x, y, codes))
            stream = "\n".join(operations).encode()
            resources = "<< /Font << /F1 %d 0 R >> >>" % font
        contents = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        page_ids.append(add("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources %s /Contents %d 0 R >>"
                            % (pages_object, resources, contents)))
    objects[catalog - 1] = ("<< /Type /Catalog /Pages %d 0 R >>" % pages_object).encode()
    objects[pages_object - 1] = ("<< /Type /Pages /Kids [%s] /Count %d >>"
                                 % (" ".join("%d 0 R" % page for page in page_ids), len(page_ids))).encode()
    output = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, data in enumerate(objects, start=1):
        offsets.append(len(output))
        output += b"%d 0 obj\n" % number + data + b"\nendobj\n"
    xref = len(output)
    output += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        output += b"%010d 00000 n \n" % offset
    output += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, catalog, xref)
    return bytes(output)


def printed_pages(markdown, columns=32, rows=40):
    """A law printed as a PDF: title centred, chapters centred, paragraphs indented two characters and wrapped at
    `columns` characters, `rows` lines a page, a centred page number (— 3 —) at the foot of each page."""
    printed = []
    for kind, text in markdown_lines(markdown):
        if kind in ("title", "chapter"):
            printed.append((True, text))
            continue
        text = "\u3000\u3000" + text
        while text:
            printed.append((False, text[:columns]))
            text = text[columns:]
    left, top, em = 90.0, 770.0, 12.0
    pages = []
    for start in range(0, len(printed), rows):
        lines = []
        for row, (centred, text) in enumerate(printed[start:start + rows]):
            x = left + (columns - len(text)) * em / 2 if centred else left
            if text.startswith("\u3000\u3000"):  # indentation is space on paper, not characters
                x += 2 * em
                text = text[2:]
            lines.append((x, top - row * 16.0, text))
        footer = "— %d —" % (len(pages) + 1)
        lines.append((left + (columns - len(footer) / 2) * em / 2, 50.0, footer))
        pages.append(lines)
    return pages


def main():
    national = read("Resources/national.txt")
    with open(os.path.join(HERE, "gov-page.html"), "w", encoding="utf-8") as handle:
        handle.write(gov_page(national))
    law = read("Tests/Fixtures/corpus/xianxuefa/national.md")
    with open(os.path.join(HERE, "word-pasted.html"), "w", encoding="utf-8") as handle:
        handle.write(word_pasted_page(read("Tests/Fixtures/corpus/xianxuefa/henan-1999.md")))
    with open(os.path.join(HERE, "gbk-page.htm"), "wb") as handle:
        handle.write(gbk_page(read("Tests/Fixtures/corpus/xianxuefa/zhejiang-2020.md")))
    write_docx(os.path.join(HERE, "numbered-notice.docx"), docx_from_notice(read("Tests/Fixtures/formats/numbered-notice.txt")))
    with open(os.path.join(HERE, "printed-law.pdf"), "wb") as handle:
        handle.write(pdf_document(printed_pages(law)))
    with open(os.path.join(HERE, "scanned.pdf"), "wb") as handle:
        handle.write(pdf_document([[]], image_only=True))
    if len(sys.argv) == 3 and sys.argv[1] == "--bench":
        bench(sys.argv[2], national, law)


def bench(directory, national, law):
    """A 2 MB page (the gov.cn page's content repeated), a 1 MB .docx and a 100-page PDF, for duizhao-bench."""
    os.makedirs(directory, exist_ok=True)
    page = gov_page(national)
    start, end = page.index('<div class="pages_content"'), page.index("</div>", page.index('<div class="pages_content"'))
    block = page[start:end]
    inner = block[block.index(">") + 1:]
    repeated = page[:start] + block[:block.index(">") + 1] + inner * max(1, 2_000_000 // len(inner.encode())) + page[end:]
    with open(os.path.join(directory, "page-2mb.html"), "w", encoding="utf-8") as handle:
        handle.write(repeated)
    notice = read("Tests/Fixtures/formats/numbered-notice.txt")
    body = notice[:notice.index("附件")]
    document = docx_from_notice(body * max(1, 1_000_000 // len(docx_from_notice(body).encode())))
    # Stored, not deflated: repeated text would shrink a hundredfold, and the file is to be 1 MB.
    write_docx(os.path.join(directory, "notice-1mb.docx"), document, zipfile.ZIP_STORED)
    pages = printed_pages(law)
    many = [pages[index % len(pages)] for index in range(100)]
    with open(os.path.join(directory, "law-100-pages.pdf"), "wb") as handle:
        handle.write(pdf_document(many))


if __name__ == "__main__":
    main()

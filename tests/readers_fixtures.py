"""Builders for reader test inputs: directive text, legacy bytes, DOCX, PDF and HTML.

Everything is made in the test run (no binary fixtures in the repository), so a reader
test always says exactly what its input contains.
"""

from __future__ import annotations

import io
from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.oxml import parse_xml
from docx.text.paragraph import Paragraph
from PIL import Image, ImageDraw
from reportlab.lib import pdfencrypt
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from chidao.extract.readers.encoding import TCVN3, encode_text

DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# A directive paragraph as Hà Nội writes them: capitals, every tone, ư/ơ clusters, numbers.
DIRECTIVE = (
    "ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI\n"
    "CHỈ THỊ\n"
    "Về việc tăng cường kỷ luật, kỷ cương hành chính\n"
    "Căn cứ Nghị quyết số 75/NQ-CP ngày 14/7/2021 của Chính phủ, để thực hiện hiệu quả "
    "các nhiệm vụ được giao, Chủ tịch Ủy ban nhân dân Thành phố yêu cầu:\n"
    "1. Giao Sở Kế hoạch và Đầu tư chủ trì, phối hợp với Sở Tài chính và các sở, ban, "
    "ngành, Ủy ban nhân dân các quận, huyện, thị xã xây dựng kế hoạch triển khai; báo cáo "
    "kết quả thực hiện trước ngày 30/9/2021.\n"
    "2. Người đứng đầu các cơ quan, đơn vị chịu trách nhiệm trước Chủ tịch UBND Thành phố "
    "nếu để xảy ra sai phạm; định kỳ hằng tháng tổng hợp, báo cáo tiến độ."
)


def tcvn3_as_typed(text: str) -> bytes:
    """TCVN3 bytes as a typist made them: capitals TCVN3 lacks typed with .VnTimeH,
    i.e. stored as the lower-case code."""
    out = bytearray()
    for ch in text:
        try:
            out += encode_text(ch, TCVN3)
        except UnicodeEncodeError:
            out += encode_text(ch.lower(), TCVN3)
    return bytes(out)


# --------------------------------------------------------------------------------------
# DOCX
# --------------------------------------------------------------------------------------


def level_xml(
    ilvl: int, fmt: str, text: str, start: int = 1, extra: str = "", suffix: str | None = None
) -> str:
    suff = f'<w:suff w:val="{suffix}"/>' if suffix else ""
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'{extra}{suff}<w:lvlText w:val="{text}"/></w:lvl>'
    )


def add_list(
    document: DocxDocument,
    abstract_id: int,
    num_id: int,
    levels: list[str],
    start_overrides: dict[int, int] | None = None,
) -> None:
    """Add an abstractNum made of ``levels`` (see :func:`level_xml`) and a num using it.

    abstractNums must precede nums in numbering.xml, hence the insertion point.
    """
    numbering = document.part.numbering_part.element
    abstract = parse_xml(
        f'<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="{abstract_id}">'
        f'<w:multiLevelType w:val="multilevel"/>{"".join(levels)}</w:abstractNum>'
    )
    first_num = numbering.find(f"{{{W_NS}}}num")
    if first_num is None:
        numbering.append(abstract)
    else:
        first_num.addprevious(abstract)
    add_num(document, num_id, abstract_id, start_overrides)


def add_num(
    document: DocxDocument,
    num_id: int,
    abstract_id: int,
    start_overrides: dict[int, int] | None = None,
) -> None:
    overrides = "".join(
        f'<w:lvlOverride w:ilvl="{ilvl}"><w:startOverride w:val="{start}"/></w:lvlOverride>'
        for ilvl, start in (start_overrides or {}).items()
    )
    document.part.numbering_part.element.append(
        parse_xml(
            f'<w:num xmlns:w="{W_NS}" w:numId="{num_id}">'
            f'<w:abstractNumId w:val="{abstract_id}"/>{overrides}</w:num>'
        )
    )


def numbered(document: DocxDocument, text: str, num_id: int, ilvl: int = 0) -> Paragraph:
    """A body paragraph with direct numbering (w:numPr) and no typed number."""
    paragraph = document.add_paragraph(text)
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(
        parse_xml(
            f'<w:numPr xmlns:w="{W_NS}"><w:ilvl w:val="{ilvl}"/>'
            f'<w:numId w:val="{num_id}"/></w:numPr>'
        )
    )
    return paragraph


def docx_bytes(document: DocxDocument) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def new_docx() -> DocxDocument:
    return docx.Document()


# --------------------------------------------------------------------------------------
# PDF
# --------------------------------------------------------------------------------------

_FONT = "DejaVuSans"


def _register_font() -> None:
    if _FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(_FONT, DEJAVU))


def scan_image(path: Path) -> Path:
    """A page-sized PNG with some dark strokes, like a scanned page."""
    image = Image.new("L", (620, 877), 255)
    draw = ImageDraw.Draw(image)
    for y in range(60, 800, 24):
        draw.line((50, y, 560, y), fill=40, width=3)
    image.save(path)
    return path


def make_pdf(
    path: Path,
    pages: list[list[str] | None],
    *,
    image: Path | None = None,
    encrypt: pdfencrypt.StandardEncryption | None = None,
) -> Path:
    """A PDF with one page per entry: lines of text, or ``None`` for a scanned page
    (the image only) when ``image`` is given, else a blank page."""
    _register_font()
    pdf = canvas.Canvas(str(path), encrypt=encrypt)
    for lines in pages:
        if lines is None:
            if image is not None:
                pdf.drawImage(str(image), 0, 0, width=595, height=842)
        else:
            pdf.setFont(_FONT, 12)
            y = 800
            for line in lines:
                pdf.drawString(50, y, line)
                y -= 18
        pdf.showPage()
    pdf.save()
    return path


def password_encryption(user: str = "matkhau") -> pdfencrypt.StandardEncryption:
    return pdfencrypt.StandardEncryption(user, ownerPassword="owner-secret")


# --------------------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------------------

NEWS_PAGE = """<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8">
<title>Hà Nội triển khai Nghị quyết 75/NQ-CP - Báo Thủ đô</title>
<script>var ads = "Quảng cáo nổi bật";</script><style>.menu{color:red}</style></head>
<body>
<header><nav><ul>
<li><a href="/">Trang chủ</a></li><li><a href="/thoi-su">Thời sự</a></li>
<li><a href="/kinh-te">Kinh tế</a></li><li><a href="/van-hoa">Văn hóa</a></li>
</ul></nav></header>
<main><article>
<h1>Hà Nội triển khai Nghị quyết 75/NQ-CP về phòng, chống dịch</h1>
<p>Ủy ban nhân dân thành phố Hà Nội vừa ban hành Kế hoạch số 170/KH-UBND triển khai
Nghị quyết số 75/NQ-CP ngày 14/7/2021 của Chính phủ.</p>
<p>Theo kế hoạch, Thành phố giao Sở Kế hoạch và Đầu tư chủ trì, phối hợp với Sở Tài chính
tham mưu bố trí nguồn vốn thực hiện các nhiệm vụ; báo cáo kết quả trước ngày 30/9/2021.</p>
<p>Sở Y tế chịu trách nhiệm hướng dẫn các quận, huyện, thị xã tổ chức tiêm chủng; Ủy ban
nhân dân các quận, huyện, thị xã báo cáo định kỳ hằng tuần về tình hình thực hiện.</p>
<table>
<tr><td>Nhiệm vụ</td><td>Cơ quan chủ trì</td><td>Thời hạn</td></tr>
<tr><td>Xây dựng kế hoạch tiêm chủng</td><td>Sở Y tế</td><td>Tháng 8/2021</td></tr>
</table>
<p>Các sở, ban, ngành có trách nhiệm triển khai nghiêm túc, hiệu quả các nội dung của
Kế hoạch; kịp thời báo cáo những khó khăn, vướng mắc.</p>
</article>
<section class="related"><h3>Tin khác</h3><ul>
<li><a href="/a1">Hà Nội phân bổ 50 tỷ đồng hỗ trợ người lao động gặp khó khăn</a></li>
<li><a href="/a2">Quận Hoàn Kiếm ra quân dọn dẹp vệ sinh môi trường đô thị</a></li>
<li><a href="/a3">Thời tiết Hà Nội hôm nay có mưa rào và dông rải rác</a></li>
</ul></section>
<div class="comments"><h3>Bình luận</h3><div class="comment">
<p>Bạn đọc Nguyễn Văn An: Rất hoan nghênh chủ trương đúng đắn này của Thành phố!</p>
</div></div>
</main>
<footer><p>Cơ quan chủ quản: Thành ủy Hà Nội. Giấy phép số 123/GP-BTTTT.
Bản quyền thuộc về Báo Thủ đô.</p></footer>
</body></html>
"""

# Related articles inside the article container, as many Vietnamese news sites do it.
NEWS_PAGE_INLINE_RELATED = """<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>UBND Thành phố ban hành Chỉ thị về kỷ luật hành chính</title></head>
<body><div id="menu"><a href="/">Trang chủ</a> | <a href="/chinh-tri">Chính trị</a> |
<a href="/xa-hoi">Xã hội</a></div>
<div class="container"><div class="content">
<h1>UBND Thành phố ban hành Chỉ thị về tăng cường kỷ luật, kỷ cương hành chính</h1>
<div class="detail">
<p>Chủ tịch UBND Thành phố yêu cầu các sở, ban, ngành và UBND các quận, huyện tập trung
chỉ đạo quyết liệt việc chấp hành kỷ luật, kỷ cương hành chính.</p>
<p>Giao Sở Nội vụ chủ trì, phối hợp với Thanh tra Thành phố kiểm tra đột xuất việc chấp
hành kỷ luật tại các cơ quan, đơn vị; báo cáo UBND Thành phố trước ngày 15/12/2021.</p>
<p>Sở Thông tin và Truyền thông chủ trì hướng dẫn các cơ quan ứng dụng công nghệ thông tin
trong quản lý thời gian làm việc của cán bộ, công chức; hoàn thành trong Quý I/2022.</p>
<ol><li>Thủ trưởng các cơ quan chịu trách nhiệm trước Chủ tịch UBND Thành phố.</li>
<li>Định kỳ hằng tháng báo cáo kết quả thực hiện.</li></ol>
</div>
<div class="tin-khac"><h2>Tin khác</h2>
<div class="item"><h3><a href="/y1">Khai mạc Hội chợ hàng Việt Nam chất lượng cao</a></h3>
<p>Hội chợ diễn ra từ ngày 10 đến 15/12 tại Cung Văn hóa Hữu nghị.</p></div>
<div class="item"><h3><a href="/y2">Hà Nội đẩy nhanh tiến độ giải ngân vốn đầu tư công</a></h3>
<p>Thành phố phấn đấu giải ngân đạt 95% kế hoạch vốn được giao.</p></div>
</div></div></div>
<div id="footer">© 2021 Cổng thông tin điện tử. Địa chỉ: 12 Lê Lai, Hoàn Kiếm, Hà Nội.</div>
</body></html>
"""

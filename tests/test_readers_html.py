"""HTML news pages: the article only, paragraphs separated by blank lines."""

from __future__ import annotations

import codecs
from pathlib import Path

from chidao.extract.readers import read_bytes, read_file
from chidao.extract.readers.encoding import CP1258, VNI, encode_text
from tests.readers_fixtures import NEWS_PAGE, NEWS_PAGE_INLINE_RELATED

CLUTTER = [
    "Tin khác",
    "Hà Nội phân bổ 50 tỷ đồng hỗ trợ người lao động",  # related-article headline
    "Quận Hoàn Kiếm ra quân",  # related-article headline
    "Trang chủ",  # menu
    "Thời sự",  # menu
    "Bình luận",
    "Rất hoan nghênh",  # a reader's comment
    "Cơ quan chủ quản",  # footer
    "Quảng cáo",  # script
    "color:red",  # style
]


def test_a_news_page_keeps_the_article_and_drops_menus_related_lists_comments_and_footer(
    tmp_path: Path,
) -> None:
    path = tmp_path / "bai-bao.html"
    path.write_text(NEWS_PAGE, encoding="utf-8")
    result = read_file(path)
    assert (result.format, result.encoding) == ("html", "utf-8")
    assert "Kế hoạch số 170/KH-UBND" in result.text
    assert "giao Sở Kế hoạch và Đầu tư chủ trì" in result.text
    assert "kịp thời báo cáo những khó khăn, vướng mắc." in result.text
    for clutter in CLUTTER:
        assert clutter not in result.text, clutter


def test_article_paragraphs_are_separated_by_blank_lines_and_rejoined_inside() -> None:
    blocks = read_bytes(NEWS_PAGE.encode(), "bai.html").text.split("\n\n")
    assert blocks[0] == "Hà Nội triển khai Nghị quyết 75/NQ-CP về phòng, chống dịch"
    assert blocks[1] == (
        "Ủy ban nhân dân thành phố Hà Nội vừa ban hành Kế hoạch số 170/KH-UBND triển khai "
        "Nghị quyết số 75/NQ-CP ngày 14/7/2021 của Chính phủ."
    )


def test_a_table_is_one_block_with_a_line_per_row_and_cells_joined() -> None:
    text = read_bytes(NEWS_PAGE.encode(), "bai.html").text
    assert (
        "\n\nNhiệm vụ | Cơ quan chủ trì | Thời hạn\n"
        "Xây dựng kế hoạch tiêm chủng | Sở Y tế | Tháng 8/2021\n\n"
    ) in text


def test_related_articles_inside_the_article_container_are_dropped() -> None:
    text = read_bytes(NEWS_PAGE_INLINE_RELATED.encode(), "tin.html").text
    assert "Giao Sở Nội vụ chủ trì" in text
    assert "hoàn thành trong Quý I/2022." in text
    assert "Tin khác" not in text
    assert "Hội chợ" not in text
    assert "giải ngân" not in text
    assert "Lê Lai" not in text


def test_ordered_list_items_become_numbered_paragraphs() -> None:
    blocks = read_bytes(NEWS_PAGE_INLINE_RELATED.encode(), "tin.html").text.split("\n\n")
    assert "1. Thủ trưởng các cơ quan chịu trách nhiệm trước Chủ tịch UBND Thành phố." in blocks
    assert "2. Định kỳ hằng tháng báo cáo kết quả thực hiện." in blocks


def test_a_tiny_page_falls_back_to_the_visible_body_text() -> None:
    page = (
        "<html><head><title>T</title><style>p{}</style></head><body>"
        "<nav>Trang chủ | Liên hệ</nav><header>Cổng thông tin</header>"
        "<p>Giao Sở Y tế chủ trì.</p><script>var a = 1;</script>"
        "<div>Hạn: 30/9/2021<br>Nơi nhận: như trên</div>"
        "<footer>Bản quyền</footer></body></html>"
    )
    text = read_bytes(page.encode(), "ngan.html").text
    assert "Giao Sở Y tế chủ trì." in text
    assert "30/9/2021" in text
    for clutter in ("Trang chủ", "Cổng thông tin", "var a", "Bản quyền", "p{}"):
        assert clutter not in text, clutter


def test_a_declared_windows_1258_charset_is_honoured() -> None:
    body = "<p>Giao Sở Kế hoạch và Đầu tư chủ trì, phối hợp thực hiện.</p>" * 3
    page = f'<html><head><meta charset="windows-1258"></head><body>{body}</body></html>'
    result = read_bytes(encode_text(page, CP1258), "cp1258.html")
    assert result.encoding == CP1258
    assert "Giao Sở Kế hoạch và Đầu tư chủ trì, phối hợp thực hiện." in result.text


def test_a_vni_font_page_declared_latin1_is_detected_as_vni() -> None:
    # Old sites declared ISO-8859-1 and let a VNI-Times font draw the bytes.
    body = (
        '<p><font face="VNI-Times">Ủy ban nhân dân Thành phố giao Sở Kế hoạch và Đầu tư '
        "chủ trì, phối hợp với các sở, ban, ngành thực hiện.</font></p>"
    )
    page = f'<html><head><meta charset="iso-8859-1"></head><body>{body}</body></html>'
    result = read_bytes(encode_text(page, VNI), "vni.htm")
    assert result.encoding == VNI
    assert "Ủy ban nhân dân Thành phố giao Sở Kế hoạch và Đầu tư chủ trì" in result.text


def test_a_utf16_page_with_a_bom_is_read() -> None:
    data = codecs.BOM_UTF16_LE + NEWS_PAGE.encode("utf-16-le")
    result = read_bytes(data, "utf16.html")
    assert result.encoding == "utf-16-le"
    assert "giao Sở Kế hoạch và Đầu tư chủ trì" in result.text


def test_a_page_wrongly_declared_utf8_is_decoded_by_its_bytes() -> None:
    body = "<p>Sở Tài chính bố trí kinh phí thực hiện các nhiệm vụ được giao.</p>" * 3
    page = f'<html><head><meta charset="utf-8"></head><body>{body}</body></html>'
    result = read_bytes(encode_text(page, CP1258), "sai.html")
    assert result.encoding == CP1258
    assert "Sở Tài chính bố trí kinh phí" in result.text

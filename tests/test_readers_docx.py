"""DOCX: paragraphs and tables in document order, and Word's automatic numbering as text."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from docx.document import Document as DocxDocument
from docx.oxml import parse_xml

from chidao.extract.errors import UnreadableFile
from chidao.extract.readers import read_bytes, read_file
from tests.readers_fixtures import (
    W_NS,
    add_list,
    add_num,
    docx_bytes,
    level_xml,
    new_docx,
    numbered,
)

DECIMAL_OUTLINE = [
    level_xml(0, "decimal", "%1."),
    level_xml(1, "decimal", "%1.%2."),
    level_xml(2, "lowerLetter", "%3)"),
    level_xml(3, "bullet", "\uf0b7"),
]


def read_docx(document: DocxDocument, name: str = "chi-thi.docx") -> str:
    return read_bytes(docx_bytes(document), name).text


def test_paragraphs_and_tables_come_out_in_document_order(tmp_path: Path) -> None:
    document = new_docx()
    document.add_paragraph("ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI")
    document.add_paragraph("Phụ lục: phân công nhiệm vụ")
    table = document.add_table(rows=2, cols=3)
    for cell, text in zip(table.rows[0].cells, ["Nhiệm vụ", "Chủ trì", "Thời hạn"], strict=True):
        cell.text = text
    for cell, text in zip(
        table.rows[1].cells,
        ["Xây dựng kế hoạch", "Sở Kế hoạch và Đầu tư", "30/9/2021"],
        strict=True,
    ):
        cell.text = text
    document.add_paragraph("Nơi nhận: như trên.")
    path = tmp_path / "phu-luc.docx"
    document.save(str(path))

    result = read_file(path)

    assert result.format == "docx"
    assert result.text == (
        "ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI\n\n"
        "Phụ lục: phân công nhiệm vụ\n\n"
        "Nhiệm vụ | Chủ trì | Thời hạn\n"
        "Xây dựng kế hoạch | Sở Kế hoạch và Đầu tư | 30/9/2021\n\n"
        "Nơi nhận: như trên."
    )


def test_multilevel_numbering_is_rendered_and_deeper_levels_restart() -> None:
    document = new_docx()
    add_list(document, abstract_id=40, num_id=40, levels=DECIMAL_OUTLINE)
    numbered(document, "Nhiệm vụ chung", 40, 0)
    numbered(document, "Sở Tài chính bố trí kinh phí", 40, 1)
    numbered(document, "Sở Nội vụ kiểm tra", 40, 1)
    numbered(document, "trước ngày 30/9/2021;", 40, 2)
    numbered(document, "hằng tháng.", 40, 2)
    numbered(document, "báo cáo kết quả", 40, 3)
    numbered(document, "Nhiệm vụ cụ thể", 40, 0)
    numbered(document, "Sở Y tế chủ trì", 40, 1)
    numbered(document, "trong Quý III/2021.", 40, 2)

    assert read_docx(document).split("\n\n") == [
        "1. Nhiệm vụ chung",
        "1.1. Sở Tài chính bố trí kinh phí",
        "1.2. Sở Nội vụ kiểm tra",
        "a) trước ngày 30/9/2021;",
        "b) hằng tháng.",
        "- báo cáo kết quả",
        "2. Nhiệm vụ cụ thể",
        "2.1. Sở Y tế chủ trì",
        "a) trong Quý III/2021.",
    ]


def test_roman_letter_and_zero_padded_formats_are_rendered() -> None:
    document = new_docx()
    add_list(
        document,
        abstract_id=41,
        num_id=41,
        levels=[
            level_xml(0, "upperRoman", "%1."),
            level_xml(1, "upperLetter", "%2."),
            level_xml(2, "lowerRoman", "(%3)"),
            level_xml(3, "decimalZero", "%4"),
        ],
    )
    for _ in range(4):
        numbered(document, "Mục", 41, 0)
    numbered(document, "Tiểu mục", 41, 1)
    numbered(document, "Tiểu mục", 41, 1)
    numbered(document, "Điểm", 41, 2)
    numbered(document, "Điểm", 41, 2)
    numbered(document, "Điểm", 41, 2)
    numbered(document, "Số", 41, 3)

    assert read_docx(document).split("\n\n") == [
        "I. Mục",
        "II. Mục",
        "III. Mục",
        "IV. Mục",
        "A. Tiểu mục",
        "B. Tiểu mục",
        "(i) Điểm",
        "(ii) Điểm",
        "(iii) Điểm",
        "01 Số",
    ]


def test_a_level_can_show_its_parents_numbers_in_its_own_format() -> None:
    # "Điều 1." then "1.a" style labels: %1 is drawn with level 0's format.
    document = new_docx()
    add_list(
        document,
        abstract_id=42,
        num_id=42,
        levels=[level_xml(0, "decimal", "Điều %1."), level_xml(1, "lowerLetter", "%1.%2")],
    )
    numbered(document, "Phạm vi điều chỉnh", 42, 0)
    numbered(document, "Đối tượng áp dụng", 42, 0)
    numbered(document, "cơ quan nhà nước", 42, 1)
    assert read_docx(document).split("\n\n") == [
        "Điều 1. Phạm vi điều chỉnh",
        "Điều 2. Đối tượng áp dụng",
        "2.a cơ quan nhà nước",
    ]


def test_list_number_and_list_bullet_styles_number_paragraphs_through_the_style() -> None:
    document = new_docx()
    document.add_paragraph("Giao các đơn vị:")
    document.add_paragraph("Sở Kế hoạch và Đầu tư chủ trì;", style="List Number")
    document.add_paragraph("Sở Tài chính phối hợp;", style="List Number")
    document.add_paragraph("báo cáo hằng quý", style="List Bullet")
    document.add_paragraph("Sở Y tế tổng hợp.", style="List Number")

    assert read_docx(document).split("\n\n") == [
        "Giao các đơn vị:",
        "1. Sở Kế hoạch và Đầu tư chủ trì;",
        "2. Sở Tài chính phối hợp;",
        "- báo cáo hằng quý",
        "3. Sở Y tế tổng hợp.",
    ]


def test_a_plus_bullet_stays_a_plus_and_other_bullet_glyphs_become_dashes() -> None:
    document = new_docx()
    add_list(
        document,
        abstract_id=43,
        num_id=43,
        levels=[level_xml(0, "bullet", "•"), level_xml(1, "bullet", "+")],
    )
    numbered(document, "Sở Y tế", 43, 0)
    numbered(document, "tiêm chủng", 43, 1)
    assert read_docx(document).split("\n\n") == ["- Sở Y tế", "+ tiêm chủng"]


def test_a_start_override_restarts_a_shared_list_and_a_plain_num_continues_it() -> None:
    document = new_docx()
    add_list(document, abstract_id=44, num_id=44, levels=DECIMAL_OUTLINE)
    add_num(document, num_id=45, abstract_id=44, start_overrides={0: 5})
    add_num(document, num_id=46, abstract_id=44)
    numbered(document, "Một", 44, 0)
    numbered(document, "Hai", 44, 0)
    numbered(document, "Năm", 45, 0)
    numbered(document, "Sáu", 46, 0)
    assert read_docx(document).split("\n\n") == ["1. Một", "2. Hai", "5. Năm", "6. Sáu"]


def test_separate_lists_keep_separate_counters() -> None:
    document = new_docx()
    add_list(document, abstract_id=47, num_id=47, levels=[level_xml(0, "decimal", "%1.")])
    add_list(document, abstract_id=48, num_id=48, levels=[level_xml(0, "lowerLetter", "%1)")])
    numbered(document, "Điều một", 47, 0)
    numbered(document, "điểm a", 48, 0)
    numbered(document, "Điều hai", 47, 0)
    numbered(document, "điểm b", 48, 0)
    assert read_docx(document).split("\n\n") == [
        "1. Điều một",
        "a) điểm a",
        "2. Điều hai",
        "b) điểm b",
    ]


def test_a_start_value_and_a_space_or_no_suffix_are_honoured() -> None:
    document = new_docx()
    add_list(
        document,
        abstract_id=49,
        num_id=49,
        levels=[
            level_xml(0, "decimal", "%1.", start=3, suffix="space"),
            level_xml(1, "decimal", "(%2)", suffix="nothing"),
        ],
    )
    numbered(document, "Ba", 49, 0)
    numbered(document, "con", 49, 1)
    assert read_docx(document).split("\n\n") == ["3. Ba", "(1)con"]


def test_numbered_paragraphs_inside_table_cells_are_numbered_too() -> None:
    document = new_docx()
    add_list(document, abstract_id=50, num_id=50, levels=[level_xml(0, "decimal", "%1.")])
    table = document.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    left.paragraphs[0].text = "Nhiệm vụ"
    first = right.paragraphs[0]
    first.text = "Sở Y tế"
    first._p.get_or_add_pPr().append(
        parse_xml(f'<w:numPr xmlns:w="{W_NS}"><w:ilvl w:val="0"/><w:numId w:val="50"/></w:numPr>')
    )
    numbered(document, "Sở Tài chính", 50, 0)
    assert read_docx(document).split("\n\n") == ["Nhiệm vụ | 1. Sở Y tế", "2. Sở Tài chính"]


def test_tracked_deletions_are_dropped_and_insertions_kept() -> None:
    document = new_docx()
    paragraph = document.add_paragraph("Giao Sở ")
    paragraph._p.append(
        parse_xml(
            f'<w:del xmlns:w="{W_NS}" w:id="1" w:author="A"><w:r><w:delText>Nội vụ</w:delText>'
            "</w:r></w:del>"
        )
    )
    paragraph._p.append(
        parse_xml(
            f'<w:ins xmlns:w="{W_NS}" w:id="2" w:author="A"><w:r><w:t>Tư pháp</w:t></w:r></w:ins>'
        )
    )
    assert read_docx(document) == "Giao Sở Tư pháp"


def test_empty_paragraphs_are_dropped_and_line_breaks_kept() -> None:
    document = new_docx()
    document.add_paragraph("Nơi nhận:")
    document.add_paragraph("")
    paragraph = document.add_paragraph("- Như Điều 3;")
    paragraph.add_run().add_break()
    paragraph.add_run("- Lưu: VT.")
    assert read_docx(document) == "Nơi nhận:\n\n- Như Điều 3;\n- Lưu: VT."


def _minimal_docx(body_xml: str) -> bytes:
    """A DOCX with only the parts Word needs: no styles, no numbering part."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
        archive.writestr(
            "_rels/.rels",
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
            '2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        )
        archive.writestr(
            "word/document.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}">'
            f"<w:body>{body_xml}</w:body></w:document>",
        )
    return buffer.getvalue()


def test_a_docx_without_styles_or_numbering_parts_is_read() -> None:
    data = _minimal_docx(
        "<w:p><w:r><w:t>Quyết định số 15/2021/QĐ-UBND</w:t></w:r></w:p>"
        '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr>'
        "<w:r><w:t>Điều khoản thi hành</w:t></w:r></w:p>"
    )
    # numId 3 points nowhere: the paragraph is kept, unnumbered, rather than failing.
    assert read_bytes(data, "toi-gian.docx").text == (
        "Quyết định số 15/2021/QĐ-UBND\n\nĐiều khoản thi hành"
    )


def test_a_docx_whose_document_part_is_broken_is_unreadable_and_named() -> None:
    data = _minimal_docx("<w:p><w:r><w:t>không đóng thẻ")  # not well-formed XML
    with pytest.raises(UnreadableFile) as caught:
        read_bytes(data, "hong.docx")
    assert caught.value.path == "hong.docx"
    assert "DOCX" in caught.value.reason


def _relabel_main_part(data: bytes, content_type: str) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "[Content_Types].xml":
                content = content.replace(
                    b"application/vnd.openxmlformats-officedocument.wordprocessingml."
                    b"document.main+xml",
                    content_type.encode(),
                )
            target.writestr(info, content)
    return buffer.getvalue()


@pytest.mark.parametrize(
    "content_type",
    [
        "application/vnd.ms-word.document.macroEnabled.main+xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    ],
)
def test_macro_enabled_documents_and_templates_are_read_like_documents(
    content_type: str,
) -> None:
    document = new_docx()
    document.add_paragraph("Mẫu công văn có macro")
    data = _relabel_main_part(docx_bytes(document), content_type)
    assert content_type.encode() in zipfile.ZipFile(io.BytesIO(data)).read("[Content_Types].xml")
    assert read_bytes(data, "mau.docm").text == "Mẫu công văn có macro"

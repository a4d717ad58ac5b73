"""Structure of real documents (issue 9): named bodies outside the registry, headings that
pass assignees down, plans annexed after the signature, web-page clutter above a header,
task tables, signature fields of signed PDFs. The texts are written for these tests."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from chidao.extract.agencies import Registry
from chidao.extract.bodies import find_unlisted
from chidao.extract.names import UNLISTED
from chidao.extract.normalize import normalize
from chidao.extract.pipeline import extract_file, extract_text
from chidao.extract.readers import read_file

TODAY = date(2026, 11, 21)


def _names(text: str) -> list[tuple[str, bool]]:
    found = find_unlisted(text, Registry.load().find(text))
    return [(m.name, m.rule == UNLISTED) for m in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Công an tỉnh chủ trì thực hiện.", [("Công an tỉnh", True)]),
        (
            "Đề nghị Viện Kiểm sát nhân dân tỉnh, Tòa án nhân dân tỉnh phối hợp.",
            [("Viện Kiểm sát nhân dân tỉnh", True), ("Tòa án nhân dân tỉnh", True)],
        ),
        (
            "Trung tâm Điều hành giao thông thông minh Thành phố tập trung triển khai.",
            [("Trung tâm Điều hành giao thông thông minh Thành phố", True)],
        ),
        (
            "Ban Quản lý dự án đầu tư xây dựng công trình dân dụng tỉnh chủ trì.",
            [("Ban Quản lý dự án đầu tư xây dựng công trình dân dụng tỉnh", True)],
        ),
        ("Phòng Kế hoạch - Tài chính, Văn phòng Sở thực hiện.", [
            ("Phòng Kế hoạch - Tài chính", True), ("Văn phòng Sở", True)]),
        (
            "Công ty TNHH MTV Môi trường, Công trình đô thị Bắc Sơn tiếp thu ý kiến.",
            [("Công ty TNHH MTV Môi trường, Công trình đô thị Bắc Sơn", True)],
        ),
        # "và" and a comma go on inside a name unless another body follows
        ("Giao Chi cục Chăn nuôi và Thú y, Chi cục Thủy sản", [
            ("Chi cục Chăn nuôi và Thú y", True), ("Chi cục Thủy sản", True)]),
        ("Giao Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch tỉnh", [
            ("Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch tỉnh", True)]),
        # a longer name replaces the registry's reading of its first words
        ("Ngân hàng Nhà nước khu vực 7 chỉ đạo các ngân hàng.", [("Ngân hàng Nhà nước khu vực 7", True)]),
        # the registry's own bodies stay the registry's; a name never ends in "và"
        ("Sở Y tế phối hợp Cục Thống kê và các đơn vị liên quan.", [
            ("Sở Y tế", False), ("Cục Thống kê", False), ("cơ quan, đơn vị", False)]),
        # a common noun after a head word is no name
        ("Ban hành kèm theo Quyết định này. Phòng chống dịch bệnh.", []),
        # another province's department that the registry would read as two of its own
        ("Sở Văn hóa, Thể thao và Du lịch chủ trì.", [("Sở Văn hóa, Thể thao và Du lịch", True)]),
        # an enumeration of groups gives each group (rule 6)
        ("Các cơ quan, đơn vị, địa phương thực hiện.", [
            ("cơ quan, đơn vị", False), ("địa phương", False)]),
        ("Các sở, ban, ngành, đoàn thể tham gia.", [
            ("sở, ban, ngành", False), ("đoàn thể", False)]),
        # local bodies: a number and a place, a surname inside a place, not a person after it
        ("UBND Phường 2 Bảo Lộc, UBND xã Đơn Dương thực hiện.", [
            ("UBND Phường 2 Bảo Lộc", False), ("UBND xã Đơn Dương", False)]),
        ("Chủ tịch UBND xã Tân Lập Nguyễn Văn An ký.", [("UBND xã Tân Lập", False)]),
        # a steering committee's name: lower-case words, "về" and its listed topics
        ("Giao Ban Chỉ đạo quốc gia về dữ liệu, các sở, ngành thực hiện.", [
            ("Ban Chỉ đạo quốc gia về dữ liệu", True), ("sở, ban, ngành", False)]),
        ("Ban Chỉ đạo phát triển khoa học, công nghệ, đổi mới sáng tạo và Đề án 06 tỉnh ban hành.", [
            ("Ban Chỉ đạo phát triển khoa học, công nghệ, đổi mới sáng tạo và Đề án 06 tỉnh", True)]),
        ("Ban Chỉ đạo phòng, chống thiên tai tỉnh chủ trì.", [
            ("Ban Chỉ đạo phòng, chống thiên tai tỉnh", True)]),
        ("Ban Chỉ đạo kiểm tra công tác.", []),
    ],
)  # fmt: skip
def test_named_bodies_outside_the_registry_are_read_from_their_shape(text, expected):
    assert _names(text) == expected


def _tasks(text: str) -> list[tuple[str, list[str], list[str]]]:
    doc = extract_text(text, today=TODAY)
    return [(t.text, [m.name for m in t.lead], [m.name for m in t.support]) for t in doc.tasks]


PROVINCIAL = """ỦY BAN NHÂN DÂN
TỈNH BẮC SƠN

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 412/UBND-KT
Bắc Sơn, ngày 03 tháng 3 năm 2026

Kính gửi: Các sở, ban, ngành tỉnh.

Ủy ban nhân dân tỉnh có ý kiến chỉ đạo như sau:

1.1. Giao Công an tỉnh

Rà soát các điểm nóng về trật tự giao thông, báo cáo trước ngày 30/4/2026.

1.2. Sở Tài chính chủ trì, phối hợp Sở Xây dựng

- Cân đối nguồn vốn sửa chữa các tuyến đường tỉnh.

- Hướng dẫn các chủ đầu tư quyết toán dự án hoàn thành.

Nơi nhận:
- Như trên;
- Lưu: VT.
"""


def test_headings_pass_their_lead_and_partners_to_the_blocks_below():
    tasks = _tasks(PROVINCIAL)
    assert [(lead, support) for _, lead, support in tasks] == [
        (["Công an tỉnh"], []),
        (["Sở Tài chính"], ["Sở Xây dựng"]),
        (["Sở Tài chính"], ["Sở Xây dựng"]),
    ]
    assert tasks[0][0].startswith("Rà soát các điểm nóng")


def test_a_page_clutter_above_the_header_is_neither_header_nor_task():
    page = (
        "Trang chủ | Văn bản | Tin tức\nĐăng nhập\nSố hiệu:\n999/XYZ\nLoại văn bản:\nCông văn\n"
        "Chia sẻ bài viết\n\n" + PROVINCIAL
    )
    doc = extract_text(page, today=TODAY)
    assert doc.meta.number == "412/UBND-KT"
    assert doc.meta.date == date(2026, 3, 3)
    assert {b.role for b in doc.blocks[:3]} == {"noise"}
    assert len(doc.tasks) == 3


DECISION_WITH_PLAN = """ỦY BAN NHÂN DÂN
TỈNH BẮC SƠN

Số: 77/QĐ-UBND
Bắc Sơn, ngày 10 tháng 4 năm 2026

QUYẾT ĐỊNH
Ban hành Kế hoạch phòng, chống ngập úng năm 2026

Điều 1. Ban hành kèm theo Quyết định này Kế hoạch phòng, chống ngập úng năm 2026.

Điều 2. Chánh Văn phòng UBND tỉnh, Giám đốc các sở chịu trách nhiệm thi hành Quyết định này.

Nơi nhận:
- Như Điều 2;
- Lưu: VT.

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Lê Văn Tâm

KẾ HOẠCH
Phòng, chống ngập úng năm 2026
(Kèm theo Quyết định số 77/QĐ-UBND ngày 10/4/2026 của UBND tỉnh)

1. Sở Xây dựng chủ trì nạo vét hệ thống thoát nước trước ngày 15/5/2026.

2. Công an tỉnh bố trí lực lượng phân luồng giao thông khi có mưa lớn.
"""


def test_a_plan_annexed_after_the_signature_is_read_as_body():
    tasks = _tasks(DECISION_WITH_PLAN)
    assert [lead for _, lead, _ in tasks] == [["Sở Xây dựng"], ["Công an tỉnh"]]
    assert extract_text(DECISION_WITH_PLAN, today=TODAY).tasks[0].deadline.value == date(
        2026, 5, 15
    )


LIBRARY_TABLE = """PHỤ LỤC
(Kèm theo Kế hoạch số 12/KH-UBND)

|
**TT**
|
**Nội dung nhiệm vụ**
|
**Sản phẩm**
|
**Cơ quan chủ trì**
|
**Cơ quan phối hợp**
|
**Thời gian thực hiện**
|
|
1
|
Xây dựng cơ sở dữ liệu
về đất công
|
Cơ sở dữ liệu
|
Sở Nông nghiệp và Môi trường
|
Sở Tài chính
|
Quý III/2026
|
|
2
|
Tổng kết thực hiện kế hoạch
|
Báo cáo tổng kết
|
Sở Tài chính
|
Sở Xây dựng
|
Tháng 12/2026
|
"""


def test_a_legal_library_task_table_gives_one_task_per_row_with_its_product():
    text = normalize(LIBRARY_TABLE)
    assert "- Xây dựng cơ sở dữ liệu về đất công | Cơ sở dữ liệu." in text
    tasks = _tasks(LIBRARY_TABLE)
    assert tasks == [
        (
            "Xây dựng cơ sở dữ liệu về đất công | Cơ sở dữ liệu.",
            ["Sở Nông nghiệp và Môi trường"],
            ["Sở Tài chính"],
        ),
        ("Tổng kết thực hiện kế hoạch | Báo cáo tổng kết.", ["Sở Tài chính"], ["Sở Xây dựng"]),
    ]


def test_a_docx_row_with_an_empty_first_cell_keeps_its_columns():
    rows = (
        "TT | Nhiệm vụ | Sản phẩm | Chủ trì | Phối hợp\n"
        "1 | Ban hành quy chế phối hợp | Quy chế | Sở Nội vụ | Sở Tư pháp\n"
        "| | Hướng dẫn thực hiện quy chế | Sở Tư pháp | Sở Nội vụ\n"
    )
    tasks = _tasks(rows)
    assert [(lead, support) for _, lead, support in tasks] == [
        (["Sở Nội vụ"], ["Sở Tư pháp"]),
        (["Sở Tư pháp"], ["Sở Nội vụ"]),
    ]
    assert tasks[1][0].startswith("Ban hành quy chế phối hợp | Hướng dẫn thực hiện quy chế")


def test_a_signed_pdf_gives_the_number_and_day_stamped_in_its_signature_fields(eval_dir: Path):
    """t042.pdf carries "Số: /KH-SNNMT" in its text layer; the number and the day live in
    form fields filled at signing."""
    read = read_file(eval_dir / "train" / "t042.pdf")
    assert "Số: 115/KH-SNNMT" in read.text
    meta = extract_file(eval_dir / "train" / "t042.pdf", today=TODAY).meta
    assert (meta.number, meta.date) == ("115/KH-SNNMT", date(2026, 8, 4))


INTROS = """II. TỔ CHỨC THỰC HIỆN

1. Sở Xây dựng phối hợp với Công an tỉnh trong công tác bảo đảm giao thông mùa mưa:

- Bố trí lực lượng ứng trực tại các điểm ngập sâu.

- Lắp đặt biển cảnh báo trên các tuyến đường bị ngập.

2. Sở Tài chính

- Tham mưu UBND tỉnh trình HĐND tỉnh quyết định:

+ Mức hỗ trợ kinh phí cho các đơn vị ứng trực.

+ Nguồn vốn sửa chữa trạm bơm.

- Hướng dẫn thanh quyết toán kinh phí ứng trực.

Thành phần dự họp:

- Sở Xây dựng: Ông Trần Văn Bình - Phó Giám đốc Sở.

Số điện thoại đường dây nóng:

- Trung tâm Điều hành giao thông tỉnh: 0213.3825.111

- Công an tỉnh: 0213.3826.222
"""


def test_a_block_ending_with_a_colon_introduces_the_items_below_and_is_no_task():
    tasks = _tasks(INTROS)
    assert [(text[:25], lead, support) for text, lead, support in tasks] == [
        ("Bố trí lực lượng ứng trực", ["Sở Xây dựng"], ["Công an tỉnh"]),
        ("Lắp đặt biển cảnh báo trê", ["Sở Xây dựng"], ["Công an tỉnh"]),
        ("Mức hỗ trợ kinh phí cho c", ["Sở Tài chính"], []),
        ("Nguồn vốn sửa chữa trạm b", ["Sở Tài chính"], []),
        ("Hướng dẫn thanh quyết toá", ["Sở Tài chính"], []),
    ]


def test_a_portal_page_gives_the_number_and_date_of_its_table_of_facts():
    page = (
        "SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH BẮC SƠN\nTrang chủ | Văn bản | Liên hệ\n"
        "Số ký hiệu: 712/SGDĐT-CTTT\nNgày ban hành: 08/05/2026\nNội dung văn bản:\n"
        "Kính gửi: Các trường trung học phổ thông.\n"
        "Sở Giáo dục và Đào tạo đề nghị các trường tổ chức tuyên truyền phòng, chống đuối nước.\n"
    )
    meta = extract_text(page, today=TODAY).meta
    assert (meta.number, meta.date) == ("712/SGDĐT-CTTT", date(2026, 5, 8))


def test_a_news_page_dates_the_meeting_it_reports_from_its_dateline():
    page = (
        "BÁO BẮC SƠN ĐIỆN TỬ\nThời sự | Chính trị | Kinh tế\nThứ Sáu, 24/10/2025 - 17:05\n"
        "UBND tỉnh họp phiên thường kỳ tháng 10\n"
        "Chiều 24/10, UBND tỉnh tổ chức phiên họp thường kỳ tháng 10. Kết luận phiên họp, Chủ "
        "tịch UBND tỉnh yêu cầu Sở Tài chính rà soát nguồn thu ngân sách.\n"
    )
    assert extract_text(page, today=TODAY).meta.date == date(2025, 10, 24)


def test_a_news_page_dates_the_directive_it_reports_by_day_and_month_in_its_year():
    page = (
        "Cổng thông tin điện tử tỉnh Bắc Sơn\nTin tức / Chỉ đạo điều hành\n"
        "Ngày đăng: 12/08/2025 | Lượt xem: 1.234\n"
        "Ngày 11/8, UBND tỉnh ban hành Công văn số 6812/UBND-VX về phòng, chống dịch bệnh. "
        "Theo đó, UBND tỉnh yêu cầu Sở Y tế tổ chức chiến dịch diệt lăng quăng.\n"
    )
    meta = extract_text(page, today=TODAY).meta
    assert (meta.number, meta.date) == ("6812/UBND-VX", date(2025, 8, 11))


def test_a_news_page_without_a_dateline_dates_the_directive_by_the_year_of_its_dates():
    page = (
        "Đêm 04/12, UBND tỉnh ban hành Công văn số 2221 /UBND-TH về dự thảo Nghị quyết. Giao "
        "các sở, ngành báo cáo UBND tỉnh trước 14 giờ, ngày 05/12/2017.\n"
    )
    meta = extract_text(page, today=TODAY).meta
    assert (meta.number, meta.date) == ("2221/UBND-TH", date(2017, 12, 4))


def test_a_page_s_closing_attribution_names_the_directive_it_gives():
    page = (
        "Giao Sở Tài nguyên và Môi trường chủ trì, phối hợp các đơn vị liên quan rà soát; "
        "hoàn thành trước ngày 10/12/2023./.\n(Theo Công văn số 6202/UBND-KT, ngày 23/11/2023)\n"
    )
    meta = extract_text(page, today=TODAY).meta
    assert (meta.number, meta.date) == ("6202/UBND-KT", date(2023, 11, 23))


def test_a_news_page_s_directive_opened_by_tai_or_just_issued():
    opened = "Báo Lâm Đồng\nTại Công văn số 1522/UBND-ĐTĐT, UBND tỉnh yêu cầu các sở rà soát.\n"
    assert extract_text(opened, today=TODAY).meta.number == "1522/UBND-ĐTĐT"
    issued = (
        "Báo Lâm Đồng\nUBND tỉnh yêu cầu các sở rà soát theo Công văn số 6486/UBND-KSTT vừa "
        "được ban hành.\n"
    )
    assert extract_text(issued, today=TODAY).meta.number == "6486/UBND-KSTT"
    cited = "Báo Lâm Đồng\nUBND tỉnh yêu cầu các sở rà soát theo Công văn số 6486/UBND-KSTT.\n"
    assert extract_text(cited, today=TODAY).meta.number is None


def test_a_legal_library_s_header_cells_and_broken_dateline_are_read_as_a_header():
    page = (
        "ỦY BAN NHÂN DÂN\nTỈNH VĨNH LONG\n-------\n|\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\n---------------\n|\nSố: 07/CT-UBND\n|\nVĩnh Long, ngày\n"
        "30 tháng 3 năm 2015\n|\nCHỈ THỊ\nVỀ VIỆC TĂNG CƯỜNG CÔNG TÁC PHÒNG CHÁY\n"
        "Yêu cầu Thủ trưởng các sở, ban, ngành tỉnh tăng cường kiểm tra.\n"
    )
    doc = extract_text(page, today=TODAY)
    assert (doc.meta.kind, doc.meta.number, doc.meta.date) == (
        "chỉ thị",
        "07/CT-UBND",
        date(2015, 3, 30),
    )
    assert [[m.name for m in t.lead] for t in doc.tasks] == [["sở, ban, ngành"]]


def test_a_draft_with_a_blank_day_and_number_still_has_its_header():
    draft = (
        "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\n"
        "Số: /TB-UBND Lâm Đồng, ngày tháng 4 năm 2026\n\nTHÔNG BÁO\n\n"
        "Kết luận của Phó Chủ tịch UBND tỉnh tại buổi làm việc với Sở Khoa học và Công nghệ\n\n"
        "1. Giao Sở Khoa học và Công nghệ rà soát danh mục phần mềm.\n"
    )
    meta = extract_text(draft, today=TODAY).meta
    assert (meta.kind, meta.number) == ("thông báo", None)


def test_a_news_page_dates_a_text_issued_without_a_number_and_reads_a_cited_title_line():
    issued = (
        "Báo Đắk Nông\nNgày 9/11, UBND tỉnh đã có văn bản yêu cầu các sở, ban, ngành kiểm tra "
        "hồ chứa.\nCập nhật 10/11/2019\n"
    )
    assert extract_text(issued, today=TODAY).meta.date == date(2019, 11, 9)
    titled = (
        "Báo Lạng Sơn\n(3585/VP-KTN, ngày 23/10/2017)\nPhó Chủ tịch UBND tỉnh có ý kiến: Giao Sở "
        "Tài nguyên và Môi trường chủ trì kiểm tra.\n"
    )
    meta = extract_text(titled, today=TODAY).meta
    assert (meta.number, meta.date) == ("3585/VP-KTN", date(2017, 10, 23))


def test_a_document_number_keeps_an_ampersand_in_its_code():
    doc = extract_text(
        "Sở Nội vụ ban hành Công văn số 2775/SNV-CCHC&VTLT ngày 10/11/2025 về hướng dẫn báo cáo.",
        today=TODAY,
    )
    assert doc.meta.number == "2775/SNV-CCHC&VTLT"


DISPATCH = """ỦY BAN NHÂN DÂN
TỈNH BẮC SƠN

Số: 88/CĐ-UBND
Bắc Sơn, ngày 22 tháng 9 năm 2025

CÔNG ĐIỆN
Về việc chủ động ứng phó với bão số 9

Điện:
- Chủ tịch UBND các xã, phường;
- Giám đốc Sở Nông nghiệp và Môi trường.

Để chủ động ứng phó, Chủ tịch UBND tỉnh yêu cầu:

1. Chủ tịch UBND các xã, phường kêu gọi tàu thuyền vào nơi tránh trú an toàn.

2. Tổ chức trực ban nghiêm túc 24/24 giờ, báo cáo tình hình trước 15 giờ hằng ngày.
"""


def test_items_under_an_intro_that_names_no_one_go_to_the_addressees():
    tasks = _tasks(DISPATCH)
    assert [lead for _, lead, _ in tasks] == [
        ["địa phương"],
        ["địa phương", "Sở Nông nghiệp và Môi trường"],
    ]


NEWS = """BÁO BẮC SƠN ĐIỆN TỬ
Thời sự | Chính trị | Kinh tế
Bắc Sơn đẩy nhanh giải ngân vốn đầu tư công
Chủ tịch UBND tỉnh yêu cầu các chủ đầu tư phấn đấu giải ngân 100% kế hoạch vốn được giao.
Ảnh: Quang cảnh hội nghị. (Ảnh: Minh Hà)
Theo báo cáo của Sở Tài chính, đến ngày 30/6/2026, tỉnh mới giải ngân được 38,5% kế hoạch vốn.
Phát biểu kết luận, Chủ tịch UBND tỉnh yêu cầu các chủ đầu tư phấn đấu giải ngân 100% kế hoạch vốn được giao, kiên quyết xử lý nhà thầu chậm tiến độ.
"""


def test_a_news_lead_retold_by_the_body_below_the_page_clutter_is_one_task():
    tasks = _tasks(NEWS)
    assert [lead for _, lead, _ in tasks] == [["chủ đầu tư"]]


def test_a_page_cut_off_mid_task_keeps_no_task_that_lost_its_action():
    page = (
        "Kính gửi: Các sở, ban, ngành tỉnh.\n\n"
        "1. Sở Y tế chủ trì, phối hợp với Sở Tài chính rà soát danh mục thuốc thiết yếu.\n\n"
        "2. Sở Tài chính bố trí kinh p"
    )
    assert [text[:10] for text, _, _ in _tasks(page)] == ["Sở Y tế ch"]
    kept = page + "hí tiêm chủng mở rộng cho trẻ em dưới 5 tuổi"
    assert len(_tasks(kept)) == 2  # eight words and more: assignee and action are there


def test_a_letter_whose_pdf_puts_the_header_after_the_body_keeps_its_body():
    text = (
        "V/v triển khai Kế hoạch phát triển thị trường bán lẻ\n"
        "Kính gửi: Ủy ban nhân dân các xã, phường\n"
        "Đề nghị UBND các xã, phường rà soát nhu cầu sử dụng đất để cập nhật vào quy hoạch.\n"
        "UBND TỈNH BẮC SƠN\nSỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 871/SNNMT-QLĐĐ\n"
    )
    tasks = extract_text(text, today=TODAY).tasks
    assert [[m.name for m in t.lead] for t in tasks] == [["địa phương"]]

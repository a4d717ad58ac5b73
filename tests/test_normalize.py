"""Normalisation: one clean NFC text, debris mended, news clutter kept out of the body."""

import time
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from chidao.extract.normalize import _is_header_like, _Paragraph, normalize


def test_decomposed_input_becomes_nfc():
    nfd = unicodedata.normalize("NFD", "Sở Kế hoạch và Đầu tư chủ trì.")
    assert normalize(nfd) == "Sở Kế hoạch và Đầu tư chủ trì."


def test_markdown_bold_numbering_and_heading_marks_are_removed():
    text = "### 3. Tổ chức thực hiện\n\n**2.1.** Sở Tài chính chủ trì, phối hợp các đơn vị."
    assert (
        normalize(text) == "3. Tổ chức thực hiện\n\n2.1. Sở Tài chính chủ trì, phối hợp các đơn vị."
    )


def test_ocr_marks_and_strike_through_are_mended():
    text = "báo cáo tại cuộc họp giao ban./. *Ng*\n\n#### Nơi nhận: *AB*\n\n- Văn phòng Chính phủ (~~để báo cáo~~);"
    out = normalize(text)
    assert "*" not in out and "~" not in out
    assert "Nơi nhận:" in out and "(để báo cáo);" in out


def test_word_split_across_a_page_break_is_joined():
    text = "tập trung chuẩn bị tốt các điều kiện khai giảng năm học mới, triển\n\nkhai chương trình mới."
    assert (
        normalize(text)
        == "tập trung chuẩn bị tốt các điều kiện khai giảng năm học mới, triển khai chương trình mới."
    )


def test_soft_wrapped_lines_of_a_pdf_paragraph_are_joined():
    text = (
        "UBND Thành phố giao Sở Y tế chủ trì, phối hợp với các đơn vị liên quan triển khai\n"
        "Kế hoạch tiêm chủng mở rộng trên địa bàn Thành phố."
    )
    assert "\n" not in normalize(text)


def test_a_new_paragraph_after_a_full_stop_stays_separate():
    text = "Sở Y tế chủ trì thực hiện.\nSở Tài chính bố trí kinh phí."
    assert normalize(text).split("\n\n") == [
        "Sở Y tế chủ trì thực hiện.",
        "Sở Tài chính bố trí kinh phí.",
    ]


def test_related_article_tail_is_cut():
    body = "UBND Thành phố yêu cầu các sở, ban, ngành tập trung triển khai nhiệm vụ. " * 5
    text = (
        body
        + "\n\nCó thể bạn quan tâm\n\nTỷ giá USD hôm nay\n\nTin khác\n\nCông văn số 6686/UBND-NC"
    )
    out = normalize(text)
    assert "Tỷ giá" not in out and "6686" not in out
    assert out.startswith("UBND Thành phố yêu cầu")


def test_photo_captions_and_repeated_caption_lines_are_dropped():
    text = (
        "Bí thư Thành ủy phát biểu tại hội nghị. Ảnh: Phạm Hùng.\n\n"
        "Quang cảnh hội nghị\nQuang cảnh hội nghị\n\n"
        "Sở Y tế chủ trì thực hiện."
    )
    assert normalize(text) == "Sở Y tế chủ trì thực hiện."


def test_repeated_headline_is_kept_once():
    text = "Hà Nội đẩy mạnh giải ngân vốn đầu tư công\n\nNội dung bài viết.\n\nHà Nội đẩy mạnh giải ngân vốn đầu tư công"
    assert normalize(text).count("Hà Nội đẩy mạnh giải ngân") == 1


def test_invisible_characters_and_odd_spaces_are_unified():
    text = "Sở\u00a0Y\u200b tế\tchủ trì\r\nthực hiện."
    assert normalize(text) == "Sở Y tế chủ trì thực hiện."


def test_a_plan_table_becomes_items_with_attribute_lines():
    text = (
        "| STT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |\n"
        "|---|---|---|---|---|\n"
        "| 1 | Rà soát thủ tục hành chính | Sở Tư pháp | Văn phòng UBND Thành phố | Quý III/2024 |\n"
    )
    assert normalize(text).split("\n\n") == [
        "- Rà soát thủ tục hành chính.",
        "- Cơ quan chủ trì: Sở Tư pháp",
        "- Cơ quan phối hợp: Văn phòng UBND Thành phố",
        "- Thời gian thực hiện: Quý III/2024",
    ]


def test_a_two_column_header_table_gives_one_line_per_cell():
    text = "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 12/UBND-KT | Hà Nội, ngày 2 tháng 3 năm 2024"
    assert normalize(text).split("\n\n") == [
        "ỦY BAN NHÂN DÂN",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Số: 12/UBND-KT",
        "Hà Nội, ngày 2 tháng 3 năm 2024",
    ]


def test_a_short_line_that_stops_on_a_function_word_was_wrapped():
    text = normalize(
        "1. Sở Tài chính\n"
        "- Chủ trì, phối hợp với các\n"
        "Sở, ban, ngành liên quan rà soát kinh phí.\n"
        "- Trên cơ sở đề xuất của Ban\n"
        "Quản lý các khu công nghiệp, tổng hợp, tham mưu UBND Thành phố.\n"
    )
    assert "- Chủ trì, phối hợp với các Sở, ban, ngành liên quan rà soát kinh phí." in text
    assert "- Trên cơ sở đề xuất của Ban Quản lý các khu công nghiệp, tổng hợp" in text
    assert "1. Sở Tài chính\n\n- Chủ trì" in text  # a heading on its own line stays apart


def test_a_dash_item_wrapped_after_a_short_first_line_is_one_item():
    text = normalize(
        "- Tham mưu Ủy ban nhân dân\n"
        "Thành phố đánh giá, xem xét trách nhiệm người đứng đầu.\n"
        "- Tiếp tục phối hợp với Trung\n"
        "tâm Chuyển đổi số Thành phố.\n"
    )
    assert text.split("\n\n") == [
        "- Tham mưu Ủy ban nhân dân Thành phố đánh giá, xem xét trách nhiệm người đứng đầu.",
        "- Tiếp tục phối hợp với Trung tâm Chuyển đổi số Thành phố.",
    ]


def test_a_dropped_dan_in_a_people_s_committee_is_mended():
    text = normalize("Ủy ban nhân tỉnh Lai Châu ban hành; trực thuộc Uỷ ban nhân Thành phố.")
    assert text == "Ủy ban nhân dân tỉnh Lai Châu ban hành; trực thuộc Uỷ ban nhân dân Thành phố."
    assert normalize("Ủy ban nhân dân tỉnh") == "Ủy ban nhân dân tỉnh"


def test_a_word_run_into_the_role_or_the_day_after_it_is_parted():
    text = normalize(
        "Sở Tài nguyên và Môi trườngchủ trì; hoàn thành trướcngày 20/11/2023. Hằng ngày"
    )
    assert (
        text == "Sở Tài nguyên và Môi trường chủ trì; hoàn thành trước ngày 20/11/2023. Hằng ngày"
    )


def test_words_a_web_page_glued_together_are_parted():
    assert (
        normalize("Điều 2. Giaocho Sở Xây dựng chủ trì") == "Điều 2. Giao cho Sở Xây dựng chủ trì"
    )
    text = normalize(
        "UBND cáchuyện, thành phố kiểm tra trên địa bàn.Các sở phối hợp. TP.HCM; các sở"
    )
    assert (
        text == "UBND các huyện, thành phố kiểm tra trên địa bàn. Các sở phối hợp. TP.HCM; các sở"
    )


_PIECES = ["Sở Y tế", "các", "và", " | ", "Trang chủ | Tin", ", ngày", "5 tháng", "- ", "CỘNG HÒA",
           "Số:", "KT.", "đối với", "UBND", "ABC DEF", "Hà Nội, ngày 5", "thực hiện", "."]  # fmt: skip


@given(st.lists(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=6), min_size=1, max_size=8))
def test_a_paragraph_read_as_it_grows_knows_what_its_joined_text_says(parts):
    lines = ["".join(p).strip() or "x" for p in parts]
    paragraph = _Paragraph(lines[0])
    for line in lines[1:]:
        paragraph.add(line)
    joined = " ".join(lines)
    assert (paragraph.head, paragraph.tail) == (joined[:16], joined[-16:])
    assert paragraph.piped == (" | " in joined)
    assert paragraph.header_like() == _is_header_like(joined, short=60)


def test_twenty_thousand_soft_wrapped_lines_join_in_one_pass():
    text = "\n".join(["Sở Y tế chủ trì phối hợp các"] * 20_000)
    started = time.perf_counter()
    assert normalize(text).count("\n") == 0
    assert time.perf_counter() - started < 20  # a guard against a quadratic join (was 219 s)


def test_a_number_a_hard_wrap_put_first_is_no_list_item():
    text = normalize(
        "1. Sở Y tế kiểm tra an toàn thực phẩm vào tháng 10 và\n11. Để chủ động ứng phó."
    )
    assert "tháng 10 và 11. Để" in text
    assert normalize("Các nội dung sau:\n1. Kiểm tra.\n2. Báo cáo.").count("\n") >= 2


def test_a_page_saved_with_its_html_escapes_is_read_as_text():
    text = normalize(
        "C&aacute;c Sở, ban ng&agrave;nh; Ủy ban nh&acirc;n d&acirc;n tỉnh y&ecirc;u cầu."
    )
    assert text == "Các Sở, ban ngành; Ủy ban nhân dân tỉnh yêu cầu."
    assert normalize("Sở KH&ĐT và Sở NN&PTNT; mục &amp; chú thích.") == (
        "Sở KH&ĐT và Sở NN&PTNT; mục &amp; chú thích."  # (one escape is no escaped page)
    )


def test_a_head_word_glued_to_the_word_before():
    assert normalize("tiêu chíVăn phòng Điều phối hướng dẫn.") == (
        "tiêu chí Văn phòng Điều phối hướng dẫn."
    )
    assert normalize("Văn phòng cũng giaoTrưởng các phòng kiểm tra.") == (
        "Văn phòng cũng giao Trưởng các phòng kiểm tra."
    )
    assert normalize("Thủ trưởng các sở, Phó Chủ tịch UBND tỉnh.") == (
        "Thủ trưởng các sở, Phó Chủ tịch UBND tỉnh."  # (nothing glued: nothing split)
    )


def test_syllables_a_legal_librarys_copy_ran_together_are_parted():
    text = normalize(
        "Phó Thủ tướng Thường trựcChính phủ giao các Bộ: Giaothông vận tải, Tàinguyên và Môi "
        "trường, Thể thaovà Du lịch xác định sựcần thiết ngày 21tháng04 năm 2011; đồng chí "
        "TổngBí thư; khaitháccát trênhành lang."
    )
    assert text == (
        "Phó Thủ tướng Thường trực Chính phủ giao các Bộ: Giao thông vận tải, Tài nguyên và Môi "
        "trường, Thể thao và Du lịch xác định sự cần thiết ngày 21 tháng 04 năm 2011; đồng chí "
        "Tổng Bí thư; khai thác cát trên hành lang."
    )
    # words of other tongues, codes, brands and every Vietnamese syllable stay as written
    kept = (
        "Covid-19, Pleiku, iPhone, VietinBank, TTg, QĐ-UBND, TTrS, GD&ĐT, Krông Búk, Ea H'leo, "
        "nghiêng, khuỷu, giữa, huỳnh, khuya, tướng, muốn, quyết, Nguyễn Thị Hường."
    )
    assert normalize(kept) == kept

"""The annotation rules on shapes met in real web pages (openings of portals, papers and
legal libraries): one behaviour per test, on short passages written for the project."""

from __future__ import annotations

from datetime import date

from chidao.extract.pipeline import extract_text
from tests.test_task_rules import TODAY, _tasks


def test_the_year_of_a_plan_still_in_draft_is_no_deadline():
    text = (
        "3. Giao:\n"
        "- UBND các xã, thị trấn nghiên cứu hồ sơ Kế hoạch sử dụng đất năm 2025 huyện Chợ Mới, "
        "tổ chức lấy ý kiến; tổng hợp, cho ý kiến bằng văn bản đối với Kế hoạch sử dụng đất "
        "năm 2025 huyện Chợ Mới.\n"
        "- Phòng Tài chính - Kế hoạch huyện hoàn thành kế hoạch năm 2025 về thu ngân sách.\n"
    )
    [(_, _, draft, *_), (_, _, target, *_)] = _tasks(text)
    assert draft is None  # commented on, not carried out: the year it is for
    assert target == "2025-12-31"  # the year's target is due that year


def test_a_cut_off_last_sentence_with_only_its_assignees_and_their_frame_is_no_task():
    head = "Chủ tịch UBND tỉnh yêu cầu các sở, ngành tăng cường kiểm tra an toàn thực phẩm.\n\n"
    for cut in (
        "Các sở, ngành, đơn vị theo chức năng nhiệm vụ được gi",
        "Người đứng đầu cơ quan, đơn vị trong phạm vi, nhiệm vụ của",
    ):
        [(*_, text)] = _tasks(head + cut)
        assert text.startswith("Chủ tịch UBND tỉnh yêu cầu")
    # its action is there: it counts, cut as it is
    [_, (lead, _, _, _, text)] = _tasks(head + "Sở Y tế chủ trì kiểm tra an toàn thực")
    assert lead == ["Sở Y tế"] and text.endswith("an toàn thực")


def test_a_news_day_written_this_afternoon_is_the_day_of_the_text():
    meta = extract_text(
        "Chiều nay 27.9, Chủ tịch UBND tỉnh Quảng Trị ký Công điện khẩn số 03/CĐ-UBND yêu cầu "
        "các sở, ngành ứng phó bão số 4.\n\nCập nhật 27/09/2022",
        today=TODAY,
    ).meta
    assert (meta.number, meta.date) == ("03/CĐ-UBND", date(2022, 9, 27))
    meta = extract_text(
        "Chiều nay ngày 26/3/2020, thay mặt Ban Thường vụ Tỉnh ủy, Phó Bí thư Thường trực Tỉnh ủy "
        "Nguyễn Văn A đã ký công văn hỏa tốc gửi các huyện ủy về việc tạm dừng đại hội.",
        today=TODAY,
    ).meta
    assert meta.date == date(2020, 3, 26)


def test_the_party_committees_are_assignees_not_the_districts():
    [(lead, *_)] = _tasks(
        "UBND quận yêu cầu Đảng ủy, UBND 14 phường và các phòng, ban, đơn vị nghiêm túc thực hiện "
        "tiết kiệm."
    )
    # ("các phòng, ban, đơn vị" gives each group, as "các sở, ban, ngành, đơn vị" does: rule 6)
    assert lead == ["Đảng ủy các phường", "địa phương", "sở, ban, ngành", "cơ quan, đơn vị"]
    [(lead, *_)] = _tasks(
        "Ban Thường vụ Tỉnh ủy yêu cầu Ban Thường vụ các huyện ủy, thị ủy, Thành ủy Huế, các đảng "
        "ủy trực thuộc Tỉnh ủy tạm dừng tổ chức đại hội."
    )
    assert "địa phương" not in lead
    assert lead[0] == "Ban Thường vụ các huyện ủy" and "Các đảng ủy trực thuộc Tỉnh ủy" in lead
    # "cấp ủy chính quyền địa phương" with no "các" is the vague partner it always was
    [(_, support, *_)] = _tasks(
        "Bộ Chỉ huy Quân sự tỉnh chủ trì, phối hợp với cấp ủy chính quyền địa phương tuần tra."
    )
    assert support == []


def test_a_subject_framed_by_its_remit_after_a_colon_or_a_fronted_clause_acts():
    [(lead, *_)] = _tasks(
        "Theo đó, UBND tỉnh có ý kiến như sau: Các cơ quan, đơn vị theo chức năng, nhiệm vụ, "
        "quyền hạn chủ động thực hiện nghiêm các nội dung của Công điện."
    )
    assert lead == ["cơ quan, đơn vị"]
    [(lead, *_)] = _tasks(
        "Để bảo đảm an toàn, các sở, ngành theo chức năng, nhiệm vụ được giao khẩn trương kiểm tra."
    )
    assert lead == ["sở, ban, ngành"]


def test_a_purpose_fronted_after_theo_do_leaves_the_subject_acting():
    [(lead, *_)] = _tasks(
        "Theo đó, để thực hiện thành công mục tiêu đạt chuẩn nông thôn mới, Huyện ủy, UBND huyện "
        "Gia Lâm và đảng ủy, UBND các xã tập trung chỉ đạo quyết liệt các tiêu chí."
    )
    assert lead == ["Huyện ủy", "UBND huyện Gia Lâm", "Đảng ủy các xã", "địa phương"]


def test_a_leader_named_first_who_asks_the_heads_of_the_places_is_no_roster_line():
    [(lead, *_)] = _tasks(
        "Đồng chí Phạm Văn An - Phó Chủ tịch UBND tỉnh yêu cầu lãnh đạo các địa phương, ngành "
        "nông nghiệp chỉ đạo nông dân đẩy nhanh tiến độ thu hoạch lúa mùa."
    )
    assert lead == ["địa phương", "Sở Nông nghiệp và Phát triển nông thôn"]
    # a sector in small letters in a description is no one
    assert _tasks("Sản lượng của ngành nông nghiệp tăng 3% so với cùng kỳ.") == []


def test_must_not_is_a_duty_and_a_verb_ends_an_unlisted_name():
    [(lead, *_)] = _tasks(
        "Đồng chí Bí thư nhấn mạnh, tác động của dịch là rất lớn, do đó, các cấp, ngành, địa "
        "phương không được chủ quan, lơ là."
    )
    assert lead == ["cơ quan, đơn vị", "địa phương"]
    [(lead, *_)] = _tasks("Thanh tra Chính phủ công khai kết quả kiểm tra, rà soát tại tỉnh.")
    assert lead == ["Thanh tra Chính phủ"]


def test_a_portal_footer_is_no_task_and_its_licence_no_reference():
    doc = extract_text(
        "Tin tức\n\nUBND tỉnh tổ chức hội nghị tổng kết năm.\n\n"
        "Cơ quan chủ quản: UBND tỉnh Sóc Trăng - Điện thoại: 0299.3822339\n"
        "Giấy phép số 01/GP-STTTT do Sở Thông tin và Truyền thông cấp ngày 22/9/2021.\n",
        today=TODAY,
    )
    assert doc.tasks == [] and [r.number for r in doc.references] == []


def test_short_and_small_letter_names_of_district_bodies():
    [(lead, *_)] = _tasks("Chủ tịch UBND huyện chỉ đạo phòng NN và PTNT rà soát các công trình.")
    assert lead == ["Phòng Nông nghiệp và Phát triển nông thôn"]
    [(lead, *_)] = _tasks(
        "UBMT TQ Việt Nam tỉnh và các đoàn thể phối hợp tuyên truyền phòng cháy, chữa cháy."
    )
    assert lead == ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "đoàn thể"]
    [(lead, *_)] = _tasks(
        "UBND huyện đề nghị các phòng chuyên môn và UBND các xã, thị trấn xây dựng kế hoạch."
    )
    assert lead == ["sở, ban, ngành", "địa phương"]
    [(lead, *_)] = _tasks("Trạm thủy nông huyện phối hợp với UBND xã nạo vét kênh mương.")
    assert lead == ["Trạm thủy nông huyện"]
    assert _tasks("Trạm bơm Yên Sở được kiểm tra công tác vận hành trước mùa mưa.") == []


def test_a_reported_party_secretary_directs_and_her_next_clause_goes_on():
    text = (
        "Sau khi nắm tình hình, đồng chí Nguyễn Thị A, Bí thư Huyện ủy đã chỉ đạo Trạm thủy nông "
        "phối hợp với UBND xã Hồng Quảng nạo vét kênh mương nội đồng; Chỉ đạo phòng NN và PTNT "
        "cần rà soát các đồng ruộng có nguy cơ thiếu nước."
    )
    leads = [lead for lead, *_ in _tasks(text)]
    assert leads == [["Trạm thủy nông"], ["Phòng Nông nghiệp và Phát triển nông thôn"]]


def test_who_a_scheme_covers_is_no_task():
    text = (
        "2. Đối tượng thi đua\n\na) Tập thể:\n\n- UBND các xã, phường thực hiện tốt phong trào.\n\n"
        "- Các phòng chuyên môn thuộc các cơ quan tham gia phong trào thi đua.\n\n"
        "3. Nội dung thi đua\n\nSở Nội vụ chủ trì theo dõi phong trào thi đua.\n"
    )
    assert [lead for lead, *_ in _tasks(text)] == [["Sở Nội vụ"]]


def test_places_counted_then_named_are_each_a_committee():
    [(lead, *_)] = _tasks(
        "Chủ tịch Ủy ban nhân dân tỉnh chỉ đạo Ủy ban nhân dân ba huyện biên giới Lộc Ninh, Bù Đốp "
        "và Bù Gia Mập tăng cường tuần tra."
    )
    assert lead == ["UBND huyện Lộc Ninh", "UBND huyện Bù Đốp", "UBND huyện Bù Gia Mập"]
    [(lead, *_)] = _tasks("UBND tỉnh yêu cầu hai huyện Kiến Xương và Tiền Hải hướng dẫn nông dân.")
    assert lead == ["UBND huyện Kiến Xương", "UBND huyện Tiền Hải"]
    [(lead, *_)] = _tasks("UBND các Phường 2, 4 và 10 khẩn trương ban hành quyết định cưỡng chế.")
    assert lead == ["UBND phường 2", "UBND phường 4", "UBND phường 10"]


def test_the_fronts_committee_written_short_is_named_in_full_beside_the_groups():
    [(lead, support, *_)] = _tasks(
        "UBND quận Long Biên phối hợp với UB MTTQ và các đoàn thể, UBND các phường tuyên truyền."
    )
    assert support == ["Ủy ban Mặt trận Tổ quốc Việt Nam", "đoàn thể", "địa phương"]
    [(lead, *_)] = _tasks("Bí thư Tỉnh ủy đề nghị UB MTTQ tỉnh vận động nhân dân.")
    assert lead == ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"]


def test_a_paragraph_that_sets_the_time_of_all_tasks_is_their_deadline_and_no_task():
    tasks = _tasks(
        "UBND các phường 3, 9 tiếp tục giám sát các chủ đầu tư.\n\n"
        "UBND phường 5 phải khẩn trương ban hành kế hoạch cưỡng chế.\n\n"
        "Thời hạn thực hiện nhiệm vụ được giao trước ngày 31/7/2024. Quá thời hạn trên, UBND "
        "thành phố sẽ xem xét xử lý kỷ luật.\n"
    )
    assert [(lead, deadline) for lead, _, deadline, *_ in tasks] == [
        (["UBND phường 3", "UBND phường 9"], "2024-07-31"),
        (["UBND phường 5"], "2024-07-31"),
    ]


def test_functional_agencies_are_vague_beside_a_named_group():
    [(lead, *_)] = _tasks(
        "UBND tỉnh chỉ đạo các cơ quan chức năng, chính quyền địa phương khẩn trương khắc phục."
    )
    assert lead == ["địa phương"]


def test_what_a_plan_is_for_is_no_task_and_its_content_keeps_the_letters_addressee():
    tasks = _tasks(
        "Kính gửi: Sở Y tế các tỉnh\n"
        "Bộ Y tế đề nghị Sở Y tế các tỉnh triển khai kế hoạch năm 2008 như sau:\n"
        "I. MỤC ĐÍCH YÊU CẦU:\n"
        "1. Tăng cường các hoạt động chỉ đạo từ Trung ương đến địa phương.\n"
        "II. NỘI DUNG:\n"
        "1. Công tác chỉ đạo:\n"
        "– Kiện toàn hệ thống cán bộ làm công tác bảo vệ, chăm sóc trẻ em.\n"
    )
    assert [(list(dict.fromkeys(lead)), text[:9]) for lead, *_, text in tasks] == [
        (["Sở Y tế"], "Kiện toàn")
    ]


def test_a_leader_who_acts_on_a_proposal_in_the_same_sentence_gives_a_task():
    [(lead, *_)] = _tasks(
        "Xét đề nghị của: Ủy ban nhân dân tỉnh Quảng Ngãi tại văn bản số 49/TTr-UBND ngày 12 "
        "tháng 5 năm 2014, Phó Thủ tướng Vũ Văn Ninh giao các Bộ: Kế hoạch và Đầu tư, Tài chính "
        "xem xét xử lý theo thẩm quyền."
    )
    assert lead == ["Bộ Kế hoạch và Đầu tư", "Bộ Tài chính"]
    # the proposal alone is a decision's basis
    assert _tasks("Xét đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 12/TTr-SNV,") == []


def test_thanks_and_co_hosting_are_no_tasks_and_a_numbers_letter_is_kept():
    assert _tasks("Bộ Y tế trân trọng cảm ơn./.") == []
    assert _tasks("Chánh Văn phòng UBND Thành phố đồng chủ trì buổi họp báo.") == []
    doc = extract_text(
        "Theo văn bản số 1303a/UBND-NNTNMT ngày 07/5/2014 của UBND tỉnh.", today=TODAY
    )
    assert [r.number for r in doc.references] == ["1303a/UBND-NNTNMT"]


def test_a_vague_group_followed_by_the_bodies_it_means_gives_those_bodies():
    [(lead, *_)] = _tasks(
        "Các sở, ngành liên quan như: Sở Nông nghiệp và Phát triển nông thôn, Bộ CHQS tỉnh, BĐBP "
        "tỉnh, Công an tỉnh, Tổng Công ty Đông Bắc khẩn trương triển khai phương án ứng phó bão."
    )
    assert lead == [
        "Sở Nông nghiệp và Phát triển nông thôn", "Bộ Chỉ huy Quân sự tỉnh",
        "Bộ đội Biên phòng tỉnh", "Công an tỉnh", "Tổng Công ty Đông Bắc",
    ]  # fmt: skip
    [(lead, *_)] = _tasks(
        "Thủ tướng yêu cầu Bộ trưởng các bộ: Công an, Tài chính chỉ đạo kiểm tra."
    )
    assert lead == ["Bộ Công an", "Bộ Tài chính"]
    [(lead, *_)] = _tasks("Chủ tịch UBND tỉnh, thành phố phải báo cáo ngay Thủ tướng Chính phủ.")
    assert lead == ["địa phương"]


def test_a_deadline_without_its_year_in_a_december_letter_is_of_the_coming_year():
    head = "Số: 12/CĐ-TTg\nHà Nội, ngày {} năm 2025\nCÔNG ĐIỆN\n"
    ask = "Thủ tướng yêu cầu UBND các tỉnh báo cáo trước ngày {}.\n"
    [(_, _, deadline, *_)] = _tasks(head.format("26 tháng 12") + ask.format("15/1"))
    assert deadline == "2026-01-15"
    # not a date long past in a June letter: no deadline, as before
    [(_, _, deadline, *_)] = _tasks(head.format("10 tháng 6") + ask.format("15/3"))
    assert deadline is None


def test_a_meeting_to_report_at_gives_its_month_and_other_reviewed_readings():
    [(_, _, deadline, *_)] = _tasks(
        "Giao Sở Kế hoạch và Đầu tư tổng hợp, báo cáo UBND Thành phố tại phiên họp thường kỳ "
        "tháng 4/2024."
    )
    assert deadline == "2024-04-30"
    assert _tasks("Năm 2024, các quận, huyện, thị xã không được giao thêm chỉ tiêu biên chế.") == []
    [(lead, *_)] = _tasks("Yêu cầu UBND các quận, huyện ủy quyền cho UBND các phường cấp phép.")
    assert lead == ["địa phương"]
    tasks = _tasks(
        "UBND quận Hoàn Kiếm, Ba Đình tổ chức tiêm chủng, UBND các quận, huyện, thị xã còn lại tự "
        "rà soát."
    )
    assert [lead for lead, *_ in tasks][1:] == [["địa phương"]]
    [(lead, *_)] = _tasks("Đơn vị quản lý vận hành có trách nhiệm kiểm tra thiết bị hằng tháng.")
    assert lead == ["cơ quan, đơn vị"]


def test_the_month_of_a_meeting_is_no_deadline():
    [(_, _, deadline, *_)] = _tasks(
        "Tại Nghị quyết phiên họp Chính phủ thường kỳ tháng 8/2024, Chính phủ yêu cầu các bộ, "
        "ngành đẩy mạnh giải ngân vốn đầu tư công."
    )
    assert deadline is None


def test_a_level_alone_before_the_verb_directs_the_offices():
    [(lead, *_)] = _tasks(
        "Đồng thời huyện chỉ đạo các phòng, ban chuyên môn xuống các xã kiểm tra."
    )
    assert lead == ["sở, ban, ngành"]


def test_the_other_places_have_a_part_of_their_own():
    tasks = _tasks(
        '2. UBND các phường Ngọc Lâm, Gia Thụy thực hiện đăng ký "Phường văn minh đô thị", UBND '
        "các phường còn lại tự rà soát và đăng ký nếu đủ tiêu chuẩn."
    )
    assert [lead for lead, *_ in tasks] == [
        ["UBND phường Ngọc Lâm", "UBND phường Gia Thụy"],
        ["địa phương"],
    ]


def test_a_page_cut_after_whom_a_leader_asks_leaves_no_task():
    text = (
        "Thủ tướng yêu cầu các bộ, ngành tập trung ứng phó bão số 3.\n\n"
        "Thủ tướng trân trọng đề nghị Chủ tịch Ủy ban Trung ương"
    )
    [(*_, kept)] = _tasks(text)
    assert kept.startswith("Thủ tướng yêu cầu các bộ")


def test_a_committees_name_goes_on_with_the_places_it_serves():
    [(lead, *_)] = _tasks(
        "Ban Chỉ huy PCTT và TKCN tỉnh yêu cầu Ban Chỉ huy PCTT và TKCN các huyện, thị xã, thành "
        "phố và các ngành theo dõi chặt chẽ diễn biến của bão."
    )
    assert lead == [
        "Ban Chỉ huy Phòng, chống thiên tai và Tìm kiếm cứu nạn các huyện, thị xã, thành phố",
        "sở, ban, ngành",
    ]
    [(lead, *_)] = _tasks(
        "Sở Nội vụ đề nghị Ủy ban bầu cử các huyện, thành phố và Ủy ban bầu cử các xã, phường, "
        "thị trấn tiến hành tổng kết."
    )
    assert lead == ["Ủy ban bầu cử các huyện, thành phố", "Ủy ban bầu cử các xã, phường, thị trấn"]
    [(lead, *_)] = _tasks("Ủy ban MTTQ Việt Nam và các đoàn thể đẩy mạnh tuyên truyền pháp luật.")
    assert lead == ["Ủy ban Mặt trận Tổ quốc Việt Nam", "đoàn thể"]
    [(lead, *_)] = _tasks("Ban Chỉ huy tỉnh đề nghị Bộ chỉ huy Quân sự tỉnh sẵn sàng lực lượng.")
    assert lead == ["Bộ chỉ huy Quân sự tỉnh"]


def test_marked_items_after_a_colon_are_tasks_each_though_they_hold_semicolons():
    tasks = _tasks(
        "Chủ tịch UBND huyện yêu cầu các cơ quan, đơn vị, địa phương trong thời gian tới: (1) Tăng "
        "cường công tác kiểm tra; tiếp tục tiêm chủng vắc xin; (2) Tập trung rà soát các nhiệm vụ "
        "trong Quý I/2022; (3) Đôn đốc các chủ đầu tư đẩy nhanh tiến độ."
    )
    assert [text[:3] for *_, text in tasks] == ["(1)", "(2)", "(3)"]
    assert all(lead == ["cơ quan, đơn vị", "địa phương"] for lead, *_ in tasks)


def test_a_head_of_school_stands_for_the_units():
    [(lead, *_)] = _tasks("Đề nghị Hiệu trưởng các đơn vị chấp hành nghiêm túc./.")
    assert lead == ["cơ quan, đơn vị"]


def test_ministries_a_legal_library_ran_together_are_each_read():
    [(lead, *_)] = _tasks(
        "Phó Thủ tướng giao các Bộ: Kế hoạch và Đầu tư, Giaothông vận tải, Tàinguyên và Môi "
        "trường, Văn hóa, Thể thaovà Du lịch làm việc với các tỉnh Tây Nguyên."
    )
    assert lead == [
        "Bộ Kế hoạch và Đầu tư", "Bộ Giao thông vận tải", "Bộ Tài nguyên và Môi trường",
        "Bộ Văn hóa, Thể thao và Du lịch",
    ]  # fmt: skip


def test_dates_written_with_dots_and_names_written_short():
    [(_, _, deadline, *_)] = _tasks(
        "Ngày 2.3.2017, UBND tỉnh yêu cầu các sở báo cáo trước ngày 20.3."
    )
    assert deadline == "2017-03-20"
    [(_, _, deadline, *_)] = _tasks(
        "Ngày 2/3/2017, UBND tỉnh yêu cầu các huyện hoàn thành trong tháng 3.2017."
    )
    assert deadline == "2017-03-31"
    [(lead, *_)] = _tasks("Giao Công an, Bộ Chỉ huy Bộ đội Biên phòng tỉnh chỉ đạo lực lượng.")
    assert lead == ["Công an", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh"]
    [(lead, *_)] = _tasks("Giao Sở Văn hóa- Thể thao và Du lịch (VH-TT&DL) kiểm tra.")
    assert lead == ["Sở Văn hóa, Thể thao và Du lịch"]
    [(lead, *_)] = _tasks("Yêu cầu Ban cán sự Đảng UBND tỉnh, Sở Y tế tập trung chỉ đạo.")
    assert lead == ["Ban cán sự Đảng UBND tỉnh", "Sở Y tế"]
    [(lead, *_)] = _tasks("Giao Ban Quản lý KDL Quốc gia hồ Tuyền Lâm kiểm tra.")
    assert lead == ["Ban Quản lý Khu du lịch Quốc gia hồ Tuyền Lâm"]


def test_a_reports_narrative_and_a_letters_conveying_are_no_tasks():
    for text in (
        "Văn phòng UBND tỉnh truyền đạt ý kiến của đồng chí Chủ tịch UBND tỉnh về việc kỷ niệm.",
        "Trong những năm qua, UBND thành phố Ninh Bình tổ chức Hội chợ Hoa Xuân tại sân vận động.",
        "Năm nay, UBND thành phố Ninh Bình tiếp tục đề nghị UBND tỉnh cho phép tổ chức Hội chợ.",
        "Các lực lượng chức năng Cà Mau đang khẩn trương khắc phục sạt lở.",
        "Sau khi vào cuộc kiểm tra, cơ quan chức năng phát hiện có gần 400ha rừng bị phá.",
        "Trước đây, UBND TP. Sóc Trăng chọn bờ kè tuyến đường Lý Thường Kiệt làm nơi họp chợ.",
    ):
        assert _tasks(text) == [], text
    # a vague group that names a kind of body still acts
    [(lead, *_)] = _tasks("Các sở, ngành liên quan chủ động triển khai.")
    assert lead == ["sở, ban, ngành"]


def test_a_body_just_given_the_lead_and_duties_handed_out_by_phan_cong():
    [(lead, *_)] = _tasks(
        "Sở Tài nguyên và Môi trường vừa được giao chủ trì, phối hợp với các cơ quan rà soát."
    )
    assert lead == ["Sở Tài nguyên và Môi trường"]
    [(lead, *_)] = _tasks("UBND tỉnh phân công nhiệm vụ UBND các huyện quản lý khoáng sản.")
    assert lead == ["địa phương"]


def test_a_fronted_purpose_before_a_subject_and_its_colon():
    [(lead, *_)] = _tasks(
        "Theo đó, để bảo đảm cho Nhân dân đón xuân an toàn với phương châm “mọi người, mọi nhà đều "
        "có Tết”, các sở, ban, ngành và UBND các quận, huyện, thị xã: Quán triệt thực hiện nghiêm "
        "Chỉ thị số 17-CT/TU."
    )
    assert lead == ["sở, ban, ngành", "địa phương"]


def test_a_closing_that_names_bodies_and_lists_across_semicolons():
    # an office handing a notice on names those it informs: no task of theirs (the notice's
    # items are the tasks), whether it names bodies or groups
    assert (
        _tasks(
            "Văn phòng Chính phủ thông báo để Bộ Nông nghiệp và Phát triển nông thôn, Ủy ban nhân "
            "dân tỉnh Bạc Liêu và các cơ quan liên quan biết, thực hiện./."
        )
        == []
    )
    assert _tasks("Văn phòng UBND tỉnh thông báo để các cơ quan biết, thực hiện./.") == []
    [(lead, *_)] = _tasks(
        "Giao các sở, ngành tỉnh; Uỷ ban nhân dân các huyện, thành phố; Các Ban QLDA chuyên ngành "
        "tỉnh báo cáo kết quả giải ngân."
    )
    assert lead == ["sở, ban, ngành", "địa phương", "Ban Quản lý dự án chuyên ngành tỉnh"]


def test_a_page_cut_in_the_partners_keeps_its_task():
    text = (
        "UBND Thành phố yêu cầu các quận tăng cường kiểm tra.\n\n"
        "Các sở, ngành tăng cường, chủ động phối hợp với các địa phương, đơn v"
    )
    assert [lead for lead, *_ in _tasks(text)] == [["địa phương"], ["sở, ban, ngành"]]


def test_an_office_in_small_letters_a_meetings_attendees_and_a_team_led_by_a_body():
    [(lead, *_)] = _tasks("Phòng kinh tế hạ tầng đánh giá lại việc cấp phép xây dựng.")
    assert lead == ["Phòng Kinh tế và Hạ tầng"]  # (its official name)
    assert _tasks("Phòng chống dịch bệnh là nhiệm vụ quan trọng.") == []
    assert (
        _tasks(
            "Dự phiên họp có: Phó Thủ tướng Trần Hồng Hà; các bộ trưởng, thủ trưởng cơ quan ngang "
            "bộ, chủ tịch UBND các địa phương."
        )
        == []
    )
    [(lead, *_)] = _tasks("Giao Trung tâm Văn hoá – thông tin và thể thao huyện tuyên truyền.")
    assert lead == ["Trung tâm Văn hoá – thông tin và thể thao huyện"]
    tasks = _tasks(
        "- UBND các phường rà soát các công trình vi phạm; nghiêm túc thực hiện Kết luận thanh tra của Đoàn Thanh tra liên ngành do Sở Tài nguyên "
        "và Môi trường chủ trì.\n"
    )
    assert [lead for lead, *_ in tasks] == [["địa phương"]]


def test_ministries_listed_with_a_dash_written_without_its_spaces():
    [(lead, *_)] = _tasks(
        "Phó Thủ tướng giao các Bộ: Tài chính, Lao động-Thương binh và Xã hội, Y tế, Nội vụ làm "
        "việc với các tỉnh."
    )
    assert lead == [
        "Bộ Tài chính", "Bộ Lao động - Thương binh và Xã hội", "Bộ Y tế", "Bộ Nội vụ",
    ]  # fmt: skip


def test_a_steering_committee_in_small_letters_and_schools_as_a_class():
    [(lead, *_)] = _tasks(
        "Ban chỉ đạo huyện và các xã, thị trấn tập trung chỉ đạo phòng chống dịch."
    )
    assert lead == ["Ban chỉ đạo huyện", "địa phương"]
    [(lead, *_)] = _tasks("Sở chỉ đạo các cơ sở giáo dục chuẩn bị đầy đủ điều kiện cho kỳ thi.")
    assert lead == ["các cơ sở giáo dục"]
    # a facility in general is no body: "cơ sở vật chất"
    assert _tasks("Các cơ sở vật chất được nâng cấp trong năm.") == []


def test_functional_units_asked_by_a_directive_verb_keep_their_task():
    [(lead, *_)] = _tasks(
        "Theo đó, yêu cầu các đơn vị chức năng thực hiện nghiêm phương châm xử lý triệt để."
    )
    assert lead == []  # the task stands; "các đơn vị chức năng" names no kind of body
    [(lead, *_)] = _tasks(
        "UBND tỉnh yêu cầu Ủy ban nhân dân các huyện, thành, thị khẩn trương triển khai thực hiện."
    )
    assert lead == ["địa phương"]


def test_a_leader_asking_no_one_by_name_asks_those_the_cable_is_sent_to():
    tasks = _tasks(
        "date 2023-10 Công điện gửi Bộ trưởng các Bộ: Quốc phòng, Công an; Chủ tịch UBND các "
        "tỉnh, thành phố: Thanh Hóa, Nghệ An.\n\n"
        "Thủ tướng yêu cầu chủ động sơ tán ngay những hộ dân ở khu vực nguy hiểm.\n\n"
        "Phó Thủ tướng có ý kiến chỉ đạo như sau:\n"
    )
    [(lead, *_, text)] = tasks  # the line of addressees is no task; the intro gives none
    assert text.startswith("Thủ tướng yêu cầu chủ động")
    assert lead[:2] == ["Bộ Quốc phòng", "Bộ Công an"]


def test_places_with_an_apostrophe_money_allocated_and_a_score_are_read_right():
    [(lead, *_)] = _tasks("UBND huyện Ea H’Leo giao Phòng Tài nguyên và Môi trường kiểm tra.")
    assert lead == ["Phòng Tài nguyên và Môi trường"]
    assert (
        _tasks("Thủ tướng giao cho các bộ, cơ quan trung ương và địa phương là 708,4 tỷ đồng.")
        == []
    )
    assert _tasks("Riêng huyện Vĩnh Thuận đạt 86,5 điểm, xếp loại tốt.") == []
    [(lead, *_)] = _tasks("UBND tỉnh giao Sở Tài chính bố trí 20 tỷ đồng cho dự án.")
    assert lead == ["Sở Tài chính"]


def test_the_documents_period_of_two_joined_periods_is_the_later():
    [(_, _, deadline, *_)] = _tasks(
        "THÔNG BÁO\nKết luận về nhiệm vụ trọng tâm tháng 4 và quý II năm 2021\n"
        "Giao Sở Y tế kiểm tra an toàn thực phẩm.\n"
    )
    assert deadline == "2021-06-30"


def test_all_the_units_reminded_and_the_centre_for_disease_control_written_short():
    [(lead, *_)] = _tasks(
        "UBND TP Đà Lạt cũng nhắc nhở tất cả các đơn vị được giao nhiệm vụ phải hoàn thành đúng hạn."
    )
    assert lead == ["cơ quan, đơn vị"]
    [(lead, *_)] = _tasks("Ông Lê Tuấn Phong yêu cầu CDC Bình Thuận đưa cán bộ đi cách ly.")
    assert lead == ["Trung tâm Kiểm soát bệnh tật Bình Thuận"]


def test_a_continuation_with_a_fronted_time_keeps_the_assignee():
    tasks = _tasks(
        "UBND tỉnh giao Sở Nông nghiệp và Phát triển nông thôn kiểm tra tàu cá.\n\n"
        "Ngay sau Tết Nguyên đán 2025, tổ chức đoàn công tác vào làm việc với các tỉnh phía Nam.\n"
    )
    assert [lead for lead, *_ in tasks] == [["Sở Nông nghiệp và Phát triển nông thôn"]] * 2
    # a report's past time is no continuation: "Trong những năm qua, ..." stays narrative
    assert len(_tasks("UBND tỉnh giao Sở Y tế kiểm tra.\n\nTrong năm qua, tổ chức 12 đợt.\n")) == 1


def test_a_reply_to_voters_petitions_gives_no_tasks():
    text = (
        "Kính gửi: Đoàn Đại biểu Quốc hội tỉnh\n"
        "Bộ Y tế xin trả lời đối với từng kiến nghị, cụ thể như sau:\n"
        "1. Cử tri kiến nghị Bộ Y tế nghiên cứu cơ chế phối hợp về thu hồi thực phẩm.\n"
        "Hiện nay, Bộ Y tế đã tham mưu Chính phủ ban hành Nghị định số 15/2018/NĐ-CP.\n"
    )
    assert _tasks(text) == []


def test_the_body_a_sentence_is_about_before_the_leader_who_speaks():
    [(lead, *_)] = _tasks(
        "Đối với sở Xây dựng, UBND TP. Hải Phòng yêu cầu phải kiểm tra, đôn đốc việc tháo dỡ."
    )
    assert lead == ["Sở Xây dựng"]


def test_a_short_form_in_brackets_after_a_name_is_the_same_body():
    [(lead, *_)] = _tasks("Giao Trung tâm Kiểm soát bệnh tật tỉnh (CDC) lấy mẫu xét nghiệm.")
    assert lead == ["Trung tâm Kiểm soát bệnh tật tỉnh"]
    [(lead, *_)] = _tasks("Giao Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh (UBMTTQ) tuyên truyền.")
    assert lead == ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"]
    # rule 8: a body with another in brackets names both
    [(lead, *_)] = _tasks("Giao Văn phòng UBND tỉnh (Trung tâm Phục vụ hành chính công) kiểm tra.")
    assert lead == ["Văn phòng UBND tỉnh", "Trung tâm Phục vụ hành chính công"]


def test_the_ministries_concerned_beside_a_named_group_and_bql_written_short():
    [(lead, *_)] = _tasks(
        "Thủ tướng yêu cầu các Bộ liên quan và UBND các tỉnh, thành phố bảo đảm sách giáo khoa."
    )
    assert lead == ["địa phương"]  # ("các Bộ liên quan" is vague: no assignee of its own)
    [(lead, *_)] = _tasks(
        "Cùng với đó, BQL các dự án trọng điểm phát triển đô thị khẩn trương hoàn thiện hồ sơ."
    )
    assert lead == ["Ban Quản lý các dự án trọng điểm phát triển đô thị"]


def test_a_reported_cables_day_without_its_year_takes_the_pages_year():
    meta = extract_text(
        "Thủ tướng vừa ký Công điện 747/CĐ-TTg ngày 16.8 yêu cầu các bộ, ngành bảo đảm sách giáo "
        "khoa trong năm 2023.",
        today=TODAY,
    ).meta
    assert (meta.number, meta.date) == ("747/CĐ-TTg", date(2023, 8, 16))


def test_a_time_line_under_an_item_for_the_content_above_is_that_items_deadline():
    head = (
        "UBND tỉnh yêu cầu:\n\n"
        "1. Sở Tài chính chủ trì, phối hợp với Sở Xây dựng rà soát kế hoạch vốn, báo cáo UBND tỉnh.\n"
    )
    tail = "\n2. Sở Xây dựng kiểm tra chất lượng công trình.\n"
    for line in (
        "- Thời hạn hoàn thành nội dung trên: trước ngày 30/4/2026.",
        "- Thời hạn thực hiện các nhiệm vụ này: trước ngày 30/4/2026.",
    ):
        [(lead, _, deadline, _, _), (_, _, sibling, _, _)] = _tasks(head + line + tail)
        assert (lead, deadline, sibling) == (["Sở Tài chính"], "2026-04-30", None)
    # a paragraph of its own after the list is the time of all of them
    [(_, _, first, _, _), (_, _, second, _, _)] = _tasks(
        head + tail + "\nThời hạn thực hiện các nhiệm vụ nêu trên: trước ngày 30/6/2026.\n"
    )
    assert first == second == "2026-06-30"


def test_a_pages_title_on_the_line_above_its_lead_is_not_joined_to_it():
    [(lead, _, _, _, text)] = _tasks(
        "Chủ tịch UBND tỉnh Thanh Hóa yêu cầu đẩy nhanh tiến độ giải ngân đầu tư công\n"
        "Chủ tịch UBND tỉnh Thanh Hóa Nguyễn Hoài Anh yêu cầu các địa phương, đơn vị khẩn trương, "
        "quyết liệt thực hiện các giải pháp đồng bộ để đẩy nhanh tiến độ giải ngân đầu tư công."
    )
    assert lead == ["địa phương", "cơ quan, đơn vị"] and text.startswith("Chủ tịch UBND tỉnh Thanh")
    # a soft wrap still joins: the line after it is no longer than the one wrapped
    [(lead, _, _, _, text)] = _tasks(
        "Chủ tịch UBND tỉnh yêu cầu Giám đốc Sở Xây dựng chủ trì kiểm tra\n"
        "Công trình trọng điểm của tỉnh, báo cáo kết quả trước ngày 30/6/2026."
    )
    assert lead == ["Sở Xây dựng"] and text.endswith("30/6/2026.")


def test_a_committee_written_bare_before_a_body_of_its_place_is_that_places():
    [(lead, *_)] = _tasks(
        "UBND Thành phố yêu cầu UBND huyện, Công an huyện Thanh Trì ngay lập tức chấn chỉnh "
        "công tác quản lý đất đai."
    )
    assert lead == ["UBND huyện Thanh Trì", "Công an huyện Thanh Trì"]
    [(lead, *_)] = _tasks(
        "Trưởng Ban Chỉ huy Phòng thủ dân sự tỉnh yêu cầu Chủ tịch UBND, Trưởng Ban Chỉ huy Phòng "
        "thủ dân sự các xã, phường ven biển; Ban Chỉ huy Bộ đội Biên phòng tỉnh; Chi cục trưởng "
        "Chi cục Thủy sản và Kiểm ngư khẩn trương thông báo cấm tàu, thuyền ra khơi."
    )
    assert lead == [
        "địa phương",
        "Ban Chỉ huy Phòng thủ dân sự các xã, phường",
        "Ban Chỉ huy Bộ đội Biên phòng tỉnh",
        "Chi cục Thủy sản và Kiểm ngư",
    ]
    # not another place's: "UBND huyện, Công an xã ..." shares nothing
    [(lead, *_)] = _tasks("UBND tỉnh yêu cầu Sở Y tế, UBND huyện, Công an xã Tân Lập kiểm tra.")
    assert lead == ["Sở Y tế"]  # (not "UBND huyện Tân Lập")


def test_a_request_to_harbour_authorities_and_a_city_named_hai_phong():
    [(lead, *_)] = _tasks(
        "Sở Nông nghiệp và Môi trường đề nghị Sở Xây dựng, Cảng vụ hàng hải Quảng Ninh, Cảng vụ "
        "đường thủy nội địa, Ủy ban nhân dân các địa phương ven biển tạm ngừng cấp phép ra khơi."
    )
    assert lead == [
        "Sở Xây dựng", "Cảng vụ hàng hải Quảng Ninh", "Cảng vụ đường thủy nội địa", "địa phương"
    ]  # fmt: skip
    # the leader with two titles asks; "TP Hải Phòng" is a place, not an office ("Phòng")
    [(lead, *_)] = _tasks(
        "Giám đốc Sở Y tế, Phó Trưởng Ban Chỉ huy Phòng thủ dân sự Bùi Văn Thăng cũng đề nghị "
        "Ban Chỉ huy Bộ đội Biên phòng TP Hải Phòng, UBND các xã, phường ven biển thường xuyên "
        "thông báo cho tàu thuyền."
    )
    assert lead == ["Ban Chỉ huy Bộ đội Biên phòng TP Hải Phòng", "địa phương"]


def test_heads_before_a_group_and_the_members_of_a_command_in_a_list():
    [(lead, *_)] = _tasks(
        "Chủ tịch UBND tỉnh yêu cầu giám đốc, thủ trưởng các sở, ngành, cơ quan đơn vị, thành "
        "viên Ban Chỉ huy Phòng thủ dân sự tỉnh, Chủ tịch Ủy ban Nhân dân các huyện, thành phố "
        "tiếp tục tập trung khắc phục hậu quả mưa lũ."
    )
    assert lead == ["sở, ban, ngành", "cơ quan, đơn vị", "địa phương"]


def test_the_year_of_an_undated_page_is_not_the_end_of_a_term():
    [(_, _, deadline, *_)] = _tasks(
        "UBND tỉnh yêu cầu Sở Y tế hoàn thành báo cáo trước 18 giờ ngày 24-9; chuẩn bị Đại hội "
        "nhiệm kỳ 2025 - 2030 theo kế hoạch năm 2025."
    )
    assert deadline == "2025-09-24"
    # the first year of a span to come is no more the text's year than its last
    [(_, _, deadline, *_)] = _tasks(
        "UBND tỉnh yêu cầu Sở Y tế hoàn thành báo cáo trước ngày 24/9, chuẩn bị kế hoạch giai đoạn "
        "2026-2030 trên cơ sở kết quả năm 2025."
    )
    assert deadline == "2025-09-24"


def test_a_lead_in_that_ends_as_follows_gives_its_items_and_is_no_task():
    tasks = _tasks(
        "Để giữ vững đà tăng trưởng ngành chăn nuôi năm 2021, Bộ Nông nghiệp và Phát triển nông "
        "thôn đề nghị Chủ tịch UBND các tỉnh, thành phố trực thuộc Trung ương chỉ đạo các cơ quan, "
        "đơn vị triển khai một số biện pháp để phát triển chăn nuôi bền vững như sau:\n"
        "1. Rà soát cơ cấu đàn gia súc, gia cầm trên địa bàn tỉnh;\n"
        "2. Tăng cường phát triển chăn nuôi các giống vật nuôi có lợi thế.\n"
    )
    assert [(lead, text[:7]) for lead, _, _, _, text in tasks] == [
        (["địa phương"], "Rà soát"), (["địa phương"], "Tăng cư")
    ]  # fmt: skip


def test_where_to_send_a_report_is_no_task_but_sending_it_is():
    tasks = _tasks(
        "UBND tỉnh đề nghị các Sở Y tế chuẩn bị Báo cáo tổng kết năm 2011.\n\n"
        "Báo cáo xin gửi về Văn phòng UBND tỉnh trước ngày 05/12/2011 để tổng hợp.\n\n"
        "Địa chỉ : Văn phòng UBND tỉnh, số 18 Nguyễn Du, Hà Nội.\n"
    )
    assert [(lead, deadline) for lead, _, deadline, _, _ in tasks] == [
        (["Sở Y tế"], None), (["Sở Y tế"], "2011-12-05")
    ]  # fmt: skip


def test_a_list_goes_on_past_the_places_a_body_of_each_serves():
    [(lead, *_)] = _tasks(
        "Sở Giáo dục và Đào tạo đề nghị các phòng Giáo dục và Đào tạo các huyện, thị xã, thành "
        "phố, các đơn vị trực thuộc sở, Trung tâm Y tế các huyện chỉ đạo cho học sinh nghỉ học."
    )
    assert lead[:2] == ["Phòng Giáo dục và Đào tạo", "cơ quan, đơn vị"] and len(lead) == 3


def test_the_government_of_places_and_units_given_the_investors_role():
    for text in (
        "UBND tỉnh yêu cầu chính quyền các huyện, thành phố rà soát phương án ứng phó.",
        "Chính quyền các huyện, thành phố rà soát, bổ sung các phương án ứng phó với mưa lũ.",
    ):
        [(lead, *_)] = _tasks(text)
        assert lead == ["địa phương"]
    [(lead, *_)] = _tasks(
        "UBND tỉnh yêu cầu thủ trưởng các đơn vị được giao nhiệm vụ chủ đầu tư đẩy nhanh giải ngân."
    )
    assert lead == ["chủ đầu tư"]


def test_a_leader_named_as_a_person_who_has_asked_is_reported_directing():
    [(lead, *_)] = _tasks(
        "Tại buổi làm việc, ông Nguyễn Tấn Tuân đã yêu cầu Sở Kế hoạch và Đầu tư rà soát kế hoạch "
        "vốn."
    )
    assert lead == ["Sở Kế hoạch và Đầu tư"]
    # what a document gave before is still background
    assert (
        _tasks("Văn bản số 12/UBND-KT đã yêu cầu Sở Kế hoạch và Đầu tư rà soát kế hoạch vốn.") == []
    )


def test_a_district_office_named_with_its_bare_level_is_the_office():
    [(lead, support, *_)] = _tasks(
        "UBND quận giao Phòng Văn hóa và Thông tin quận chủ trì tổ chức Hội sách, phối hợp Phòng "
        "Tài chính - Kế hoạch huyện."
    )
    assert (lead, support) == (["Phòng Văn hóa và Thông tin"], ["Phòng Tài chính - Kế hoạch"])


def test_a_news_lead_listing_everyone_is_retold_by_the_bodys_lead_and_partners():
    [(lead, support, *_)] = _tasks(
        "Bình Định: chuẩn bị cho học sinh trở lại trường\n\n"
        "Ngày 3/11, UBND tỉnh Bình Định đã có văn bản khẩn yêu cầu Sở Giáo dục và Đào tạo, Sở Y "
        "tế cùng UBND các huyện, thị xã xây dựng kế hoạch đón học sinh trở lại trường học trên địa "
        "bàn tỉnh từ ngày 15/11.\n\n"
        "Theo đó, UBND tỉnh giao Sở GD-ĐT tỉnh Bình Định chủ trì, phối hợp với Sở Y tế và UBND các "
        "huyện, thị xã khẩn trương xây dựng kế hoạch đón học sinh trở lại trường học trên địa bàn "
        "tỉnh từ ngày 15/11, bảo đảm an toàn phòng dịch."
    )
    assert (lead[0].startswith("Sở Giáo dục và Đào tạo"), support) == (
        True,
        ["Sở Y tế", "địa phương"],
    )


def test_a_news_paragraph_on_the_letter_issued_that_day_is_summed_up_by_its_body():
    [(lead, *_)] = _tasks(
        "Đồn Biên phòng Cô Tô bắn pháo hiệu kêu gọi tàu thuyền về nơi tránh trú an toàn.\n\n"
        "Cũng trong ngày 22-9, UBND tỉnh Quảng Ninh ban hành Công văn số 3418/UBND-TC yêu cầu các "
        "sở, ngành và các địa phương khẩn trương triển khai các biện pháp ứng phó với bão.\n\n"
        "UBND tỉnh Quảng Ninh yêu cầu Thủ trưởng các sở, ngành, địa phương, đơn vị trên địa bàn "
        "tỉnh nhanh chóng triển khai ngay các phương án phòng chống bão từ sớm, từ xa."
    )
    assert lead == ["sở, ban, ngành", "địa phương", "cơ quan, đơn vị"]


def test_giving_the_responsibility_to_a_head_names_the_body():
    [(lead, *_)] = _tasks(
        "UBND Tỉnh giao trách nhiệm Giám đốc Sở Giáo dục và Đào tạo tham mưu kế hoạch năm học mới."
    )
    assert lead == ["Sở Giáo dục và Đào tạo"]


def test_in_a_report_a_body_saying_what_it_will_do_is_asked_by_no_one():
    tasks = _tasks(
        "UBND quận giao Phòng Y tế chủ trì kiểm tra an toàn thực phẩm.\n\n"
        "Ban Chỉ đạo thành phố sẽ kiểm tra công tác chuẩn bị tại các quận, huyện."
    )
    assert [lead for lead, *_ in tasks] == [["Phòng Y tế"]]
    # what a body named in the text's header will do is the header's own business too; a
    # body asked to do it is asked ("giao Sở Y tế ... Sở Y tế sẽ ..." in one task)
    [(lead, _, _, recurrence, _)] = _tasks(
        "UBND tỉnh giao Sở Y tế chủ trì giám sát dịch bệnh tại các xã. Cơ quan này sẽ tiếp tục "
        "giám sát chặt chẽ các ổ dịch và báo cáo hằng tuần."
    )
    assert (lead, recurrence) == (["Sở Y tế"], "weekly")


def test_a_sector_after_the_2025_merger_is_the_merged_department():
    [(lead, *_)] = _tasks(
        "Ngày 5/1/2026, UBND tỉnh yêu cầu ngành nông nghiệp hướng dẫn nông dân xuống giống."
    )
    assert lead == ["Sở Nông nghiệp và Môi trường"]
    [(lead, *_)] = _tasks(
        "Ngày 5/1/2024, UBND tỉnh yêu cầu ngành nông nghiệp hướng dẫn nông dân xuống giống."
    )
    assert lead == ["Sở Nông nghiệp và Phát triển nông thôn"]


def test_an_urgent_letter_directing_and_a_leader_who_signed_one_sent_to_groups():
    [(lead, *_)] = _tasks(
        "UBND tỉnh Đồng Tháp ban hành văn bản chỉ đạo khẩn các sở, ngành và địa phương triển khai "
        "các biện pháp phòng chống sạt lở."
    )
    assert lead == ["sở, ban, ngành", "địa phương"]
    [(lead, *_)] = _tasks(
        "Ông Trần Văn Lâu, Chủ tịch UBND TP Cần Thơ vừa ký ban hành văn bản gửi các sở, ngành "
        "và các địa phương yêu cầu bảo đảm an toàn giao thông."
    )
    assert lead == ["sở, ban, ngành", "địa phương"]


def test_places_given_a_task_by_the_province_in_the_passive():
    [(lead, *_)] = _tasks(
        "UBND các huyện Trần Văn Thời và U Minh được tỉnh giao theo dõi, cập nhật phương án "
        "chống hạn."
    )
    assert lead == ["UBND huyện Trần Văn Thời", "UBND huyện U Minh"]


def test_paragraphs_that_go_on_with_the_task_before_in_a_report():
    tasks = _tasks(
        "Chủ tịch UBND tỉnh yêu cầu UBND các huyện, thành phố theo dõi chặt chẽ diễn biến mưa lũ.\n\n"
        "Đối với các khu vực dễ bị ảnh hưởng của lũ, sạt lở đất… thông báo, cảnh báo kịp thời cho "
        "người dân biết để chủ động ứng phó.\n\n"
        "Tạm ngừng cấp phép cho các phương tiện thủy ra khơi.\n\n"
        "Các công việc này phải hoàn thành trước 21h00 ngày 20/7/2025.\n"
    )
    assert [(lead, deadline) for lead, _, deadline, _, _ in tasks] == [
        (["địa phương"], None), (["địa phương"], None), (["địa phương"], None),
        (["địa phương"], "2025-07-20"),
    ]  # fmt: skip
    # what was done there is background
    tasks = _tasks(
        "Chủ tịch UBND tỉnh yêu cầu UBND các huyện theo dõi chặt chẽ diễn biến mưa lũ.\n\n"
        "Đối với các khu vực sạt lở, năm qua tỉnh đã di dời 300 hộ dân.\n"
    )
    assert len(tasks) == 1


def test_a_caption_that_repeats_a_summed_up_lead_goes_with_it():
    tasks = _tasks(
        "Hải Phòng cấm biển, kêu gọi phương tiện vào nơi tránh trú\n\n"
        "TP Hải Phòng đã ban hành lệnh cấm biển; đồng thời yêu cầu các địa phương, đơn vị khẩn "
        "trương kêu gọi tàu thuyền, lao động hoạt động trên biển vào nơi tránh trú an toàn.\n\n"
        "Đồng thời, yêu cầu Bộ Chỉ huy Quân sự, Ủy ban nhân dân các xã, phường, đặc khu thường "
        "xuyên thông báo, kêu gọi tàu thuyền đang hoạt động trên biển vào nơi tránh trú an toàn.\n\n"
        "TP Hải Phòng yêu cầu các địa phương, đơn vị khẩn trương kêu gọi tàu thuyền, lao động "
        "hoạt động trên biển vào nơi tránh trú an toàn.\n"
    )
    assert [lead for lead, *_ in tasks] == [["Bộ Chỉ huy Quân sự", "địa phương"]]


def test_lists_after_a_colon_name_the_members_of_the_group():
    [(lead, *_)] = _tasks(
        "Thủ tướng yêu cầu Các Bộ: Công an, Quốc phòng, Lao động – Thương binh và Xã hội và Ủy "
        "ban nhân dân các tỉnh, thành phố trực thuộc Trung ương tăng cường kiểm tra."
    )
    assert lead == [
        "Bộ Công an", "Bộ Quốc phòng", "Bộ Lao động - Thương binh và Xã hội", "địa phương"
    ]  # fmt: skip
    [(_, support, *_)] = _tasks(
        "UBND tỉnh giao Sở Giao thông vận tải chủ trì, phối hợp với các sở, ngành: Công an tỉnh, "
        "Y tế, Báo Hà Nam tổ chức tuyên truyền."
    )
    assert support == ["Công an tỉnh", "Sở Y tế", "Báo Hà Nam"]


def test_an_undated_report_counts_no_week_from_a_day_it_does_not_give():
    [(_, _, deadline, *_), (_, _, dated, *_)] = _tasks(
        "Năm 2021 là năm khó khăn. Chủ tịch UBND TP đề nghị trong tuần sau, Sở GD&ĐT khẩn trương đánh "
        "giá thí điểm việc đi học trở lại.\n\n"
        "UBND TP yêu cầu Sở Y tế báo cáo trước ngày 15/12.\n"
    )
    assert (deadline, dated) == (None, "2021-12-15")


def test_the_ministers_and_heads_of_ministry_level_bodies_are_the_governments_departments():
    [(lead, *_)] = _tasks(
        "Thủ tướng Chính phủ yêu cầu:\n\n"
        "Bộ trưởng các Bộ, Thủ trưởng cơ quan ngang Bộ, cơ quan thuộc Chính phủ và Chủ tịch UBND "
        "các tỉnh, thành phố trực thuộc Trung ương chỉ đạo thực hiện hiệu quả các biện pháp."
    )
    assert lead == ["sở, ban, ngành", "địa phương"]


def test_what_the_government_asked_before_does_not_make_a_report_the_governments():
    tasks = _tasks(
        "Trước đó, Văn phòng Chính phủ đã ban hành Công văn số 3167/VPCP-V.I ngày 14/5 yêu cầu "
        "tỉnh Vĩnh Phúc kiểm tra, giải quyết dứt điểm phản ánh về đất đai.\n\n"
        "Theo đó, UBND tỉnh Vĩnh Phúc chỉ đạo Sở Tài nguyên & Môi trường khẩn trương tổ chức "
        "công khai bản đồ thu hồi đất.\n"
    )
    assert tasks[-1][0] == ["Sở Tài nguyên và Môi trường"]


def test_the_leader_saying_what_they_will_do_is_no_continuation():
    tasks = _tasks(
        "Phó Thủ tướng yêu cầu Bộ trưởng Bộ Tài chính báo cáo về tình hình thị trường chứng "
        "khoán.\n\n"
        "Trên cơ sở đó, Phó Thủ tướng sẽ họp với Bộ trưởng Bộ Tài chính để thống nhất giải pháp.\n"
    )
    assert len(tasks) == 1


def test_a_label_over_items_each_opening_as_a_sentence_gives_one_task_each():
    tasks = _tasks(
        "Đối với Bộ Y tế: Đẩy nhanh tiến độ tiêm chủng vắc xin phòng bệnh Sởi, kết thúc chậm nhất "
        "ngày 31/3/2025; Đảm bảo đủ vắc xin phòng bệnh Sởi cho các địa phương; Phối hợp với Bộ "
        "Tài chính bố trí đủ kinh phí trước ngày 18/3/2025.\n\n"
        "Đối với UBND các tỉnh, thành phố trực thuộc Trung ương: Có kế hoạch tổ chức chiến dịch "
        "tiêm vắc xin phòng bệnh Sởi.\n"
    )
    assert [(lead, deadline) for lead, _, deadline, _, _ in tasks] == [
        (["Bộ Y tế"], "2025-03-31"), (["Bộ Y tế"], None), (["Bộ Y tế"], "2025-03-18"),
        (["địa phương"], None),
    ]  # fmt: skip
    # a list of names inside the label's items is one task
    [(lead, *_)] = _tasks(
        "2. Bộ Y tế: Mời đại diện lãnh đạo các đơn vị thuộc Bộ Y tế: Cục Phòng bệnh, Cục Quản lý "
        "Khám, chữa bệnh; Tổng hợp danh sách gửi Văn phòng Chính phủ trước ngày 8/10/2025.\n"
    )
    assert lead == ["Bộ Y tế"]


def test_a_committee_and_a_department_of_each_province_and_a_department_cut_short():
    [(lead, *_)] = _tasks(
        "Bộ Y tế vừa có văn bản gửi UBND và Sở Y tế các tỉnh, thành phố trực thuộc Trung ương, "
        "đề nghị xây dựng kế hoạch tiêm chủng."
    )
    assert lead == ["địa phương", "Sở Y tế"]
    [(lead, support, *_)] = _tasks(
        "UBND thành phố giao Sở Giáo dục phối hợp Sở Y tế kiểm tra an toàn thực phẩm trường học."
    )
    assert (lead, support) == (["Sở Giáo dục và Đào tạo"], ["Sở Y tế"])


def test_a_communes_own_bodies_named_by_their_level():
    [(lead, *_)] = _tasks("2. Đề nghị Ủy ban MTTQ phường tuyên truyền vận động nhân dân.")
    assert lead == ["Ủy ban Mặt trận Tổ quốc Việt Nam phường"]
    [(lead, *_)] = _tasks("Ban CHQS xã tham mưu UBND xã tổ chức huấn luyện dân quân.")
    assert lead == ["Ban Chỉ huy Quân sự xã"]


def test_a_labels_items_with_a_statement_of_accountability_stay_one_task():
    [(lead, *_)] = _tasks(
        "1. Chủ tịch UBND 36 phường, xã: Khẩn trương, nghiêm túc triển khai chỉ đạo của UBND thành "
        "phố tại công văn số 3724/UBND-TM; Chủ tịch UBND các phường, xã chịu trách nhiệm trước Chủ "
        "tịch UBND thành phố nếu để xảy ra vi phạm.\n"
    )
    assert lead == ["địa phương"]


def test_a_headline_opening_on_the_committee_is_no_header_and_members_of_a_board_asked():
    extraction = extract_text(
        "UBND tỉnh Vĩnh Phúc ban hành Kế hoạch cải cách hành chính năm 2020\n\n"
        "Ngày 30/12/2019 UBND tỉnh Vĩnh Phúc đã ban hành Kế hoạch số 180/KH-UBND về cải cách hành "
        "chính năm 2020. UBND tỉnh đã yêu cầu Thủ trưởng các sở, ban, ngành, Chủ tịch UBND các "
        "huyện, thành phố nêu cao tinh thần trách nhiệm trong cải cách hành chính.\n",
        today=TODAY,
    )
    assert (extraction.meta.number, extraction.meta.date) == ("180/KH-UBND", date(2019, 12, 30))
    assert [[m.name for m in t.lead] for t in extraction.tasks] == [
        ["sở, ban, ngành", "địa phương"]
    ]
    tasks = _tasks(
        "Sở Xây dựng chủ trì họp định kỳ hàng tháng để nghe báo cáo tiến độ. Đề nghị các đồng chí "
        "Ban Chỉ đạo dự án tập trung thực hiện nhiệm vụ được giao."
    )
    assert [lead for lead, *_ in tasks] == [["Sở Xây dựng"], ["Ban Chỉ đạo dự án"]]


def test_common_verbs_after_a_subject_end_its_name():
    extraction = extract_text(
        "Sở Giáo dục yêu cầu Trung tâm Giáo dục nghề nghiệp tranh thủ thời gian ôn tập cho học "
        "viên; Phòng Văn hóa khuyến cáo người dân không tụ tập đông người.",
        today=TODAY,
    )
    names = {m.name for t in extraction.tasks for m in t.lead}
    assert names == {"Trung tâm Giáo dục nghề nghiệp", "Phòng Văn hóa"}
    for verb in ("huy động", "vận động", "theo dõi", "phổ biến", "quán triệt"):
        [(lead, *_)] = _tasks(f"UBND tỉnh giao Trung tâm Khuyến nông {verb} các hộ dân.")
        assert lead == ["Trung tâm Khuyến nông"], verb


def test_in_a_report_a_task_ending_on_its_list_passes_its_assignees_to_the_items():
    tasks = _tasks(
        "Theo đó, Bộ Y tế đề nghị Chủ tịch UBND các tỉnh, thành phố trực thuộc Trung ương thành lập "
        "Ban Chỉ đạo chiến dịch tiêm chủng năm 2024 cấp tỉnh để chỉ đạo các sở, ngành, đoàn thể, "
        "chính quyền các cấp phối hợp với Sở Y tế chuẩn bị và tổ chức tốt chiến dịch với những nội "
        "dung chính sau:\n"
        "– Đẩy mạnh công tác tuyên truyền về chiến dịch;\n"
        "– Tăng cường kiểm tra việc bảo quản vắc xin tại các điểm tiêm.\n"
    )
    assert [lead for lead, *_ in tasks] == [["địa phương"]] * 3


def test_a_span_of_years_a_hard_wrap_cut_is_not_a_list_item():
    [(lead, _, _, _, text)] = _tasks(
        "UBND tỉnh yêu cầu các sở, ban, ngành rà soát kế hoạch đầu tư công trung hạn giai đoạn "
        "2016\n- 2020; tổng hợp nhu cầu vốn và báo cáo UBND tỉnh.\n"
    )
    assert lead == ["sở, ban, ngành"] and text.endswith("báo cáo UBND tỉnh.")
    # a real item under a line that ends on a year stays an item
    tasks = _tasks(
        "UBND tỉnh yêu cầu các sở, ban, ngành thực hiện trong năm 2020:\n- Rà soát dự án.\n"
    )
    assert [t[4] for t in tasks] == ["Rà soát dự án."]


def test_provinces_named_after_their_committees_group():
    [(lead, *_)] = _tasks(
        "Thủ tướng giao Chủ tịch UBND các tỉnh Tây Ninh, Bình Phước, Bình Dương chỉ đạo kiểm tra."
    )
    assert lead == ["UBND tỉnh Tây Ninh", "UBND tỉnh Bình Phước", "UBND tỉnh Bình Dương"]


def test_an_office_handing_conclusions_on_gives_no_task_a_letters_own_closing_does():
    tasks = _tasks(
        "1. Bộ Tài chính chủ trì rà soát cơ chế tài chính của dự án.\n\n"
        "Văn phòng Chính phủ thông báo để Bộ Tài chính biết, thực hiện./.\n"
    )
    assert [lead for lead, *_ in tasks] == [["Bộ Tài chính"]]
    tasks = _tasks(
        "Đề nghị UBND các xã, phường rà soát nhu cầu sử dụng đất.\n\n"
        "Sở Nông nghiệp và Môi trường có ý kiến để UBND các xã, phường biết, thực hiện./.\n"
    )
    assert [lead for lead, *_ in tasks] == [["địa phương"], ["địa phương"]]


def test_under_an_account_a_paragraph_that_asks_bodies_on_a_basis_is_a_task():
    tasks = _tasks(
        "Chủ tịch UBND tỉnh yêu cầu Giám đốc các sở lập kế hoạch đầu tư công, với các nội dung "
        "sau:\n"
        "I. ĐÁNH GIÁ TÌNH HÌNH THỰC HIỆN KẾ HOẠCH ĐẦU TƯ CÔNG GIAI ĐOẠN 2021-2025\n"
        "Căn cứ kế hoạch phát triển kinh tế - xã hội của tỉnh; tình hình thực hiện năm 2024, yêu "
        "cầu các sở, ban, ngành, UBND các huyện khẩn trương đánh giá tình hình thực hiện kế hoạch.\n"
        "Năm 2024, các sở, ban, ngành đã giải ngân 95% kế hoạch vốn.\n"
    )
    assert [lead for lead, *_ in tasks][-1] == ["sở, ban, ngành", "địa phương"]
    assert not any(text.startswith("Năm 2024") for *_, text in tasks)


def test_an_ask_of_no_one_then_those_it_names_after_trong_do():
    [(lead, _, deadline, *_)] = _tasks(
        "Về nhiệm vụ trọng tâm tháng 9.2022, ông Phan Văn Mãi yêu cầu tập trung cho công tác phòng "
        "chống dịch, trong đó ngành giáo dục và UBND các quận, huyện tăng tốc tiêm vắc xin."
    )
    assert (lead, deadline) == (["Sở Giáo dục và Đào tạo", "địa phương"], "2022-09-30")


def test_heads_opening_a_subject_list_a_letter_sent_about_an_action_and_the_provinces_leaders():
    [(lead, support, *_)] = _tasks(
        "Chỉ huy trưởng Bộ Chỉ huy Bộ đội Biên phòng tỉnh, Giám đốc Sở NN&PTNT, Chi cục trưởng Chi "
        "cục Thủy sản phối hợp với các địa phương ven biển theo dõi chặt chẽ tàu thuyền."
    )
    assert lead == [
        "Bộ Chỉ huy Bộ đội Biên phòng tỉnh", "Sở Nông nghiệp và Phát triển nông thôn",
        "Chi cục Thủy sản",
    ] and support == ["địa phương"]  # fmt: skip
    [(lead, *_)] = _tasks(
        "UBND thành phố Nha Trang đã ký văn bản khẩn gửi Phòng Văn hóa và Thông tin, Công an "
        "thành phố về việc kiểm tra, xử lý vi phạm."
    )
    assert lead == ["Phòng Văn hóa và Thông tin", "Công an Thành phố"]
    [(lead, *_)] = _tasks(
        "Lãnh đạo tỉnh và Ban Chỉ huy đã yêu cầu các địa phương, đơn vị tiếp tục theo dõi chặt "
        "chẽ diễn biến của bão."
    )
    assert lead == ["địa phương", "cơ quan, đơn vị"]


def test_more_short_forms_inside_names_are_spelled_out():
    for written, name in (
        ("BQL DA các công trình giao thông", "Ban Quản lý dự án các công trình giao thông"),
        ("Phòng CSGT", "Phòng Cảnh sát giao thông"),
        ("Văn phòng Điều phối Chương trình xây dựng NTM tỉnh",
         "Văn phòng Điều phối Chương trình xây dựng nông thôn mới tỉnh"),
    ):  # fmt: skip
        [(lead, *_)] = _tasks(f"UBND tỉnh giao {written} đẩy nhanh tiến độ.")
        assert lead == [name], written


def test_the_city_offices_deputy_head_conveying_an_ask_is_not_its_assignee():
    [(lead, _, deadline, *_)] = _tasks(
        "Về vấn đề này, Phó Chánh Văn phòng UBND TP Hà Nội Võ Tuấn Anh vừa ký văn bản truyền đạt "
        "ý kiến chỉ đạo của Phó Chủ tịch UBND TP giao Chủ tịch UBND quận Bắc Từ Liêm kiểm tra, "
        "giải quyết theo quy định; báo cáo kết quả về UBND TP trước ngày 31/10/2020."
    )
    assert (lead, deadline) == (["UBND quận Bắc Từ Liêm"], "2020-10-31")


def test_the_head_of_an_office_opening_a_sentence_stands_for_it():
    [(lead, *_)] = _tasks(
        "Trưởng phòng Giáo dục và Đào tạo các quận, huyện, thị xã nắm rõ mốc thời gian tuyển sinh."
    )
    assert lead == ["Phòng Giáo dục và Đào tạo"]


def test_an_item_ending_on_its_own_list_keeps_the_intro_for_its_siblings():
    tasks = _tasks(
        "Sở Y tế đề nghị giám đốc các sở, thủ trưởng các ban, ngành cấp tỉnh; Chủ tịch UBND các "
        "huyện, thành phố trong tỉnh chỉ đạo đơn vị liên quan thực hiện tốt các nội dung:\n"
        "(1) Thực hiện nghiêm việc đeo khẩu trang đối với các đối tượng:\n"
        "Cán bộ, công chức, viên chức khi đến công sở.\n"
        "Hành khách trên các phương tiện công cộng.\n"
        "(2) Tuyên truyền, vận động người dân thực hiện 2K.\n"
    )
    assert [(list(dict.fromkeys(lead)), text[:9]) for lead, *_, text in tasks] == [
        (["sở, ban, ngành", "địa phương"], "Thực hiện"),
        (["sở, ban, ngành", "địa phương"], "Tuyên tru"),
    ]


def test_items_counted_in_words_are_items_and_a_communes_bodies_in_small_letters_are_named():
    tasks = _tasks(
        "Để phòng ngừa cháy nổ trong mùa hanh khô, UBND phường yêu cầu:\n\n"
        "Một là, công an phường chủ trì, phối hợp Ban chỉ huy quân sự phường kiểm tra các cơ sở "
        "kinh doanh, hoàn thành trước ngày 30/11/2026.\n\n"
        "Hai là: Văn phòng HĐND và UBND phường tổng hợp kết quả, báo cáo Chủ tịch UBND phường.\n"
    )
    assert [(lead, support, deadline, text[:8]) for lead, support, deadline, _, text in tasks] == [
        (["Công an phường"], ["Ban chỉ huy quân sự phường"], "2026-11-30", "công an "),
        (["Văn phòng HĐND và UBND phường"], [], None, "Văn phòn"),
    ]


def test_a_task_counted_in_words_goes_on_with_the_assignees_before_it():
    tasks = _tasks(
        "UBND tỉnh giao Sở Xây dựng tổ chức thực hiện một số nội dung.\n\n"
        "Hai là, rà soát các công trình xuống cấp trên địa bàn.\n"
    )
    assert [lead for lead, *_ in tasks] == [["Sở Xây dựng"], ["Sở Xây dựng"]]


def test_a_minister_named_by_his_field_stands_for_his_ministry():
    tasks = _tasks(
        "Thủ tướng Chính phủ vừa ký Công điện số 12/CĐ-TTg ngày 4/2/2025.\n\n"
        "Thủ tướng Chính phủ yêu cầu các bộ, cơ quan, địa phương khẩn trương xử lý công việc.\n\n"
        "Thủ tướng yêu cầu Bộ trưởng Công an chỉ đạo công an các địa phương bảo đảm an ninh.\n\n"
        "Ban Chỉ đạo phòng thủ dân sự quốc gia đề nghị 32 tỉnh, thành phố chủ động ứng phó.\n"
    )
    assert [lead for lead, *_ in tasks] == [
        ["cơ quan, đơn vị", "địa phương"],  # ("các bộ, cơ quan" one group, as train's gold)
        ["Bộ Công an"],
        ["địa phương"],
    ]


def test_in_a_ministrys_text_the_ministries_it_asks_are_of_its_own_level():
    text = (
        "Bộ trưởng Bộ Nông nghiệp và Môi trường ban hành Công điện số 5630/CĐ-BNNMT ngày "
        "16/8/2025.\n\nBộ trưởng đề nghị các bộ, ngành và UBND các tỉnh ven biển theo dõi chặt "
        "chẽ diễn biến của áp thấp nhiệt đới.\n"
    )
    [(lead, *_)] = _tasks(text)
    assert lead == ["sở, ban, ngành", "địa phương"]
    # a province's text asks the central ministries: no sectors of its own level
    [(lead, *_)] = _tasks(
        text.replace("5630/CĐ-BNNMT", "563/CĐ-UBND").replace("Bộ trưởng", "Chủ tịch UBND tỉnh")
    )
    assert "sở, ban, ngành" not in lead


def test_a_task_that_ends_on_its_list_of_duties_passes_its_assignees_to_the_items():
    intro = (
        "ỦY BAN NHÂN DÂN TỈNH NINH THUẬN\nSố: 10/CT-UBND\nNinh Thuận, ngày 26 tháng 6 năm 2022\n"
        "CHỈ THỊ\nVề tăng cường công tác phòng, chống thiên tai\n"
        "Những năm gần đây, thiên tai ngày càng cực đoan, bất thường, khó dự báo. Để chủ động "
        "phòng, chống thiên tai, Chủ tịch UBND tỉnh yêu cầu các sở, ban, ngành, UBND các huyện "
        "tiếp tục chỉ đạo, chủ động triển khai công tác phòng, chống thiên tai theo chức năng "
        "quản lý nhà nước và nhiệm vụ được phân công, tập trung một số nhiệm vụ cụ thể sau:\n"
    )
    tasks = _tasks(
        intro + "1. Tiếp tục triển khai thực hiện nghiêm các chỉ thị của Thủ tướng.\n"
        "2. Rà soát, hoàn thiện phương án ứng phó với bão mạnh.\n"
    )
    assert [(lead, text[:8]) for lead, *_, text in tasks] == [
        (["sở, ban, ngành", "địa phương"], "Để chủ đ"),
        (["sở, ban, ngành", "địa phương"], "Tiếp tục"),
        (["sở, ban, ngành", "địa phương"], "Rà soát,"),
    ]
    # a list whose items name their own assignees takes nothing from above
    tasks = _tasks(intro + "1. Sở Xây dựng:\na) Rà soát các công trình.\n")
    assert [lead for lead, *_ in tasks][1:] == [["Sở Xây dựng"]]


def test_a_retelling_that_names_more_of_whom_it_asks_is_the_task():
    tasks = _tasks(
        "UBND tỉnh yêu cầu Sở Y tế tăng cường kiểm tra an toàn thực phẩm\n\n"
        "Theo đó, UBND tỉnh yêu cầu Sở Y tế, Sở Công Thương tăng cường kiểm tra an toàn thực "
        "phẩm trong dịp Tết.\n"
    )
    assert [(lead, text[:7]) for lead, *_, text in tasks] == [
        (["Sở Y tế", "Sở Công Thương"], "Theo đó")
    ]


def test_a_dispatch_sent_to_leaders_after_its_long_number_asks_them():
    [(lead, *_)] = _tasks(
        "Phó Thủ tướng Chính phủ Hồ Đức Phớc vừa ký Công điện số 180/CĐ-TTg ngày 30/9/2025 của "
        "Thủ tướng Chính phủ, gửi Bộ trưởng Bộ Tài chính, Bộ trưởng Bộ Nội vụ và Chủ tịch Ủy ban "
        "nhân dân các tỉnh, thành phố trực thuộc Trung ương, yêu cầu tập trung xử lý ngay những "
        "tồn tại, vướng mắc."
    )
    assert lead == ["Bộ Tài chính", "Bộ Nội vụ", "địa phương"]


def test_a_caption_with_its_photo_credit_in_brackets_is_no_task():
    tasks = _tasks(
        "Tỉnh Đắk Lắk chỉ đạo các địa phương quản lý chặt chẽ tàu thuyền (Ảnh minh họa: Minh Châu)."
        "\n\nĐể chủ động ứng phó với bão, tỉnh Đắk Lắk yêu cầu các sở, ngành theo dõi sát diễn "
        "biến của cơn bão.\n"
    )
    assert [lead for lead, *_ in tasks] == [["sở, ban, ngành"]]


def test_a_city_written_short_after_and_is_its_committee():
    [(lead, *_)] = _tasks("UBND tỉnh yêu cầu UBND thị xã Sông Cầu và TP Tuy Hòa sơ tán dân.")
    assert lead == ["UBND thị xã Sông Cầu", "UBND thành phố Tuy Hòa"]


def test_the_traffic_sector_and_the_specialised_bodies_in_a_list_of_groups():
    [(lead, *_)] = _tasks("UBND tỉnh yêu cầu ngành giao thông bảo đảm an toàn các tuyến đường.")
    assert lead == ["Sở Giao thông vận tải"]
    [(lead, *_)] = _tasks(
        "Sở Nông nghiệp đề nghị các địa phương, cơ quan chuyên môn tăng cường kiểm tra hồ đập."
    )
    assert lead == ["địa phương", "sở, ban, ngành"]


def test_a_paragraph_that_goes_on_from_the_one_before_is_no_lead_its_body_retells():
    text = (
        "Ngày 15.1, Thứ trưởng Bộ Nông nghiệp và Môi trường đã ký văn bản đề nghị chủ động ứng "
        "phó rét đậm.\n\n"
        "Theo đó, Ban Chỉ đạo phòng thủ dân sự quốc gia đề nghị 32 tỉnh, thành phố chủ động ứng "
        "phó với rét đậm, rét hại và gió mạnh trên biển.\n\n"
        "Đối với rét đậm, rét hại, Ban Chỉ đạo phòng thủ dân sự quốc gia đề nghị các tỉnh, thành "
        "phố Bắc bộ theo dõi chặt chẽ bản tin cảnh báo.\n"
    )
    assert [text[:7] for *_, text in _tasks(text)] == ["Theo đó", "Đối với"]


def test_the_day_before_which_something_was_already_approved_is_no_deadline():
    text = (
        "Đối với các dự án đã được UBND tỉnh phê duyệt trước ngày 31/5/2021, các chủ đầu tư "
        "khẩn trương hoàn thiện hồ sơ quyết toán."
    )
    [(_, _, deadline, *_)] = _tasks(text)
    assert deadline is None  # which projects, not when
    # not yet approved: the day it must be done by
    [(_, _, deadline, *_)] = _tasks(text.replace("đã được", "chưa được"))
    assert deadline == "2021-05-31"


def test_a_page_whose_text_kept_its_markup_is_read_as_text():
    page = (
        "UBND tỉnh triển khai thực hiện kết luận\n17-8-2021\n"
        '<p style="text-align: justify;"><span style="font-family: arial;">Ủy ban nh&acirc;n '
        "d&acirc;n tỉnh y&ecirc;u cầu:</span></p> <p><span><strong>1.</strong> C&aacute;c Sở, "
        "ban ng&agrave;nh tiếp tục thực hiện c&oacute; hiệu quả c&aacute;c chỉ đạo của tỉnh về "
        "ph&ograve;ng, chống dịch.</span></p>"
    )
    [(lead, *_, text)] = _tasks(page)
    assert lead == ["sở, ban, ngành"] and "<" not in text and text.startswith("Các Sở")


def test_a_line_that_ends_on_the_kind_of_a_document_runs_on():
    [(lead, *_, text)] = _tasks(
        "Thực hiện Luật Đầu tư công, Luật\n"
        "Ngân sách nhà nước, Chủ tịch UBND tỉnh yêu cầu Giám đốc các sở, Giám đốc các Ban Quản lý "
        "dự án chuyên ngành, các chủ đầu tư triển khai việc lập kế hoạch đầu tư công."
    )
    assert text.startswith("Thực hiện Luật Đầu tư công, Luật Ngân sách")
    # (a title before "các" in the list: "Giám đốc các Ban Quản lý ...")
    assert lead == ["sở, ban, ngành", "Ban Quản lý dự án chuyên ngành", "chủ đầu tư"]


def test_a_board_named_before_what_it_must_draw_up_ends_there():
    [(lead, *_)] = _tasks(
        "Chủ tịch UBND tỉnh yêu cầu Ban Quản lý các khu công nghiệp xây dựng biểu đồ tiến độ."
    )
    assert lead == ["Ban Quản lý các khu công nghiệp"]


def test_a_report_without_a_number_is_dated_by_the_day_its_ask_paragraph_opens_on():
    meta = extract_text(
        "Hải Phòng: Yêu cầu người dân không ra khỏi nhà\n\n"
        "PV-Thứ bảy, ngày 07/09/2024 17:14 GMT+7\n\n"
        "Ngày 7/9, căn cứ tình hình thực tế cơn bão số 3 và ý kiến chỉ đạo của Thủ tướng Chính "
        "phủ tại Hội nghị trưa cùng ngày, Chủ tịch UBND thành phố yêu cầu các sở, ngành tập trung "
        "ứng phó bão.\n",
        today=TODAY,
    ).meta
    assert meta.number is None and meta.date == date(2024, 9, 7)


def test_two_classes_joined_by_and_are_two_assignees():
    [(lead, *_)] = _tasks(
        "Chủ đầu tư, các đơn vị tư vấn và nhà thầu thi công rà soát các biện pháp an toàn."
    )
    assert lead == ["chủ đầu tư", "các đơn vị tư vấn", "nhà thầu thi công"]


def test_the_whole_province_is_no_part_of_a_bodys_name():
    [(lead, *_)] = _tasks(
        "Giám đốc Công an tỉnh yêu cầu Phòng Cảnh sát giao thông toàn tỉnh tuần tra."
    )
    assert lead == ["Phòng Cảnh sát giao thông"]


def test_in_a_report_units_saying_what_they_will_do_after_a_connector_are_asked_by_no_one():
    assert (
        _tasks(
            "Hà Tĩnh ra quân cao điểm\n\n"
            "Theo đó, các đơn vị nghiệp vụ sẽ huy động tối đa lực lượng, phương tiện.\n"
        )
        == []
    )


def test_a_list_goes_on_past_the_level_of_its_groups_and_each_group_of_an_enumeration_counts():
    [(lead, *_)] = _tasks(
        "UBND huyện đề nghị các cơ quan, ban, ngành, đoàn thể huyện, UBND các xã, thị trấn "
        "nghiên cứu hồ sơ."
    )
    assert lead == ["sở, ban, ngành", "đoàn thể", "địa phương"]
    [(lead, *_)] = _tasks(
        "Chủ tịch UBND thị xã yêu cầu Thủ trưởng các Phòng, ban, đơn vị trực ban."
    )
    assert lead == ["sở, ban, ngành", "cơ quan, đơn vị"]


def test_the_head_of_an_office_in_small_letters_asked_to_direct_stands_for_it():
    [(lead, *_)] = _tasks(
        "Sở Giáo dục và Đào tạo Hà Nội vừa ban hành văn bản đề nghị trưởng phòng Giáo dục và Đào "
        "tạo các quận, huyện, thị xã chỉ đạo các trường mầm non tạm dừng việc rà soát dữ liệu."
    )
    assert lead == ["Phòng Giáo dục và Đào tạo"]


def test_those_a_department_guides_to_carry_out_its_items_are_their_assignees():
    tasks = _tasks(
        "Số: 1557/SGDĐT-GDPT\nThành phố Hồ Chí Minh, ngày 19 tháng 8 năm 2025\n\n"
        "Sở Giáo dục và Đào tạo hướng dẫn các cơ sở giáo dục phổ thông thực hiện nhiệm vụ năm "
        "học 2025 - 2026 như sau:\n"
        "1. Thực hiện hiệu quả Chương trình giáo dục phổ thông 2018.\n"
    )
    assert [lead for lead, *_ in tasks] == [["các cơ sở giáo dục phổ thông"]]


def test_one_persons_titles_before_his_name_and_what_he_says_is_no_task():
    assert (
        _tasks(
            "(KGO) - Giám đốc Sở Nông nghiệp và Phát triển nông thôn, Thường trực Ban Chỉ huy phòng, "
            "chống thiên tai, tìm kiếm cứu nạn và phòng thủ dân sự tỉnh Kiên Giang Lê Hữu Toàn cho "
            "biết, nhà thầu đang quyết liệt đẩy nhanh tiến độ khắc phục các điểm sạt lở."
        )
        == []
    )
    # (the board's name goes on past its comma: "... thiên tai, tìm kiếm cứu nạn ...")
    [(lead, *_)] = _tasks(
        "UBND tỉnh giao Ban Chỉ huy phòng, chống thiên tai, tìm kiếm cứu nạn và phòng thủ dân sự "
        "tỉnh kiểm tra các điểm sạt lở."
    )
    assert lead == ["Ban Chỉ huy phòng, chống thiên tai, tìm kiếm cứu nạn và phòng thủ dân sự tỉnh"]


def test_giao_of_a_compound_word_is_no_directive_verb():
    tasks = _tasks(
        "Ngoài ra, Phó Chủ tịch UBND tỉnh chỉ đạo các sở, ngành, địa phương quan tâm công tác "
        "bình ổn thị trường.\n\n"
        "Trong đó, chương trình lễ hội đón giao thừa tại Kiên Giang có 4 điểm bắn pháo hoa.\n"
    )
    assert [text[:8] for *_, text in tasks] == ["Ngoài ra"]
    # (nor a connector over a fact counted, with no verb in it at all)
    tasks = _tasks(
        "UBND tỉnh yêu cầu các sở, ngành quan tâm công tác bình ổn thị trường.\n\n"
        "Trong đó, chương trình lễ hội tại Kiên Giang có 4 điểm bắn pháo hoa.\n"
    )
    assert len(tasks) == 1


def test_the_city_that_has_directed_in_a_report_gives_the_task_to_whom_it_directed():
    [(lead, *_)] = _tasks(
        "Thành phố đã có chỉ đạo các sở, ban ngành, Ủy ban Nhân dân các xã, phường tập trung ứng "
        "phó với bão số 10."
    )
    assert lead == ["sở, ban, ngành", "địa phương"]


def test_a_leader_named_between_commas_who_tells_figures_gives_no_task():
    assert (
        _tasks(
            "Giám đốc Sở Tài chính thành phố Huế, ông La Phúc Thành, cho biết 10 tháng đầu năm 2025, "
            "tổng thu ngân sách đạt 8.000 tỷ đồng."
        )
        == []
    )


def test_a_region_ends_a_name_not_a_ministry():
    [(lead, *_)] = _tasks(
        "UBND Thành phố giao Đài Khí tượng Thủy văn Bắc Bộ theo dõi sát diễn biến."
    )
    assert lead == ["Đài Khí tượng Thủy văn Bắc Bộ"]


def test_schools_and_hospitals_named_bare_are_assignees():
    for text, lead in (
        ("Sau khi phát động, các trường chủ động triển khai các hoạt động.", ["các trường"]),
        ("Giám đốc Sở Y tế yêu cầu các bệnh viện tăng cường trực.", ["các bệnh viện"]),
        (
            "Sở yêu cầu các trường, các trung tâm giáo dục thường xuyên rà soát.",
            ["các trường", "các trung tâm giáo dục thường xuyên"],
        ),
    ):
        [(found, *_)] = _tasks(text)
        assert found == lead, text


def test_a_report_that_the_leader_put_out_a_dispatch_gives_its_number():
    meta = extract_text(
        "Quảng Bình chủ động ứng phó bão\n\nChủ tịch UBND tỉnh Quảng Bình đã ra công điện số "
        "20/CĐ-UBND gửi các sở, ngành yêu cầu chủ động ứng phó với bão.\n",
        today=TODAY,
    ).meta
    assert meta.number == "20/CĐ-UBND"


def test_a_body_given_the_lead_after_a_fronted_clause_and_a_year_with_the_years_after():
    [(lead, _, deadline, *_)] = _tasks(
        "Theo kết luận của Phó Chủ tịch UBND Thành phố, trong năm 2026 và các năm tiếp theo, Sở "
        "Công Thương được giao chủ trì tổ chức các hoạt động xúc tiến thương mại."
    )
    assert lead == ["Sở Công Thương"]
    assert deadline is None  # from then on: no day it is due


def test_a_news_pages_section_line_naming_a_body_leads_nothing():
    tasks = _tasks(
        "TPO - Chủ tịch UBND TP Hà Nội chỉ đạo Công an TP chủ trì kiểm tra làm rõ thông tin.\n"
        "Mục lục\nVăn phòng UBND TP\n"
        "Thửa đất tại hồ Đập Cờ bị phản ánh đã biến hóa đất khai hoang thành đất tư.\n"
    )
    assert [lead for lead, *_ in tasks] == [["Công an Thành phố"]]  # (the caption below: no task)


def test_a_paragraph_opening_on_a_condition_after_a_task_goes_on_with_it():
    tasks = _tasks(
        "UBND tỉnh giao Công an tỉnh chủ trì kiểm tra làm rõ thông tin phản ánh.\n\n"
        "Trường hợp có dấu hiệu vi phạm pháp luật xử lý theo thẩm quyền. Báo cáo UBND tỉnh trước "
        "ngày 15/1/2024.\n"
    )
    assert [(lead, deadline) for lead, _, deadline, *_ in tasks] == [
        (["Công an tỉnh"], None),
        (["Công an tỉnh"], "2024-01-15"),
    ]


def test_a_continuation_that_acts_before_it_answers_for_the_result_is_a_task():
    tasks = _tasks(
        "Chủ tịch UBND thành phố yêu cầu Chủ tịch UBND các quận, huyện, thị xã: tăng cường kiểm "
        "tra trật tự xây dựng.\n\n"
        "Cùng với đó, tiếp tục duy trì hoạt động hiệu quả Đội Quản lý trật tự xây dựng đô thị; "
        "đồng thời, chịu trách nhiệm toàn diện trước pháp luật về tình hình trật tự xây dựng.\n"
    )
    assert [lead for lead, *_ in tasks] == [["địa phương"], ["địa phương"]]


def test_a_leader_with_a_long_title_and_name_who_has_directed_in_a_report():
    [(lead, *_)] = _tasks(
        "Tối ngày 28/9, Phó Chủ tịch Ủy ban Nhân dân thành phố Hà Nội Nguyễn Mạnh Quyền đã có chỉ "
        "đạo các sở, ban ngành, Ủy ban Nhân dân các xã, phường tập trung ứng phó với bão số 10."
    )
    assert lead == ["sở, ban, ngành", "địa phương"]


def test_a_closing_sentence_that_sets_the_day_for_all_the_above_is_their_deadline():
    tasks = _tasks(
        "UBND tỉnh yêu cầu Ban Quản lý dự án đầu tư xây dựng tỉnh khẩn trương đẩy nhanh tiến độ "
        "thi công.\n\n"
        "UBND huyện Nam Trà My khẩn trương đẩy nhanh tiến độ giải ngân kế hoạch vốn dự án.\n\n"
        "UBND tỉnh ra thời hạn các dự án trên phải đảm bảo giải ngân toàn bộ kế hoạch vốn trước "
        "ngày 31/12/2024.\n"
    )
    assert [deadline for _, _, deadline, *_ in tasks][:2] == ["2024-12-31", "2024-12-31"]
    # one item's own words set no day for its siblings (rule 8)
    tasks = _tasks(
        "UBND tỉnh yêu cầu:\n1. Sở Y tế tăng cường kiểm tra an toàn thực phẩm.\n"
        "2. Sở Xây dựng rà soát các công trình. UBND tỉnh yêu cầu các công trình trên phải hoàn "
        "thành sửa chữa trước ngày 30/6/2024.\n3. Sở Tài chính bố trí kinh phí.\n"
    )
    assert [deadline for _, _, deadline, *_ in tasks] == [None, "2024-06-30", None]


def test_a_province_the_directive_names_bare_is_its_committee():
    for text, lead in (
        (
            "Thủ tướng yêu cầu Điện Biên tập trung lãnh đạo bảo đảm an ninh.",
            ["UBND tỉnh Điện Biên"],
        ),
        ("Thủ tướng yêu cầu tỉnh Điện Biên tập trung lãnh đạo.", ["UBND tỉnh Điện Biên"]),
        (
            "Thủ tướng yêu cầu Hà Nội, TP. Hồ Chí Minh khẩn trương giải phóng mặt bằng.",
            ["UBND thành phố Hà Nội", "UBND thành phố Hồ Chí Minh"],
        ),
        (
            "Thủ tướng đề nghị Hậu Giang và Sóc Trăng đẩy nhanh tiến độ.",
            ["UBND tỉnh Hậu Giang", "UBND tỉnh Sóc Trăng"],
        ),
        # the Icelandic eth a page typed for "Đ"
        ("Thủ tướng yêu cầu Ðiện Biên tập trung lãnh đạo.", ["UBND tỉnh Điện Biên"]),
    ):
        [(found, *_)] = _tasks(text)
        assert found == lead, text


def test_the_food_safety_department_is_one_name():
    [(lead, *_)] = _tasks("UBND Thành phố giao Sở An toàn thực phẩm kiểm tra các bếp ăn.")
    assert lead == ["Sở An toàn thực phẩm"]


def test_what_the_rules_of_this_round_leave_alone():
    # a continuation that acts on what it counts
    assert len(_tasks("Sở Y tế tăng cường kiểm tra.\n\nĐồng thời, rà soát các bệnh viện có trên "
                      "500 giường bệnh.")) == 2  # fmt: skip
    # a condition with someone else to act: no task of the one before
    assert len(_tasks("Sở Y tế tăng cường kiểm tra.\n\nNếu phát hiện người có biểu hiện sốt, "
                      "người dân cần báo ngay cho trạm y tế.")) == 1  # fmt: skip
    # a count of what a body was given: an account
    assert (
        _tasks("Năm 2024, Sở Y tế được giao chủ trì 12 nhiệm vụ, đến nay đã hoàn thành 10.") == []
    )
    # in a report, the role a plan gives a body that will act
    [(lead, support, *_)] = _tasks(
        "Hà Tĩnh ra quân\n\nTheo đó, Sở Y tế sẽ chủ trì, phối hợp các địa phương tổ chức tiêm "
        "vắc xin.\n"
    )
    assert (lead, support) == (["Sở Y tế"], ["địa phương"])
    # a province's military command heads no ministry's text
    text = (
        "BỘ CHỈ HUY QUÂN SỰ TỈNH\nSố: 12/BCH-TM\nLạng Sơn, ngày 5 tháng 9 năm 2024\n\n"
        "Đề nghị các bộ, ngành tạo điều kiện cho các đơn vị huấn luyện.\n"
    )
    [(lead, *_)] = _tasks(text)
    assert "sở, ban, ngành" not in lead


def test_a_body_directing_others_is_the_one_told_to_act_in_a_report_too():
    # (rule 5: the subject, when no role is said; what it directs its units to do is its task)
    [(lead, *_)] = _tasks(
        "TP.HCM phòng bệnh sởi trong trường học\n\n"
        "Sở Giáo dục và Đào tạo TP.HCM chỉ đạo các Phòng Giáo dục và Đào tạo, các trường mầm non "
        "rà soát danh sách học sinh chưa tiêm vắc xin sởi.\n"
    )
    assert lead == ["Sở Giáo dục và Đào tạo Thành phố Hồ Chí Minh"]


def test_the_tasks_and_measures_of_a_quarter_set_its_last_day():
    tasks = _tasks(
        "Phó Thủ tướng chủ trì hội nghị sơ kết công tác bảo đảm trật tự, an toàn giao thông 6 tháng "
        "đầu năm và nhiệm vụ, giải pháp quý 3/2025.\n\n"
        "Phó Thủ tướng yêu cầu Bộ Công an đẩy nhanh hiện đại hóa lực lượng cảnh sát giao thông.\n"
    )
    assert [deadline for _, _, deadline, *_ in tasks] == ["2025-09-30"]


def test_the_ministers_and_the_committees_of_the_provinces_without_cac():
    [(lead, *_)] = _tasks(
        "Thủ tướng Chính phủ yêu cầu các Bộ trưởng, Chủ tịch Ủy ban nhân dân tỉnh, thành phố trực "
        "thuộc Trung ương tăng cường kiểm tra an toàn thực phẩm."
    )
    assert lead == ["sở, ban, ngành", "địa phương"]


def test_local_committees_by_their_levels_alone_or_as_a_named_citys_government():
    [(lead, *_)] = _tasks("UBND tỉnh Yên Bái yêu cầu huyện, thị xã rà soát hộ dân vùng sạt lở.")
    assert lead == ["địa phương"]
    [(lead, *_)] = _tasks("UBND tỉnh chỉ đạo chính quyền thành phố Hưng Yên vào cuộc làm rõ.")
    assert lead == ["UBND thành phố Hưng Yên"]


def test_a_command_named_in_full_once_then_by_its_head_alone():
    tasks = _tasks(
        "UBND tỉnh kiện toàn Ban Chỉ huy phòng thủ dân sự tỉnh Lai Châu do Chủ tịch UBND tỉnh làm "
        "Trưởng ban.\n\n"
        "Ban Chỉ huy có nhiệm vụ giúp Chủ tịch UBND tỉnh chỉ đạo công tác phòng thủ dân sự.\n"
    )
    assert [lead for lead, *_ in tasks] == [["Ban Chỉ huy phòng thủ dân sự tỉnh Lai Châu"]]


def test_the_items_of_a_label_near_the_top_are_no_lead_and_keep_their_own_partners():
    tasks = _tasks(
        "Thủ tướng Chính phủ có Công điện số 23/CĐ-TTg yêu cầu đẩy nhanh tiêm chủng vắc xin sởi.\n"
        "Theo đó, Công điện gửi Bộ trưởng các Bộ: Y tế, Giáo dục và Đào tạo, tập trung triển khai "
        "một số nội dung:\n"
        "Đối với Bộ Y tế: Đẩy nhanh tiến độ triển khai chiến dịch tiêm chủng; Đảm bảo đủ vắc xin "
        "phòng bệnh Sởi, cấp phát kịp thời cho các địa phương; Phối hợp với Bộ Tài chính bảo đảm "
        "bố trí đủ kinh phí cho chiến dịch tiêm chủng vắc xin phòng bệnh Sởi.\n"
    )
    assert [(lead, support, text[:8]) for lead, support, *_, text in tasks] == [
        (["Bộ Y tế"], [], "Đẩy nhan"),
        (["Bộ Y tế"], [], "Đảm bảo "),
        (["Bộ Y tế"], ["Bộ Tài chính"], "Phối hợp"),
    ]


def test_what_a_report_tells_of_the_plan_or_of_the_issuers_own_doings_continues_no_task():
    tasks = _tasks(
        "(PLO)- Sở Y tế chủ trì phối hợp với các đơn vị liên quan để tăng cường kiểm soát an toàn "
        "thực phẩm.\n\n"
        "Ngày 11-10, Ban Chỉ đạo liên ngành An toàn thực phẩm tỉnh Quảng Trị thông tin, đã ban hành "
        "kế hoạch tăng cường kiểm soát an toàn thực phẩm đối với bếp ăn tập thể.\n\n"
        "Theo đó, kế hoạch đặt ra mục tiêu siết chặt quản lý, chủ động phát hiện nguy cơ.\n\n"
        "Đồng thời, tỉnh tiếp tục đẩy mạnh tuyên truyền, nâng cao nhận thức của giáo viên.\n"
    )
    assert [text[:6] for *_, text in tasks] == ["(PLO)-"]  # ("Ban Chỉ đạo" names, directs no one)


def test_the_press_agencies_are_assignees_not_a_vague_phrase():
    [(lead, *_)] = _tasks(
        "Các cơ quan báo chí cũng có trách nhiệm tăng cường tuyên truyền, phản ánh thực tế."
    )
    assert lead == ["Các cơ quan báo chí"]


def test_a_dispatch_sent_to_a_colon_list_that_directs_asks_those_listed():
    [(lead, *_)] = _tasks(
        "Ngày 04/9, UBND tỉnh Thái Nguyên đã có Công điện gửi: Thủ trưởng các sở, ban, ngành, đoàn "
        "thể thuộc tỉnh; Chủ tịch UBND các huyện, thành phố, chỉ đạo về việc khẩn trương triển "
        "khai ứng phó với bão số 3 năm 2024."
    )
    assert lead == ["sở, ban, ngành", "đoàn thể", "địa phương"]


def test_the_partys_bodies_opening_a_list_leave_the_rest_of_it_to_act():
    [(lead, *_)] = _tasks(
        "Ban Thường vụ Tỉnh ủy yêu cầu cấp ủy, tổ chức đảng, chính quyền các cấp, các sở, ban, "
        "ngành khẩn trương triển khai phương án ứng phó."
    )
    assert lead == ["cơ quan, đơn vị", "sở, ban, ngành"]


def test_a_passive_list_with_the_ministrys_units_and_each_provinces_department():
    [(lead, *_)] = _tasks(
        "Thủ trưởng các đơn vị thuộc Bộ, Giám đốc Sở Nông nghiệp và Môi trường địa phương được "
        "yêu cầu thực hiện nghiêm túc Chỉ thị."
    )
    assert lead == ["cơ quan, đơn vị", "Sở Nông nghiệp và Môi trường"]
    # (told by whom, after "cũng": "... cũng được UBND TPHCM giao ...")
    [(lead, *_)] = _tasks(
        "Sở Quy hoạch Kiến trúc cũng được UBND TPHCM giao trình UBND Thành phố phương án quy hoạch."
    )
    assert lead == ["Sở Quy hoạch - Kiến trúc"]


def test_a_list_goes_on_past_public_service_units():
    [(lead, *_)] = _tasks(
        "UBND tỉnh chỉ đạo các sở, ban, ngành, đơn vị sự nghiệp công lập và UBND xã, phường khẩn "
        "trương triển khai việc sắp xếp."
    )
    assert lead == ["sở, ban, ngành", "cơ quan, đơn vị", "địa phương"]

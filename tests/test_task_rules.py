"""The annotation rules, one behaviour per test, on short realistic passages."""

from __future__ import annotations

from datetime import date

from chidao.extract.pipeline import extract_text

TODAY = date(2024, 6, 1)


def _tasks(text: str) -> list[tuple[list[str], list[str], str | None, str | None, str]]:
    doc = extract_text(text, today=TODAY)
    return [
        (
            [m.name for m in t.lead if not m.vague],
            [m.name for m in t.support if not m.vague],
            t.deadline.value.isoformat() if t.deadline and t.deadline.value else None,
            t.recurrence,
            t.text,
        )
        for t in doc.tasks
    ]


def test_directive_verb_gives_the_task_to_its_object():
    [(lead, _, _, _, text)] = _tasks(
        "UBND Thành phố giao Sở Y tế chủ trì kiểm tra an toàn thực phẩm."
    )
    assert lead == ["Sở Y tế"]
    assert text.startswith("UBND Thành phố giao")


def test_lead_chairs_and_partners_support():
    [(lead, support, *_)] = _tasks(
        "Sở Xây dựng chủ trì, phối hợp với Sở Giao thông vận tải và Công an Thành phố kiểm tra công trình."
    )
    assert lead == ["Sở Xây dựng"]
    assert support == ["Sở Giao thông vận tải", "Công an Thành phố"]


def test_abbreviations_resolve_to_full_official_names():
    [(lead, support, *_)] = _tasks("Sở KH&ĐT chủ trì, phối hợp Sở LĐ-TB&XH rà soát các dự án.")
    assert lead == ["Sở Kế hoạch và Đầu tư"]
    assert support == ["Sở Lao động - Thương binh và Xã hội"]


def test_vague_partners_are_not_assignees():
    [(lead, support, *_)] = _tasks(
        "Sở Tài chính chủ trì, phối hợp các đơn vị liên quan bố trí kinh phí."
    )
    assert lead == ["Sở Tài chính"] and support == []


def test_groups_and_heads_stand_for_their_bodies():
    [(lead, *_)] = _tasks(
        "Yêu cầu Thủ trưởng các sở, ban, ngành, Chủ tịch UBND các quận, huyện, thị xã nghiêm túc thực hiện."
    )
    assert lead == ["sở, ban, ngành", "địa phương"]


def test_accountability_alone_is_not_a_task():
    assert (
        _tasks(
            "Chủ tịch UBND các quận, huyện, thị xã chịu trách nhiệm trước Chủ tịch UBND Thành phố về kết quả."
        )
        == []
    )


def test_past_actions_and_assessments_are_not_tasks():
    text = (
        "Năm 2023, Sở Y tế đã hoàn thành 95% chỉ tiêu. Các sở, ngành còn lúng túng trong phối hợp."
    )
    assert _tasks(text) == []


def test_exhortation_to_people_at_large_is_not_a_task():
    assert (
        _tasks(
            "Chủ tịch UBND Thành phố kêu gọi toàn thể cán bộ, công chức nêu cao tinh thần trách nhiệm."
        )
        == []
    )


def test_new_assignees_in_a_paragraph_start_a_new_task():
    text = "Sở Kế hoạch và Đầu tư tổng hợp tình hình giải ngân. Sở Tài chính rà soát các khoản chi chưa cần thiết."
    assert [t[0] for t in _tasks(text)] == [["Sở Kế hoạch và Đầu tư"], ["Sở Tài chính"]]


def test_a_sentence_without_assignee_continues_the_task_before_it():
    text = "Sở Y tế chủ trì kiểm tra an toàn thực phẩm. Xử lý nghiêm các vi phạm."
    [(lead, _, _, _, task_text)] = _tasks(text)
    assert lead == ["Sở Y tế"] and task_text.endswith("Xử lý nghiêm các vi phạm.")


def test_continuation_paragraph_is_its_own_task_with_the_previous_lead():
    text = "Sở Y tế chủ trì kiểm tra an toàn thực phẩm.\n\nĐồng thời, tăng cường tuyên truyền cho người dân."
    tasks = _tasks(text)
    assert [t[0] for t in tasks] == [["Sở Y tế"], ["Sở Y tế"]]
    assert tasks[1][4].startswith("Đồng thời")


def test_continuation_without_a_task_before_it_is_not_a_task():
    text = (
        "Năm qua, Thành phố đạt nhiều kết quả.\n\nĐồng thời, tăng cường tuyên truyền cho người dân."
    )
    assert _tasks(text) == []


def test_inline_enumeration_is_one_task_per_item():
    text = (
        "UBND Thành phố yêu cầu các đơn vị tập trung 3 nhóm nhiệm vụ: kiểm soát dịch bệnh; "
        "bảo đảm an toàn trường học; đẩy mạnh giải ngân vốn đầu tư công."
    )
    tasks = _tasks(text)
    assert [t[4] for t in tasks] == [
        "kiểm soát dịch bệnh",
        "bảo đảm an toàn trường học",
        "đẩy mạnh giải ngân vốn đầu tư công.",
    ]
    assert all(t[0] == ["cơ quan, đơn vị"] for t in tasks)


def test_a_list_intro_is_not_a_task_but_gives_its_assignees_to_the_items():
    text = "UBND các quận, huyện, thị xã:\n\na) Kiện toàn Ban Chỉ huy phòng, chống thiên tai.\n\nb) Kiểm tra đê điều."
    tasks = _tasks(text)
    assert [t[4] for t in tasks] == [
        "Kiện toàn Ban Chỉ huy phòng, chống thiên tai.",
        "Kiểm tra đê điều.",
    ]
    assert all(t[0] == ["địa phương"] for t in tasks)


def test_an_intro_with_content_of_its_own_is_a_task():
    text = (
        "UBND Thành phố yêu cầu các sở, ban, ngành tiếp tục thực hiện quyết liệt 26 nhiệm vụ chưa hoàn "
        "thành tại Chương trình số 14/CTr-UBND, đồng thời thực hiện những nhiệm vụ sau:"
    )
    [(lead, *_)] = _tasks(text)
    assert lead == ["sở, ban, ngành"]


def test_a_repeated_news_lead_is_one_task():
    lead = "Chủ tịch UBND Thành phố yêu cầu các sở ngành phải xây dựng kịch bản tăng trưởng cụ thể."
    text = f"{lead}\n\nPhát biểu tại hội nghị, ông nhấn mạnh nhiều nội dung.\n\n{lead}"
    assert len(_tasks(text)) == 1


def test_deadline_before_a_date_takes_the_document_year():
    text = "Hà Nội, ngày 12 tháng 6 năm 2023\n\nSở Tư pháp chủ trì rà soát văn bản, hoàn thành trước ngày 30/9."
    [(_, _, deadline, _, _)] = _tasks(text)
    assert deadline == "2023-09-30"


def test_period_deadlines_resolve_to_their_last_day():
    text = (
        "Sở Xây dựng báo cáo kết quả trong tháng 8/2024.\n\n"
        "Sở Tài chính trình phương án trong Quý III/2024.\n\n"
        "Sở Nội vụ hoàn thành trước cuối năm 2024."
    )
    assert [t[2] for t in _tasks(text)] == ["2024-08-31", "2024-09-30", "2024-12-31"]


def test_relative_deadline_counts_from_the_signing_date():
    text = "Hà Nội, ngày 25 tháng 9 năm 2023\n\nSở Y tế báo cáo trong thời hạn 15 ngày kể từ ngày ký văn bản này."
    [(_, _, deadline, _, _)] = _tasks(text)
    assert deadline == "2023-10-10"


def test_recurrence_is_not_a_deadline():
    text = "Các sở, ban, ngành báo cáo kết quả về Sở Nội vụ trước ngày 20 hằng tháng."
    [(_, _, deadline, recurrence, _)] = _tasks(text)
    assert deadline is None and recurrence == "monthly"


def test_vague_urgency_is_no_deadline():
    [(_, _, deadline, _, _)] = _tasks(
        "Sở Y tế khẩn trương triển khai, hoàn thành trong thời gian sớm nhất."
    )
    assert deadline is None


def test_a_date_in_a_citation_is_not_a_deadline():
    text = "Sở Lao động - Thương binh và Xã hội tổ chức thực hiện Nghị quyết số 68/NQ-CP ngày 01/7/2021 của Chính phủ."
    [(_, _, deadline, _, _)] = _tasks(text)
    assert deadline is None


def test_a_period_already_past_at_the_document_date_is_not_a_deadline():
    text = "Hà Nội, ngày 16 tháng 8 năm 2021\n\nSở Kế hoạch và Đầu tư rà soát việc thực hiện các chỉ tiêu 7 tháng đầu năm 2021."
    [(_, _, deadline, _, _)] = _tasks(text)
    assert deadline is None


def test_the_document_period_is_the_default_deadline():
    text = (
        "Kết luận giao ban, nhiệm vụ trọng tâm tháng 2/2021 như sau.\n\n"
        "UBND Thành phố yêu cầu Sở Y tế tăng cường phòng, chống dịch."
    )
    [(_, _, deadline, _, _)] = _tasks(text)
    assert deadline == "2021-02-28"


def test_year_of_a_plan_is_a_deadline_but_year_of_an_event_is_not():
    text = (
        "Sở Tài chính phấn đấu hoàn thành các chỉ tiêu kế hoạch năm 2024.\n\n"
        "Sở Giáo dục và Đào tạo tổ chức an toàn kỳ thi tốt nghiệp trung học phổ thông năm 2024."
    )
    assert [t[2] for t in _tasks(text)] == ["2024-12-31", None]


def test_another_provinces_body_is_recognised_by_pattern():
    [(lead, *_)] = _tasks(
        "Đề nghị Sở Giao thông vận tải tỉnh Quảng Ninh phối hợp tổ chức phân luồng giao thông."
    )
    assert lead == ["Sở Giao thông vận tải tỉnh Quảng Ninh"]


def test_a_subject_after_a_fronted_clause_with_a_modal_is_the_assignee():
    text = "Để tăng trưởng nông nghiệp, công nghiệp, dịch vụ, các sở ngành phải tham gia xây dựng kịch bản cụ thể."
    [(lead, *_)] = _tasks(text)
    assert lead == ["sở, ban, ngành"]


def test_the_issuer_as_subject_passes_the_task_to_its_object():
    [(lead, *_)] = _tasks(
        "UBND Thành phố đề nghị Công an Thành phố tăng cường tuần tra, kiểm soát."
    )
    assert lead == ["Công an Thành phố"]


def test_agency_heading_gives_its_lead_to_the_items_below():
    text = (
        "1. Sở Tư pháp\n\n- Hướng dẫn, kiểm tra việc thực hiện Kế hoạch.\n\n- Tổng hợp kết quả, báo cáo UBND Thành phố.\n\n"
        "2. Sở Tài chính\n\nChủ trì, phối hợp Sở Tư pháp bố trí kinh phí thực hiện."
    )
    tasks = _tasks(text)
    assert [t[0] for t in tasks] == [["Sở Tư pháp"], ["Sở Tư pháp"], ["Sở Tài chính"]]
    assert tasks[2][1] == ["Sở Tư pháp"]


def test_attribute_lines_name_the_lead_partners_and_time_of_an_item():
    text = (
        "a) Tổ chức phổ biến các luật mới được Quốc hội thông qua.\n"
        "- Cơ quan chủ trì: Sở Tư pháp.\n- Cơ quan phối hợp: Sở Thông tin và Truyền thông.\n"
        "- Thời gian thực hiện: Quý IV/2024."
    )
    [(lead, support, deadline, _, text_)] = _tasks(text)
    assert (lead, support, deadline) == (
        ["Sở Tư pháp"],
        ["Sở Thông tin và Truyền thông"],
        "2024-12-31",
    )
    assert text_.startswith("Tổ chức phổ biến")


def test_agency_with_colon_heads_its_own_task():
    [(lead, support, *_)] = _tasks(
        "Sở Tài chính: Chủ trì, phối hợp với Sở Nội vụ thẩm định kinh phí."
    )
    assert lead == ["Sở Tài chính"] and support == ["Sở Nội vụ"]


def test_fronted_time_phrase_does_not_hide_the_subject():
    [(lead, _, _, recurrence, _)] = _tasks(
        "Định kỳ hàng quý, UBND các quận, huyện, thị xã báo cáo kết quả về Sở Xây dựng."
    )
    assert lead == ["địa phương"] and recurrence == "quarterly"


def test_a_vague_partner_at_the_end_of_a_list_leaves_the_others_named():
    text = "UBND Thành phố yêu cầu Thủ trưởng các sở, ban, ngành, Chủ tịch UBND các quận, huyện, thị xã và các đơn vị liên quan triển khai Kế hoạch."
    [(lead, *_)] = _tasks(text)
    assert lead == ["sở, ban, ngành", "địa phương"]


def test_ordinal_paragraphs_under_an_intro_are_tasks_of_its_assignees():
    text = (
        "Chủ tịch UBND Thành phố yêu cầu các sở, ngành tập trung vào các nhóm nhiệm vụ sau:\n\n"
        "Thứ nhất, tháo gỡ khó khăn cho sản xuất, kinh doanh.\n\n"
        "Thứ hai, Sở Quy hoạch - Kiến trúc hoàn thiện hồ sơ quy hoạch."
    )
    assert [t[0] for t in _tasks(text)] == [["sở, ban, ngành"], ["Sở Quy hoạch - Kiến trúc"]]


def test_a_subject_after_a_fronted_verb_phrase_is_not_taken_for_an_assignee():
    assert (
        _tasks(
            '"Phát động hệ thống chính trị cơ sở, các đoàn thể tham gia giám sát việc điều trị F0".'
        )
        == []
    )


def test_an_undated_report_resolves_day_month_deadlines_in_the_year_it_speaks_of():
    text = (
        "Năm 2021, Thành phố kiểm soát dịch bệnh.\n\n"
        "Chủ tịch UBND Thành phố giao Sở Y tế hoàn thành xét nghiệm diện rộng trước ngày 12/9."
    )
    [(_, _, deadline, _, _)] = _tasks(text)
    assert deadline == "2021-09-12"


def test_a_news_sapo_retold_by_the_body_is_kept_once_in_the_body_telling():
    text = (
        "(HNM) - UBND Thành phố vừa ban hành Công điện yêu cầu các sở, ngành, UBND các quận, huyện, "
        "thị xã tập trung phòng, chống dịch sốt xuất huyết.\n\n"
        "Theo báo cáo của Sở Y tế, số ca mắc tăng cao.\n\n"
        "UBND Thành phố yêu cầu các sở, ngành, UBND các quận, huyện, thị xã tập trung triển khai quyết liệt "
        "các biện pháp phòng, chống dịch sốt xuất huyết, không để dịch bùng phát diện rộng."
    )
    tasks = _tasks(text)
    assert len(tasks) == 1 and tasks[0][4].startswith("UBND Thành phố yêu cầu")


def test_an_attendance_list_is_not_a_task():
    text = "Cùng dự có Phó Chủ tịch UBND Thành phố; lãnh đạo các sở, ngành Thành phố và lãnh đạo 7 huyện gồm: Sóc Sơn, Mê Linh."
    assert _tasks(text) == []


def test_chairing_a_meeting_is_not_a_task():
    text = "Sáng 5/6, Phó Chủ tịch UBND Thành phố Nguyễn Văn A chủ trì cuộc họp giao ban với các sở, ngành."
    assert _tasks(text) == []


def test_accountability_then_a_statement_is_still_not_a_task():
    text = "Thủ trưởng các cơ quan, đơn vị chịu trách nhiệm trước Chủ tịch UBND Thành phố; kết quả này là căn cứ để đánh giá thi đua."
    assert _tasks(text) == []


def test_an_explicit_day_beats_a_period_in_the_same_task():
    text = "Hà Nội, ngày 1 tháng 10 năm 2021\n\nSở Kế hoạch và Đầu tư xây dựng kịch bản tăng trưởng Quý IV và cả năm 2021, báo cáo UBND Thành phố trước ngày 15/10/2021."
    [(_, _, deadline, _, _)] = _tasks(text)
    assert deadline == "2021-10-15"


def test_a_passive_chair_is_the_lead():
    text = "Thành lập các Đoàn kiểm tra liên ngành do Sở Y tế chủ trì, phối hợp với Sở Công Thương kiểm tra an toàn thực phẩm."
    [(lead, support, *_)] = _tasks(text)
    assert lead == ["Sở Y tế"] and support == ["Sở Công Thương"]


def test_partners_in_a_following_sentence_support_the_task():
    text = "Sở Xây dựng chủ trì rà soát các nút giao thường xuyên ùn tắc. Phối hợp Sở Giao thông vận tải lắp đặt camera giám sát."
    [(lead, support, *_)] = _tasks(text)
    assert lead == ["Sở Xây dựng"] and support == ["Sở Giao thông vận tải"]


def test_metadata_of_another_province_header():
    text = (
        "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HẢI PHÒNG\n\nSố: 3315/UBND-GT\n"
        "V/v triển khai các giải pháp chống ùn tắc giao thông\n\nHải Phòng, ngày 06 tháng 6 năm 2023\n\n"
        "Kính gửi: Sở Giao thông vận tải.\n\nSở Giao thông vận tải chủ trì rà soát phương án tổ chức giao thông."
    )
    meta = extract_text(text, today=TODAY).meta
    assert (meta.issuer, meta.number, meta.subject) == (
        "UBND Thành phố Hải Phòng",
        "3315/UBND-GT",
        "triển khai các giải pháp chống ùn tắc giao thông",
    )
    assert meta.date == date(2023, 6, 6)


def test_a_local_group_followed_by_its_places_names_each_committee():
    [(lead, *_)] = _tasks(
        "Giao UBND các xã: Đức Trọng, Hiệp Thạnh và Đinh Văn Lâm Hà hoàn thành hồ sơ quy hoạch."
    )
    assert lead == ["UBND xã Đức Trọng", "UBND xã Hiệp Thạnh", "UBND xã Đinh Văn Lâm Hà"]


def test_a_local_group_before_a_capitalised_verb_stays_a_group():
    [(lead, *_)] = _tasks("UBND các xã: Tổ chức rà soát, Chủ động báo cáo kết quả.")
    assert lead == ["địa phương"]


def test_vague_groups_that_are_the_whole_subject_are_its_lead():
    doc = extract_text(
        "Các sở, ban, ngành liên quan chủ động chuẩn bị nội dung trả lời kiến nghị của doanh nghiệp.",
        today=TODAY,
    )
    [task] = doc.to_json()["tasks"]
    assert task["lead"] == ["sở, ban, ngành"]


def test_a_vague_group_beside_a_named_lead_is_not_an_assignee():
    doc = extract_text(
        "Sở Xây dựng và các đơn vị liên quan khẩn trương rà soát hồ sơ dự án.", today=TODAY
    )
    [task] = doc.to_json()["tasks"]
    assert task["lead"] == ["Sở Xây dựng"]


def test_groups_inside_a_partner_list_are_no_subject():
    [(lead, support, *_)] = _tasks(
        "Sở Tài chính: Chủ trì, phối hợp với Sở Nội vụ và các sở, ngành, địa phương liên quan "
        "khẩn trương rà soát danh mục."
    )
    assert lead == ["Sở Tài chính"] and support == ["Sở Nội vụ"]


def test_a_named_class_of_bodies_is_an_assignee_of_its_own():
    [(lead, *_)] = _tasks(
        "Các đơn vị duy trì thoát nước khẩn trương nạo vét, khơi thông dòng chảy trước mùa mưa."
    )
    assert lead == ["Các đơn vị duy trì thoát nước"]
    [(lead, *_)] = _tasks(
        "Giao các đơn vị sự nghiệp công lập trực thuộc UBND Thành phố rà soát vị trí việc làm."
    )
    assert lead == ["các đơn vị sự nghiệp công lập trực thuộc UBND Thành phố"]


def test_the_group_with_a_verb_after_it_stays_the_group():
    [(lead, *_)] = _tasks("Các cơ quan, đơn vị xây dựng kế hoạch cụ thể để tổ chức thực hiện.")
    assert lead == ["cơ quan, đơn vị"]
    [(lead, *_)] = _tasks("Các đơn vị trực thuộc xây dựng phương án ứng trực trong mùa mưa.")
    assert lead == ["cơ quan, đơn vị"]


def test_a_basis_before_the_subject_does_not_hide_the_task():
    [(lead, *_)] = _tasks(
        "Căn cứ Kế hoạch này, các cơ quan, đơn vị, địa phương xây dựng kế hoạch trong Quý I/2026."
    )
    assert lead == ["cơ quan, đơn vị", "địa phương"]


def test_an_issuer_describing_what_follows_after_a_basis_is_no_intro():
    tasks = _tasks(
        "Trên cơ sở thống kê điểm úng ngập, Sở Xây dựng dự báo tình hình như sau:\n\n"
        "- Với các trận mưa dưới 50mm/h: không xảy ra úng ngập.\n"
    )
    assert tasks == []


CABLE = (
    "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH điện:\n"
    "- Giám đốc các Sở: Công Thương, Xây dựng;\n"
    "- Giám đốc Công an tỉnh.\n\n"
    "Theo dự báo, bão số 9 có khả năng đổ bộ trong đêm nay. Để chủ động ứng phó, "
    "Chủ tịch UBND tỉnh yêu cầu:\n"
    "1. Sở Công Thương bảo đảm an toàn hồ thủy điện.\n"
    "2. Tổ chức trực ban nghiêm túc 24/24 giờ, báo cáo tình hình hằng ngày.\n"
)


def test_a_cable_sender_line_introduces_its_addressees_and_bare_items_go_to_them():
    tasks = _tasks(CABLE)
    assert [t[0] for t in tasks] == [
        ["Sở Công Thương"],
        ["Sở Công Thương", "Sở Xây dựng", "Công an tỉnh"],
    ]


def test_an_invitation_to_the_addressees_is_their_task():
    tasks = _tasks(
        "Kính gửi:\n- Sở Tài chính;\n- Sở Nội vụ.\n\n"
        "Văn phòng UBND tỉnh trân trọng kính mời đại diện lãnh đạo dự cuộc họp vào 14 giờ "
        "ngày 12/6/2024 tại Phòng họp số 2."
    )
    assert [(t[0], t[2]) for t in tasks] == [(["Sở Tài chính", "Sở Nội vụ"], "2024-06-12")]


def test_the_issuers_own_future_action_directs_no_one():
    header = (
        "UBND TỈNH TUYÊN QUANG\nSỞ GIÁO DỤC VÀ ĐÀO TẠO\nSố: 1385/SGDĐT-CTTT\n"
        "Tuyên Quang, ngày 12 tháng 5 năm 2024\n\n"
    )
    tasks = _tasks(
        header + "1. Các đơn vị báo cáo kết quả về Sở trước ngày 25/5/2024.\n\n"
        "2. Sở Giáo dục và Đào tạo sẽ tổ chức kiểm tra việc thực hiện trong tháng 6/2024.\n\n"
        "3. Công an tỉnh sẽ phối hợp bố trí lực lượng bảo đảm an toàn.\n"
    )
    assert [t[0] for t in tasks] == [["cơ quan, đơn vị"], ["Công an tỉnh"]]


def test_two_named_classes_in_one_list_are_both_leads():
    [(lead, *_)] = _tasks(
        "Các trường trung học phổ thông, các Trung tâm Giáo dục nghề nghiệp - Giáo dục thường "
        "xuyên tổ chức tuyên truyền phòng, chống đuối nước cho học sinh."
    )
    assert lead == [
        "Các trường trung học phổ thông",
        "các Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên",
    ]


def test_the_contractor_asked_to_act_is_the_lead():
    [(lead, *_)] = _tasks(
        "Phó Chủ tịch UBND tỉnh yêu cầu nhà thầu thi công tăng ca, tăng kíp để bù lại tiến độ."
    )
    assert lead == ["nhà thầu thi công"]


def test_a_paragraph_intro_ends_at_the_next_numbered_sibling():
    tasks = _tasks(
        "1. Các sở, ban, ngành:\n\n"
        "Các sở, ban, ngành phối hợp với Sở Xây dựng thực hiện các nhiệm vụ sau:\n\n"
        "- Rà soát các điểm úng ngập trên địa bàn.\n\n"
        "2. Công tác thi công:\n\n"
        "- Đẩy nhanh tiến độ thi công các công trình khẩn cấp.\n"
    )
    assert [t[0] for t in tasks] == [["sở, ban, ngành"]]


def test_local_committees_written_without_the_plural_are_the_group():
    [(lead, *_)] = _tasks(
        "Thủ trưởng các sở, ban, ngành và Ủy ban nhân dân phường, xã, đặc khu tổ chức thực hiện."
    )
    assert lead == ["sở, ban, ngành", "địa phương"]


def test_the_closing_formula_is_a_task_only_of_those_it_names():
    # the train gold registers it whenever it names who must report (4 of 4 documents)
    [(lead, *_)] = _tasks(
        "Trong quá trình thực hiện Kế hoạch, nếu có khó khăn, vướng mắc đề nghị các sở, ban, "
        "ngành, UBND các xã, phường kịp thời phản ánh về Sở Nội vụ để tổng hợp./."
    )
    assert lead == ["sở, ban, ngành", "địa phương"]
    assert (
        _tasks(
            "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, kịp thời phản ánh về Sở Nội vụ "
            "để tổng hợp, báo cáo UBND tỉnh./."
        )
        == []
    )


def test_a_relative_clause_between_subject_and_duty_does_not_hide_the_task():
    [(lead, *_)] = _tasks(
        "Các cơ quan, đơn vị được giao chủ trì có trách nhiệm hoàn thành nhiệm vụ đúng tiến độ."
    )
    assert lead == ["cơ quan, đơn vị"]


DECISION = (
    "QUYẾT ĐỊNH:\n\n"
    "Điều 1. Thành lập Ban Chỉ đạo về dữ liệu tỉnh Lâm Đồng (sau đây gọi tắt là Ban Chỉ đạo) "
    "gồm các thành viên sau:\n\n"
    "1. Chủ tịch Ủy ban nhân dân tỉnh, Trưởng Ban Chỉ đạo.\n\n"
    "2. Giám đốc Sở Khoa học và Công nghệ, Phó Trưởng Ban Chỉ đạo.\n\n"
    "Điều 2. Nhiệm vụ và quyền hạn của Ban Chỉ đạo\n\n"
    "1. Chỉ đạo, điều phối triển khai chiến lược dữ liệu trên địa bàn tỉnh.\n\n"
    "2. Chỉ đạo các sở, ban, ngành trong việc tạo lập, chia sẻ dữ liệu.\n"
)


def test_a_decision_setting_up_a_body_gives_it_its_duties_and_lists_no_member_as_a_task():
    tasks = _tasks(DECISION)
    assert [t[0] for t in tasks] == [["Ban Chỉ đạo về dữ liệu tỉnh Lâm Đồng"]] * 2


def test_a_heading_for_the_units_of_a_department_passes_down():
    tasks = _tasks(
        "III. TỔ CHỨC THỰC HIỆN\n\n1. Đối với người đứng đầu các phòng, cơ quan, đơn vị thuộc "
        "Sở Nông nghiệp và Môi trường\n\na) Quán triệt, triển khai thực hiện nghiêm túc Kế hoạch.\n"
    )
    assert [t[0] for t in tasks] == [["cơ quan, đơn vị"]]


def test_a_unit_named_before_a_local_group_is_a_heading_of_its_own():
    tasks = _tasks(
        "1. UBND các xã, phường\n\n- Tăng cường quản lý các cơ sở chăn nuôi.\n\n"
        "- Trung tâm Dịch vụ sự nghiệp công các xã, phường:\n\n"
        "+ Chủ động phối hợp UBND các xã, phường tăng cường công tác quản lý.\n"
    )
    assert [t[0] for t in tasks] == [["địa phương"], ["Trung tâm Dịch vụ sự nghiệp công"]]


def test_a_pointer_to_an_annex_is_no_task():
    tasks = _tasks(
        "Giao các cơ quan chuyên môn thuộc UBND tỉnh thực hiện các nhiệm vụ cụ thể như sau:\n\n"
        "- UBND các xã, phường, đặc khu: Tại Phụ lục II đính kèm.\n"
    )
    assert tasks == []


def test_a_head_title_inside_a_list_keeps_the_list_going():
    [(lead, *_)] = _tasks(
        "Giao Thủ trưởng các cơ quan chuyên môn thuộc UBND tỉnh, Trưởng Ban Quản lý các khu công "
        "nghiệp, Chủ tịch UBND các xã, phường tổ chức thực hiện."
    )
    assert lead == ["sở, ban, ngành", "Ban Quản lý các khu công nghiệp", "địa phương"]


def test_the_merged_culture_department_is_one_body_however_written():
    for written in ("Sở Văn hoá, Thể thao và Du lịch", "Sở Văn hóa Thể thao Du lịch"):
        [(lead, *_)] = _tasks(f"{written} chủ trì tổ chức tuyên truyền phòng, chống ma túy.")
        assert lead == ["Sở Văn hóa, Thể thao và Du lịch"]


def test_an_attribute_line_with_a_lead_and_partners_names_both():
    [(lead, support, *_)] = _tasks(
        "1. Tổ chức phổ biến khóa học về dịch vụ công trực tuyến.\n\n"
        "- Đơn vị thực hiện: Sở Khoa học và Công nghệ chủ trì, phối hợp với Văn phòng UBND tỉnh.\n"
    )
    assert lead == ["Sở Khoa học và Công nghệ"] and support == ["Văn phòng UBND tỉnh"]


def test_a_heading_list_goes_on_after_a_qualifier_and_a_semicolon():
    tasks = _tasks(
        "6. Các sở, ban, ngành, đơn vị thuộc tỉnh; UBND các xã, phường, đặc khu\n\n"
        "Chủ động phối hợp với Sở Khoa học và Công nghệ triển khai hệ thống phần mềm.\n"
    )
    assert [t[0] for t in tasks] == [["sở, ban, ngành", "cơ quan, đơn vị", "địa phương"]]


def test_directing_after_a_connector_is_the_previous_assignees_task():
    tasks = _tasks(
        "Sở Y tế chủ trì giám sát dịch sốt xuất huyết. Đồng thời, chỉ đạo các bệnh viện tuyến "
        "thành phố chuẩn bị đầy đủ thuốc, vật tư."
    )
    assert [t[0] for t in tasks] == [["Sở Y tế"]]


def test_an_unlisted_name_ends_at_its_province_or_at_a_verb():
    for sentence, name in (
        ("Kho bạc Nhà nước Hà Nội kiểm soát, thanh toán kịp thời.", "Kho bạc Nhà nước Hà Nội"),
        (
            "Trung tâm Kiểm soát bệnh tật Hà Nội lấy mẫu kiểm nghiệm.",
            "Trung tâm Kiểm soát bệnh tật Hà Nội",
        ),
        ("Báo Kinh tế và Đô thị dành thời lượng tuyên truyền.", "Báo Kinh tế và Đô thị"),
    ):
        [(lead, *_)] = _tasks(sentence)
        assert lead == [name]


def test_a_class_heading_passes_down_and_companies_keep_their_full_names():
    tasks = _tasks(
        "1.3. Đơn vị duy trì thoát nước trên địa bàn Thành phố:\n\n"
        "- Chủ động triển khai thực hiện Kế hoạch bảo đảm thoát nước.\n\n"
        "2. Công ty TNHH MTV Nước sạch Hà Nội và Công ty cổ phần Nước sạch Hà Đông vận hành "
        "an toàn hệ thống cấp nước.\n"
    )
    assert [t[0] for t in tasks] == [
        ["Các đơn vị duy trì thoát nước"],
        ["Công ty TNHH một thành viên Nước sạch Hà Nội", "Công ty cổ phần Nước sạch Hà Đông"],
    ]


def test_a_heading_naming_the_investor_of_projects_passes_down():
    tasks = _tasks(
        "1. Nhà đầu tư của 02 dự án đường bộ cao tốc Tân Phú – Bảo Lộc và Bảo Lộc – Liên Khương:\n\n"
        "a) Khẩn trương tập kết máy móc, trang thiết bị thi công.\n"
    )
    assert [t[0] for t in tasks] == [["Nhà đầu tư"]]


def test_directing_with_no_one_before_the_verb_is_the_headings_task():
    tasks = _tasks(
        "1.2. Ủy ban nhân dân cấp xã\n\n- Căn cứ chức năng, nhiệm vụ, địa bàn phụ trách chỉ đạo "
        "ban, ngành, đoàn thể đẩy mạnh công tác phòng, chống ma túy.\n"
    )
    assert [t[0] for t in tasks] == [["địa phương"]]


def test_a_fronted_time_phrase_may_end_with_a_colon():
    [(lead, *_)] = _tasks(
        "Trước khi tiến hành kiểm tra: Sở Nội vụ có văn bản đề nghị các cơ quan, đơn vị chuẩn bị "
        "báo cáo theo đề cương."
    )
    assert lead == ["Sở Nội vụ"]


def test_a_short_label_before_the_subject_does_not_hide_it():
    [(lead, *_)] = _tasks(
        "Liệt kê tài liệu: Các sở, ban, ngành liệt kê các văn bản, tài liệu kiểm chứng và gửi "
        "về Sở Nội vụ."
    )
    assert lead == ["sở, ban, ngành"]


def test_a_fronted_quarter_does_not_hide_the_subject():
    [(lead, _, deadline, *_)] = _tasks(
        "Quý I/2025, các cơ quan, đơn vị, địa phương đánh giá kết quả thực hiện phong trào thi đua."
    )
    assert lead == ["cơ quan, đơn vị", "địa phương"] and deadline == "2025-03-31"


def test_a_condition_on_whichever_body_is_no_task_and_brackets_hold_no_enumeration():
    assert (
        _tasks(
            "Đơn vị, địa phương nào chuẩn bị hồ sơ không đầy đủ thì Thủ trưởng đơn vị đó phải chịu "
            "trách nhiệm trước Chủ tịch UBND tỉnh."
        )
        == []
    )
    [(lead, _, deadline, *_)] = _tasks(
        "Các sở, ban, ngành tỉnh chuẩn bị đầy đủ hồ sơ, báo cáo theo nội dung đề cương và gửi về "
        "UBND tỉnh (qua Công an tỉnh; Thông tin liên hệ: Đội tham mưu tổng hợp; SĐT: 0908392369) "
        "trước ngày 25/3/2024."
    )
    assert lead == ["sở, ban, ngành"] and deadline == "2024-03-25"


def test_the_issuer_in_capitals_is_still_the_issuer():
    assert _tasks("ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG HỘI NGHỊ LÀM VIỆC VỚI ĐOÀN KIỂM TRA") == []


def test_a_document_number_broken_by_the_layout_is_put_back_together():
    for line in (
        "Số: 2170/QĐ-\nUBND",
        "Số: 2170/QĐ -UBND",
        "Số: 2170 /QĐ-UBND",
        "Số: 2170/QĐ- UBND",
    ):
        doc = extract_text(
            f"ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG\n{line}\nLâm Đồng, ngày 12 tháng 10 năm 2025\n\n"
            "QUYẾT ĐỊNH\nVề việc phê duyệt kế hoạch\n\nĐiều 1. Giao Sở Y tế thực hiện.\n",
            today=TODAY,
        )
        assert doc.meta.number == "2170/QĐ-UBND", line


def test_a_submission_formula_is_no_task_and_the_youth_union_stands_alone():
    assert (
        _tasks(
            "Sở Nông nghiệp và Môi trường kính trình Ủy ban nhân dân tỉnh xem xét, quyết định./."
        )
        == []
    )
    [(lead, *_)] = _tasks(
        "2. Hội Nông dân tỉnh, Hội Cựu chiến binh tỉnh, Tỉnh đoàn: Tuyên truyền nâng cao nhận thức "
        "cho hội viên, đoàn viên."
    )
    assert lead == ["Hội Nông dân tỉnh", "Hội Cựu chiến binh tỉnh", "Tỉnh đoàn"]


def test_details_of_one_task_after_trong_do_are_not_an_enumeration():
    tasks = _tasks(
        "Đề nghị Nhà đầu tư hoàn thiện hồ sơ đảm bảo đầy đủ, trong đó làm rõ các nội dung trọng "
        "tâm sau: đánh giá tính khả thi của các phương án tài chính; cung cấp đầy đủ số liệu; "
        "gửi Sở Xây dựng trong tháng 4/2024."
    )
    assert [(t[0], t[2]) for t in tasks] == [(["Nhà đầu tư"], "2024-04-30")]


def test_a_news_headline_retold_by_the_body_is_the_bodys_task():
    tasks = _tasks(
        "BÁO CẦN THƠ ONLINE\nThời sự | Kinh tế | Xã hội\n"
        "Cần Thơ yêu cầu các chủ đầu tư giải ngân hết vốn đầu tư công được giao\n\n"
        "Theo báo cáo của Sở Tài chính, đến ngày 30/6/2024, thành phố mới giải ngân được 38,5% kế hoạch vốn.\n\n"
        "Phát biểu kết luận, Chủ tịch UBND thành phố yêu cầu các chủ đầu tư phấn đấu giải ngân "
        "100% kế hoạch vốn đầu tư công được giao.\n"
    )
    assert [t[4][:30] for t in tasks] == ["Phát biểu kết luận, Chủ tịch U"]


def test_a_warning_of_accountability_does_not_continue_the_previous_task():
    tasks = _tasks(
        "Sở Nông nghiệp và Môi trường phối hợp với UBND các xã tháo gỡ vướng mắc về đất đai.\n\n"
        "Chủ tịch UBND thành phố lưu ý, người đứng đầu phải chịu trách nhiệm trước Chủ tịch "
        "UBND thành phố nếu để chậm giải ngân.\n"
    )
    assert len(tasks) == 1


def test_a_level_qualifier_and_a_semicolon_keep_one_list_of_assignees():
    tasks = _tasks(
        "Chủ tịch UBND tỉnh yêu cầu Giám đốc các sở, Thủ trưởng các ban, ngành cấp tỉnh; Chủ tịch "
        "UBND các xã, phường theo chức năng, nhiệm vụ được giao thực hiện các nội dung sau:\n\n"
        "1. Tổ chức theo dõi chặt chẽ diễn biến mưa lũ.\n"
    )
    assert [list(dict.fromkeys(t[0])) for t in tasks] == [["sở, ban, ngành", "địa phương"]]


def test_a_period_given_as_the_items_own_time_is_its_deadline():
    tasks = _tasks(
        "1. Giao Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Nội vụ:\n"
        "a) Xây dựng nền tảng chia sẻ dữ liệu dùng chung. Thời gian hoàn thành: Quý III/2024.\n"
        "b) Hướng dẫn các sở, ngành triển khai định danh điện tử.\n"
    )
    assert [t[2] for t in tasks] == ["2024-09-30", None]


def test_an_assignment_an_earlier_document_made_is_background():
    header = "UBND TỈNH LÂM ĐỒNG\nSố: 120/UBND-NC\nLâm Đồng, ngày 20 tháng 5 năm 2024\n\n"
    tasks = _tasks(
        header + "Ngày 14/3/2024, Chủ tịch UBND tỉnh ban hành Quyết định số 510/QĐ-UBND giao "
        "Thanh tra tỉnh chủ trì, phối hợp với Sở Tư pháp xác minh nội dung đơn.\n"
        "Đề nghị Sở Tài chính rà soát hồ sơ, báo cáo trước ngày 30/6/2024.\n"
    )
    assert [(lead, deadline) for lead, _, deadline, _, _ in tasks] == [
        (["Sở Tài chính"], "2024-06-30")
    ]


def test_a_news_report_keeps_the_assignment_of_the_directive_it_reports():
    [(lead, *_)] = _tasks(
        "UBND tỉnh vừa ban hành Công văn số 3018/UBND-KTN ngày 5/5/2024 giao Sở Y tế "
        "kiểm tra an toàn thực phẩm tại các chợ đầu mối."
    )
    assert lead == ["Sở Y tế"]


def test_a_body_that_no_longer_exists_tells_history():
    tasks = _tasks(
        "Ông A có đơn khiếu nại đến UBND tỉnh Lâm Đồng (cũ); UBND tỉnh Lâm Đồng (cũ) giao Sở "
        "Tài nguyên và Môi trường xác minh.\n"
        "Bà B đề nghị UBND thành phố Đà Lạt (cũ) giải quyết hồ sơ chuyển mục đích sử dụng đất.\n"
        "Tiếp đó, UBND tỉnh yêu cầu kiểm tra lại hồ sơ.\n"
    )
    assert tasks == []


def test_the_account_of_what_happened_gives_no_task():
    tasks = _tasks(
        "I. DIỄN BIẾN VỤ VIỆC\n"
        "Sau khi nhận đơn, UBND tỉnh giao Thanh tra tỉnh kiểm tra, xác minh vụ việc.\n"
        "II. ĐỀ NGHỊ\n"
        "Sở Tư pháp chủ trì, phối hợp với Thanh tra tỉnh chuẩn bị hồ sơ gửi Tòa án.\n"
    )
    assert [(lead, support) for lead, support, *_ in tasks] == [
        (["Sở Tư pháp"], ["Thanh tra tỉnh"])
    ]


def test_a_heading_that_says_who_directs_leads_the_items_below():
    tasks = _tasks(
        "3. Chủ tịch UBND cấp xã chỉ đạo\n"
        "- Đẩy mạnh tuyên truyền tại các khu dân cư.\n"
        "4. Bộ Chỉ huy quân sự tỉnh chỉ đạo lực lượng Bộ đội Biên phòng\n"
        "- Chủ động nắm tình hình tại khu vực biên giới.\n"
    )
    assert [lead for lead, *_ in tasks] == [["địa phương"], ["Bộ Chỉ huy quân sự tỉnh"]]


def test_numbered_names_after_a_colon_are_not_an_enumeration_of_tasks():
    [(lead, *_, text)] = _tasks(
        "Công an tỉnh tham mưu triển khai các nội dung tại Dự án 1: Phòng ngừa tội phạm về ma "
        "túy; Dự án 2: Ứng dụng khoa học và công nghệ trong phòng, chống ma túy."
    )
    assert lead == ["Công an tỉnh"] and "Dự án 2" in text
    tasks = _tasks(
        "Sở Y tế thực hiện các nhiệm vụ trong tháng 12: rà soát danh mục thuốc; kiểm tra các "
        "nhà thuốc; báo cáo kết quả."
    )
    assert len(tasks) == 3


def test_who_attends_a_meeting_is_not_a_task_unless_given_a_duty():
    tasks = _tasks(
        "Văn phòng UBND tỉnh trân trọng kính mời dự Hội nghị.\n"
        "2. Dự tại điểm cầu UBND các xã:\n"
        "- Chủ tịch UBND các xã, phường.\n"
        "- Các thành phần khác gồm: Công an xã; các tổ chức chính trị - xã hội trên địa bàn xã.\n"
        "- UBND các xã, phường chịu trách nhiệm kết nối đường truyền trực tuyến.\n"
        "3. Sở Y tế chuẩn bị tài liệu phát tại Hội nghị.\n"
    )
    assert [(lead, text[:12]) for lead, *_, text in tasks] == [
        (["địa phương"], "UBND các xã,"),
        (["Sở Y tế"], "Sở Y tế chuẩ"),
    ]


def test_a_longer_item_that_names_others_is_not_a_retelling():
    tasks = _tasks(
        "- Lãnh đạo các phòng nghiệp vụ thuộc Công an tỉnh rà soát danh sách đại biểu.\n"
        "- Sở Y tế mời lãnh đạo các phòng nghiệp vụ thuộc Sở rà soát danh sách đại biểu "
        "dự Hội nghị tại điểm cầu của tỉnh.\n"
    )
    assert [lead for lead, *_ in tasks][-1] == ["Sở Y tế"]


def test_giao_to_someone_the_registry_does_not_hold_is_not_the_previous_task():
    tasks = _tasks(
        "Bộ Xây dựng chủ trì khắc phục sự cố giao thông trên các tuyến quốc lộ.\n"
        "Giao Phó Thủ tướng Trần Hồng Hà trực tiếp chỉ đạo khắc phục hậu quả mưa lũ.\n"
    )
    assert [lead for lead, *_ in tasks] == [["Bộ Xây dựng"]]


def test_a_body_with_another_in_brackets_names_both_in_a_list():
    [(lead, support, *_)] = _tasks(
        "Giao Văn phòng UBND tỉnh (Trung tâm Phục vụ hành chính công tỉnh) chủ trì, phối hợp "
        "với Sở Tài chính (trong việc tổng hợp chỉ số PCI), Sở Nội vụ rà soát thủ tục."
    )
    assert lead == ["Văn phòng UBND tỉnh", "Trung tâm Phục vụ hành chính công tỉnh"]
    assert support == ["Sở Tài chính", "Sở Nội vụ"]
    [(lead, *_)] = _tasks(
        "Giao Sở Nội vụ (Cơ quan thường trực Hội đồng Thi đua - Khen thưởng tỉnh) theo dõi, "
        "hướng dẫn thực hiện Kế hoạch."
    )
    assert lead == ["Sở Nội vụ"]  # a description in brackets, not a body


def test_a_long_intro_passes_its_partners_to_the_items_below():
    tasks = _tasks(
        "Nhằm chuẩn bị nội dung phục vụ cuộc họp đánh giá các chỉ số cải cách hành chính của "
        "tỉnh trong năm; Chủ tịch UBND tỉnh giao Sở Nội vụ chủ trì, phối hợp với Sở Tài chính, "
        "Sở Tư pháp và các cơ quan, đơn vị liên quan triển khai các nội dung sau:\n"
        "1. Xây dựng báo cáo tóm tắt tình hình thực hiện các chỉ số.\n"
        "2. Đề xuất chương trình, nội dung cuộc họp.\n"
    )
    assert [(lead, support) for lead, support, *_ in tasks] == [
        (["Sở Nội vụ"], ["Sở Tài chính", "Sở Tư pháp"])
    ] * 2


def test_attribute_lines_after_a_run_of_items_under_a_task_label_go_to_every_item():
    tasks = _tasks(
        "1.2. Phát triển dữ liệu:\n"
        "a) Nhiệm vụ:\n"
        "- Rà soát, chuẩn hóa cơ sở dữ liệu của đơn vị.\n"
        "- Phối hợp triển khai số hóa các cơ sở dữ liệu chuyên ngành.\n"
        "b) Cơ quan thực hiện:\n"
        "- Đơn vị chủ trì: Sở Tư pháp.\n"
        "- Đơn vị phối hợp: Sở Tài chính.\n"
        "c) Thời gian thực hiện: Hoàn thành trong tháng 9/2024.\n"
        "1.3. Đào tạo:\n"
        "- Tổ chức các lớp tập huấn.\n"
    )
    assert [(lead, support, deadline) for lead, support, deadline, *_ in tasks] == [
        (["Sở Tư pháp"], ["Sở Tài chính"], "2024-09-30")
    ] * 2


def test_giao_as_what_was_allocated_directs_no_one():
    assert (
        _tasks(
            "Kinh phí phục vụ công tác kiểm tra sử dụng trong dự toán giao cho các cơ quan, đơn vị "
            "theo phân cấp quản lý ngân sách hiện hành."
        )
        == []
    )


def test_a_heading_of_the_bodies_to_be_inspected_leads_its_items():
    tasks = _tasks(
        "2. Các cơ quan, đơn vị được kiểm tra\n"
        "a) Rà soát các nội dung theo Đề cương kiểm tra.\n"
        "b) Chuẩn bị báo cáo phục vụ công tác kiểm tra.\n"
    )
    assert [lead for lead, *_ in tasks] == [["cơ quan, đơn vị"]] * 2


def test_the_words_of_a_quoted_law_are_not_tasks():
    tasks = _tasks(
        "- Tại khoản 2 Điều 2 Nghị quyết số 66/2025/NQ-CP quy định: “2. Cơ quan, người có "
        "thẩm quyền căn cứ vào quy hoạch sử dụng đất cấp huyện để thực hiện việc thu hồi đất”.\n"
        "Từ những vấn đề trên, đề nghị UBND các xã, phường rà soát nhu cầu sử dụng đất.\n"
    )
    assert [lead for lead, *_ in tasks] == [["địa phương"]]


def test_the_closing_formula_hands_the_letter_to_whom_it_names():
    [(lead, *_)] = _tasks(
        "Sở Nông nghiệp và Môi trường có ý kiến để UBND các xã, phường biết, thực hiện./."
    )
    assert lead == ["địa phương"]
    assert (
        _tasks("Văn phòng UBND tỉnh thông báo để các sở, ngành, đơn vị liên quan biết, thực hiện.")
        == []
    )
    # a notice's boilerplate, even to bodies named plainly
    assert (
        _tasks("Văn phòng UBND Thành phố thông báo để các cơ quan, đơn vị biết, thực hiện./.") == []
    )


def test_what_a_cited_plan_holds_is_background():
    assert (
        _tasks(
            "Thực hiện Kế hoạch số 306/KH-UBND ngày 30/7/2024 của UBND tỉnh về phát triển thị "
            "trường bán lẻ; trong đó, UBND tỉnh giao Sở Công Thương chủ trì hướng dẫn các xã."
        )
        == []
    )


def test_attending_and_then_acting_is_a_task_attending_alone_is_not():
    [(lead, *_)] = _tasks(
        "3. Các sở, ngành, địa phương dự Hội nghị đúng thành phần được mời; cử 01 cán bộ đi "
        "cùng Lãnh đạo dự Hội nghị."
    )
    assert lead == ["sở, ban, ngành", "địa phương"]
    assert _tasks("Các sở, ngành, địa phương dự Hội nghị tại điểm cầu của tỉnh.") == []


def test_an_invitation_goes_to_whom_it_names_else_to_the_addressees():
    [(lead, *_)] = _tasks(
        "Thực hiện ý kiến chỉ đạo của Thủ tướng Chính phủ, Văn phòng Chính phủ trân trọng kính "
        "mời Lãnh đạo các Bộ, cơ quan, địa phương tham dự Hội nghị triển khai Chương trình."
    )
    assert lead == ["cơ quan, đơn vị", "địa phương"]
    [(lead, *_)] = _tasks(
        "Kính gửi: Sở Y tế\nVăn phòng UBND tỉnh trân trọng kính mời Đồng chí dự Hội nghị."
    )
    assert lead == ["Sở Y tế"]


def test_the_list_an_earlier_document_gave_out_is_background():
    tasks = _tasks(
        "Ngày 28/5/2024, UBND tỉnh ban hành Phương án số 05/PA-UBND về khai thác tài sản công "
        "dôi dư; theo đó, UBND tỉnh giao nhiệm vụ:\n"
        "UBND các xã, phường (tiết a điểm 1 Mục IV): khẩn trương hoàn thiện hồ sơ pháp lý về đất.\n"
        "Sở Tài chính (điểm 3 Mục IV) tổng hợp, báo cáo UBND tỉnh.\n"
        "1. Đề nghị UBND các xã, phường và yêu cầu Văn phòng Đăng ký đất đai khẩn trương "
        "thực hiện các nhiệm vụ được giao.\n"
    )
    assert [lead for lead, *_ in tasks] == [["địa phương", "Văn phòng Đăng ký đất đai"]]


def test_a_class_heading_with_organisations_and_individuals_leads_its_items():
    tasks = _tasks(
        "5. Các doanh nghiệp viễn thông, tổ chức, cá nhân có liên quan\n"
        "- Tuân thủ các quy định về cấp phép xây dựng công trình hạ tầng viễn thông.\n"
    )
    assert [lead for lead, *_ in tasks] == [["Các doanh nghiệp viễn thông"]]


def test_an_invitation_is_due_on_the_day_of_its_time_line_and_skips_cited_bodies():
    [(lead, _, deadline, *_)] = _tasks(
        "Kính gửi:\n"
        "- Các đồng chí thành viên Ban Chỉ đạo (Theo Quyết định số 2319/QĐ-TTg ngày 20/10/2023 "
        "của Thủ tướng Chính phủ);\n"
        "- Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương.\n"
        "Văn phòng Chính phủ trân trọng kính mời Đồng chí dự Phiên họp lần thứ nhất.\n"
        "Phiên họp do Thủ tướng Chính phủ chủ trì.\n"
        "I. Thời gian: 14 giờ 30 phút, ngày 12 tháng 7 năm 2024 (Thứ Sáu).\n"
    )
    assert lead == ["địa phương"] and deadline == "2024-07-12"


def test_a_task_that_counts_its_parts_listed_below_is_a_task_itself():
    tasks = _tasks(
        "Sở Văn hóa và Thể thao chủ trì tổ chức chương trình truyền hình trực tiếp năm 2024, "
        "gồm 2 chuyên mục sau:\n"
        "TT | Nội dung | Đơn vị thực hiện\n"
        "1 | Giải đáp kiến nghị về thủ tục đất đai | Sở Tài chính\n"
        "2 | Giải đáp kiến nghị về thủ tục xây dựng | Sở Y tế\n"
    )
    assert [lead for lead, *_ in tasks] == [
        ["Sở Văn hóa và Thể thao"],
        ["Sở Tài chính"],
        ["Sở Y tế"],
    ]


def test_a_sender_that_asks_over_a_list_gives_its_items_to_the_addressees():
    tasks = _tasks(
        "Kính gửi: Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương.\n"
        "Văn phòng Chính phủ trân trọng đề nghị:\n"
        "1. Bộ Công an báo cáo kết quả thực hiện.\n"
        "2. Các đại biểu dự họp đúng thành phần, đăng ký đại biểu trước 15 giờ ngày 11/7/2024.\n"
    )
    assert [lead for lead, *_ in tasks] == [["Bộ Công an"], ["địa phương"]]


def test_dash_items_under_a_numbered_task_are_its_assignee_s():
    tasks = _tasks(
        "2.1. Sở Xây dựng phối hợp với UBND các phường, xã trong công tác ứng trực giải quyết "
        "úng ngập.\n"
        "- Rà soát, cập nhật danh sách các điểm úng ngập.\n"
        "- Tổ chức ứng trực theo địa bàn.\n"
        "2.2. Công an Thành phố bố trí lực lượng phân luồng giao thông.\n"
    )
    assert [lead for lead, *_ in tasks] == [["Sở Xây dựng"]] * 3 + [["Công an Thành phố"]]


def test_the_parts_of_what_a_task_makes_are_not_tasks():
    tasks = _tasks(
        "Chủ tịch UBND tỉnh giao Sở Nội vụ triển khai các nội dung sau:\n"
        "1. Xây dựng báo cáo tóm tắt tình hình thực hiện các chỉ số cải cách hành chính gồm:\n"
        "- Giai đoạn năm 2023: Kết quả đạt được, hạn chế, nguyên nhân.\n"
        "- Từ tháng 01/2024 đến nay: Tình hình triển khai, kết quả bước đầu.\n"
        "2. Đề xuất chương trình, nội dung cuộc họp.\n"
    )
    assert [(lead, text[:14]) for lead, *_, text in tasks] == [
        (["Sở Nội vụ"], "Xây dựng báo c"),
        (["Sở Nội vụ"], "Đề xuất chương"),
    ]


def test_a_resolution_that_allocates_powers_gives_no_task():
    assert (
        _tasks(
            "Điều 2. Phân cấp thẩm quyền\n"
            "1. Ủy ban nhân dân tỉnh quyết định mua sắm tài sản công có giá trị từ 5 tỷ đồng trở lên.\n"
            "2. Thủ trưởng các sở, ban, ngành quyết định mua sắm tài sản công có giá trị dưới 5 tỷ đồng.\n"
        )
        == []
    )


def test_a_heading_that_capitalises_a_word_of_a_body_s_name_still_names_it():
    tasks = _tasks(
        "6. Báo và Phát Thanh, Truyền hình tỉnh\n"
        "a) Chủ động cân đối kinh phí thực hiện chương trình.\n"
        "b) Kịp thời đưa tin về cải cách hành chính.\n"
    )
    assert [lead for lead, *_ in tasks] == [["Báo và Phát thanh, Truyền hình tỉnh"]] * 2


def test_a_leader_s_words_in_quotes_are_still_a_task():
    [(lead, *_)] = _tasks(
        "Kết luận cuộc họp, Phó Chủ tịch UBND tỉnh yêu cầu như sau: “Sở Y tế phải khẩn trương "
        "kiểm tra các cơ sở.”"
    )
    assert lead == ["Sở Y tế"]


def test_a_clause_that_opens_on_its_own_request_is_a_task_of_its_own():
    tasks = _tasks(
        "Sở Nông nghiệp và Môi trường yêu cầu các phòng, đơn vị thuộc Sở nghiêm túc triển khai "
        "thực hiện; Đề nghị UBND các xã, phường phối hợp thực hiện./."
    )
    assert [lead for lead, *_ in tasks] == [["cơ quan, đơn vị"], ["địa phương"]]
    # what was given before, and what was given with it, is history
    assert (
        _tasks(
            "Tại Văn bản số 1876/UBND-XD ngày 12/3/2024, UBND thành phố đã giao Sở Xây dựng rà soát "
            "các công trình vi phạm trật tự xây dựng; đồng thời giao Công an thành phố hỗ trợ lực "
            "lượng khi cưỡng chế."
        )
        == []
    )


def test_parenthesised_numbers_are_items_and_two_items_are_two_tasks():
    tasks = _tasks(
        "2. Công tác ứng trực\n"
        "(1). Các đơn vị duy trì thoát nước xây dựng kế hoạch ứng trực 24/24h cho từng khu vực.\n"
        "(2) Phối hợp Ban Cơ yếu Chính phủ triển khai giải pháp bảo mật dữ liệu.\n"
        "- Đơn vị chủ trì thực hiện: Sở Khoa học và Công nghệ.\n"
        "3. Đơn vị duy trì thoát nước:\n"
        "- Xây dựng kế hoạch ứng trực 24/24h cho từng khu vực.\n"
    )
    assert [(lead, support) for lead, support, *_ in tasks] == [
        (["Các đơn vị duy trì thoát nước"], []),
        # the item's own partner stays when its attribute lines name only the lead
        (["Sở Khoa học và Công nghệ"], ["Ban Cơ yếu Chính phủ"]),
        (["Các đơn vị duy trì thoát nước"], []),
    ]


def test_a_fixed_phrase_with_its_comma_stays_in_a_body_s_name():
    [(lead, *_)] = _tasks(
        "1.1. Phòng Kiểm tra Xây dựng và phòng cháy, chữa cháy:\n"
        "- Kiểm tra, xử lý các hành vi vi phạm hệ thống thoát nước.\n"
    )
    assert lead == ["Phòng Kiểm tra Xây dựng và phòng cháy, chữa cháy"]


def test_groups_narrowed_by_lien_quan_are_assignees_when_told_to_act_not_as_partners():
    tasks = _tasks(
        "1. Yêu cầu Sở Xây dựng, các sở, ngành và UBND các xã liên quan xác định trách nhiệm "
        "lập quy hoạch chung xã.\n"
        "2. Sở Tài chính chủ trì, phối hợp với các sở, ngành, địa phương liên quan rà soát.\n"
        "3. UBND các quận, huyện và các ngành liên quan xử lý dứt điểm các vi phạm.\n"
    )
    assert [(lead, support) for lead, support, *_ in tasks] == [
        (["Sở Xây dựng", "sở, ban, ngành", "địa phương"], []),
        (["Sở Tài chính"], []),
        (["địa phương"], []),  # a vague add-on of its own after named bodies stays vague
    ]


def test_a_numbered_list_of_assignees_without_a_colon_introduces_the_items_below():
    tasks = _tasks(
        "1. Giao người đứng đầu các cơ quan chuyên môn, cơ quan hành chính khác, các đơn vị sự "
        "nghiệp công lập trực thuộc Ủy ban nhân Thành phố; Chủ tịch Ủy ban nhân dân các xã, "
        "phường và đặc khu\n"
        "- Tiếp tục cập nhật cơ sở dữ liệu cán bộ, công chức, viên chức.\n"
        "- Thường xuyên kiểm tra, đôn đốc việc cập nhật dữ liệu.\n"
        "2. Giao Sở Nội vụ\n"
        "- Hướng dẫn, theo dõi tiến độ cập nhật dữ liệu.\n"
    )
    every = [
        "sở, ban, ngành",
        "các đơn vị sự nghiệp công lập trực thuộc Ủy ban nhân dân Thành phố",
        "địa phương",
    ]
    assert [lead for lead, *_ in tasks] == [every, every, ["Sở Nội vụ"]]


def test_a_body_s_short_name_stands_for_the_full_name_it_was_given():
    tasks = _tasks(
        "Điều 1. Thành lập Tổ giúp việc của Hội đồng thẩm định Chỉ số cải cách hành chính tỉnh "
        "(gọi tắt là Tổ giúp việc), gồm các thành viên:\n"
        "1. Tổ trưởng: Phó Giám đốc Sở Nội vụ.\n"
        "Điều 2. Nhiệm vụ\n"
        "Tổ giúp việc có trách nhiệm tham mưu Hội đồng tổng hợp, chấm điểm các cơ quan.\n"
    )
    assert [lead for lead, *_ in tasks] == [
        ["Tổ giúp việc của Hội đồng thẩm định Chỉ số cải cách hành chính tỉnh"]
    ]


def test_a_report_of_what_was_just_given_is_the_task_it_reports():
    [(lead, _, deadline, *_)] = _tasks(
        "Ngày 28/5/2019, UBND tỉnh vừa giao Sở Xây dựng kiểm tra các công trình, báo cáo "
        "trước ngày 10/6."
    )
    assert lead == ["Sở Xây dựng"]
    assert deadline == "2019-06-10"  # the year the report is dated by, not today's
    [(lead, *_)] = _tasks(
        "Phó Thủ tướng mới đây đã yêu cầu Bộ Công an chỉ đạo lực lượng công an tuần tra."
    )
    assert lead == ["Bộ Công an"]


def test_a_news_report_s_fronted_directive_and_another_province_s_committee_directing():
    tasks = _tasks(
        "Công văn nêu rõ, UBND các huyện tăng cường kiểm tra các cơ sở.\n\n"
        "Theo Chỉ thị, các sở, ngành tăng cường tuyên truyền.\n\n"
        "UBND tỉnh chỉ đạo các sở, ban, ngành, cơ quan, đơn vị thuộc tỉnh; UBND các huyện, "
        "thành phố tăng cường kiểm tra.\n"
    )
    assert [lead for lead, *_ in tasks] == [
        ["địa phương"],
        ["sở, ban, ngành"],
        ["sở, ban, ngành", "cơ quan, đơn vị", "địa phương"],
    ]
    # "Theo <document> số ...," cites another document: not fronted
    assert _tasks("Theo Kế hoạch số 12/KH-UBND, các sở, ngành đã tuyên truyền.") == []


def test_what_a_body_is_and_a_newspaper_publishing_the_text_are_not_tasks():
    assert (
        _tasks(
            "Báo Hà Giang trân trọng đăng toàn văn Công điện.\n\n"
            "Trung tâm Phát triển quỹ đất là đơn vị sự nghiệp có thu, trực thuộc Sở Tài chính.\n"
        )
        == []
    )
    [(lead, *_)] = _tasks("Sở Y tế là cơ quan thường trực, có trách nhiệm tổng hợp báo cáo.")
    assert lead == ["Sở Y tế"]


def test_the_ministries_are_the_departments_of_a_government_text_only():
    [(lead, *_)] = _tasks(
        "THỦ TƯỚNG CHÍNH PHỦ\n\nSố: 12/CĐ-TTg\n\nHà Nội, ngày 3 tháng 5 năm 2025\n\nCÔNG ĐIỆN\n\n"
        "Thủ tướng Chính phủ yêu cầu các Bộ, ngành và Ủy ban nhân dân các tỉnh, thành phố trực "
        "thuộc Trung ương khẩn trương kiểm tra các hồ đập.\n"
    )
    assert lead == ["sở, ban, ngành", "địa phương"]
    [(lead, *_)] = _tasks("UBND Thành phố đề nghị các bộ, ngành Trung ương hỗ trợ Thành phố.")
    assert lead == ["bộ, ngành trung ương"]


def test_places_named_after_one_local_committee_are_committees_too():
    [(lead, *_)] = _tasks("Yêu cầu UBND huyện Quang Bình, Bắc Quang triển khai kiểm tra.")
    assert lead == ["UBND huyện Quang Bình", "UBND huyện Bắc Quang"]
    [(lead, *_)] = _tasks("Giao UBND huyện Phú Vang, Sở Y tế kiểm tra các cơ sở.")
    assert lead == ["UBND huyện Phú Vang", "Sở Y tế"]


def test_an_execution_clause_mistyped_or_cut_off_with_the_page_is_not_a_task():
    decision = (
        "QUYẾT ĐỊNH:\n\nĐiều 1. Ban hành kèm theo Quyết định này Danh mục thủ tục hành chính.\n\n"
        "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n\n"
    )
    assert (
        _tasks(
            decision + "Điều 3. Chánh Văn phòng UBND tỉnh; Thủ trưởng các sở, ban, ngành thuộc "
            "tỉnh; Chủ tịch UBND các huyện, thành phố, thị xã chịu trách nhiệm hành Quyết định "
            "này./.\n"
        )
        == []
    )
    assert (
        _tasks(
            decision + "Điều 3. Thủ trưởng các cơ quan: Văn phòng UBND tỉnh, Sở Nông nghiệp và "
            "Phát triển nông thôn; UBND các huyện, thị xã, thành phố; UBND các xã"
        )
        == []
    )
    # an article after the one in force that does direct someone is still a task
    [(lead, *_)] = _tasks(decision + "Điều 3. Giao Sở Tư pháp kiểm tra việc thực hiện.\n")
    assert lead == ["Sở Tư pháp"]


def test_in_a_news_report_the_committee_s_past_request_is_the_directive_it_reports():
    page = (
        "Báo Hải Dương điện tử\nThời sự | Xã hội\n"
        "Để bảo đảm an toàn giao thông dịp nghỉ lễ, UBND tỉnh đã yêu cầu Công an tỉnh chỉ đạo "
        "cảnh sát giao thông tăng cường tuần tra, kiểm soát.\n"
    )
    [(lead, *_)] = _tasks(page)
    assert lead == ["Công an tỉnh"]
    # what an earlier, cited document asked stays history
    assert (
        _tasks(
            "Báo Bình Thuận điện tử\nNgày 13/6/2024, Chủ tịch UBND tỉnh ban hành Công văn số "
            "2197/UBND-NC; theo đó, Chủ tịch UBND tỉnh đã chỉ đạo các sở, ngành số hóa hồ sơ.\n"
        )
        == []
    )


def test_ministries_listed_by_their_fields_after_one_head_are_each_a_ministry():
    [(lead, *_)] = _tasks(
        "Bộ trưởng các Bộ: Quốc phòng, Công an, Nông nghiệp và Môi trường, Y tế; Bí thư, Chủ tịch "
        "UBND các tỉnh, thành phố tiếp tục chỉ đạo triển khai các biện pháp ứng phó bão."
    )
    assert lead == [
        "Bộ Quốc phòng",
        "Bộ Công an",
        "Bộ Nông nghiệp và Môi trường",
        "Bộ Y tế",
        "địa phương",
    ]


def test_a_bullet_s_own_paragraph_does_not_end_the_numbered_task_s_items():
    tasks = _tasks(
        "2.1.7. Sở Xây dựng phối hợp với Sở Nông nghiệp và Môi trường trong công tác điều tiết "
        "thoát nước.\n"
        "- Phối hợp ưu tiên tiêu thoát nước nhanh cho khu vực nội thành:\n"
        "Thực hiện theo Quy chế phối hợp số 924/QC-SNNMT-SXD; thiết lập cơ chế trao đổi thông tin.\n"
        "- Phối hợp UBND các phường, xã rà soát, cập nhật danh sách\n\n"
        "các điểm úng ngập, xác định vị trí xung yếu.\n"
        "- Rà soát các sông, mương không còn chức năng phục vụ sản xuất nông nghiệp.\n"
    )
    assert [lead for lead, *_ in tasks] == [["Sở Xây dựng"]] * 4
    assert tasks[-1][4].startswith("Rà soát các sông")


def test_bodies_of_the_party_youth_union_and_villages_are_named_assignees():
    tasks = _tasks(
        "1. Huyện đoàn phối hợp với Hội Liên hiệp Phụ nữ huyện tổ chức tuyên truyền.\n"
        "2. Ban cán sự các thôn có trách nhiệm vận động nhân dân treo cờ.\n"
        "3. Đồng chí Giám đốc Trung tâm Y tế huyện chỉ đạo các trạm y tế kiểm tra.\n"
    )
    assert [(lead, support) for lead, support, *_ in tasks] == [
        (["Huyện đoàn"], ["Hội Liên hiệp Phụ nữ huyện"]),
        (["Ban cán sự các thôn"], []),
        (["Trung tâm Y tế huyện"], []),
    ]


def test_local_committees_written_without_cac_and_a_bare_locality_after_a_group():
    tasks = _tasks(
        "1. UBND tỉnh yêu cầu các sở, ban, ngành, UBND huyện, thị xã, thành phố thực hiện nghiêm.\n"
        "2. Chủ tịch UBND tỉnh yêu cầu các ngành, địa phương khẩn trương giải phóng mặt bằng.\n"
    )
    assert [lead for lead, *_ in tasks] == [["sở, ban, ngành", "địa phương"]] * 2


def test_a_leader_named_after_the_title_still_directs_and_a_flattened_footer_is_no_task():
    [(lead, *_)] = _tasks(
        "Chủ tịch UBND TP Cần Thơ Trần Việt Trường yêu cầu các sở, ngành chấn chỉnh việc giải "
        "quyết hồ sơ."
    )
    assert lead == ["sở, ban, ngành"]
    flat = (
        "ỦY BAN NHÂN DÂN TỈNH HẢI DƯƠNG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Số:2639 /UBND-VP Hải "
        "Dương, ngày tháng 7 năm 2021 V/v bảo đảm lưu thông hàng hóa Kính gửi: Sở Công Thương "
        "Giao Sở Công Thương xây dựng kịch bản chi tiết; báo cáo UBND tỉnh trước 12h00 ngày "
        "22/7/2021./ Nơi nhận: - Như trên; - Thường trực Tỉnh ủy; - Lưu: VT, KTN."
    )
    doc = extract_text(flat, today=TODAY)
    assert (doc.meta.number, doc.meta.kind) == ("2639/UBND-VP", "công văn")
    assert [[m.name for m in t.lead] for t in doc.tasks] == [["Sở Công Thương"]]


def test_each_giao_cho_clause_of_a_sentence_is_a_task_with_its_own_deadline():
    tasks = _tasks(
        "Giao Sở Tư pháp phối hợp với UBND huyện A Lưới rà soát hồ sơ; giao cho Sở Nội vụ chủ trì, "
        "phối hợp Sở Tài chính thẩm định, báo cáo trước ngày 20-10-2023; giao cho UBND thành phố "
        "Huế kiểm tra, báo cáo trước ngày 30-10-2023."
    )
    assert [(lead, deadline) for lead, _, deadline, *_ in tasks] == [
        (["Sở Tư pháp"], None),
        (["Sở Nội vụ"], "2023-10-20"),
        (["UBND thành phố Huế"], "2023-10-30"),
    ]


def test_a_shorter_remark_on_the_same_assignees_does_not_swallow_the_news_lead():
    page = (
        "Báo Đồng Nai điện tử\nThời sự | Xã hội\n"
        "Theo đó, Sở Nông nghiệp và Môi trường đề nghị UBND các huyện, thị xã khẩn trương kiểm "
        "tra, rà soát các trường hợp vi phạm đất đai trên địa bàn, xử lý dứt điểm theo quy định.\n\n"
        "Đối với trường hợp vượt thẩm quyền, UBND các huyện, thị xã báo cáo UBND tỉnh xử lý.\n"
    )
    assert len(_tasks(page)) == 2


def test_a_newspaper_s_own_doings_are_not_tasks_its_duties_are():
    assert (
        _tasks(
            "Báo Thanh Niên rất hoan nghênh sự quan tâm của Chủ tịch UBND tỉnh.\n\n"
            "Báo Đà Nẵng số ra ngày 12/3 đăng thông tin phản ánh tình trạng lấn chiếm vỉa hè.\n"
        )
        == []
    )
    [(lead, *_)] = _tasks("Báo Hà Nội mới tăng cường tuyên truyền về phòng, chống dịch.")
    assert lead == ["Báo Hà Nội mới"]


def test_a_paragraph_that_opens_on_what_to_do_continues_the_task_before_it():
    tasks = _tasks(
        "UBND tỉnh yêu cầu các cơ quan, đơn vị, địa phương quán triệt các quy định về phòng cháy, "
        "chữa cháy.\n\n"
        "Tổ chức tự kiểm tra phòng cháy, chữa cháy tại trụ sở, kho tàng của đơn vị.\n"
    )
    assert [lead for lead, *_ in tasks] == [["cơ quan, đơn vị", "địa phương"]] * 2
    # with no task just before it, such a paragraph is no task (rule 3)
    assert _tasks("Tổ chức tự kiểm tra phòng cháy, chữa cháy tại trụ sở.\n") == []


def test_a_second_request_after_an_action_is_a_task_of_its_own():
    tasks = _tasks(
        "UBND tỉnh yêu cầu các sở, ngành triển khai và đề nghị các đoàn thể tỉnh phối hợp "
        "tuyên truyền."
    )
    assert [lead for lead, *_ in tasks] == [["sở, ban, ngành"], ["đoàn thể"]]


def test_local_committees_written_cac_ubnd_are_the_local_group():
    [(lead, *_)] = _tasks("UBND tỉnh yêu cầu các UBND huyện, thị xã, thành phố kiểm tra.")
    assert lead == ["địa phương"]


def test_an_item_s_own_paragraphs_stay_in_its_task():
    tasks = _tasks(
        "2. Sở Tư pháp:\n"
        "- Tiếp tục đổi mới, nâng cao chất lượng công tác tham mưu ban hành văn bản.\n\n"
        "Khi không có nội dung góp ý đối với dự thảo văn bản thì không phát hành văn bản.\n\n"
        "- Chủ trì, phối hợp với các đơn vị liên quan rà soát Quy chế làm việc của Sở;\n\n"
        "tăng cường theo dõi, kiểm tra, đôn đốc việc thực hiện các nhiệm vụ thường xuyên.\n"
    )
    assert len(tasks) == 2
    assert tasks[0][4].endswith("không phát hành văn bản.")
    assert tasks[1][4].endswith("nhiệm vụ thường xuyên.")


def test_small_accented_letters_are_not_capitals_in_a_name_or_a_sentence_end():
    # "đã" after "Thanh tra tỉnh" is no part of the name ("À-Ỹ" would take it for a capital)
    assert _tasks("Sau đó, Thanh tra tỉnh đã làm việc với bà Nguyễn Thị A.") == []
    [(lead, *_)] = _tasks(
        "Chủ tịch UBND tỉnh đề nghị Tòa án nhân dân khu vực 1 - Lâm Đồng không đồng ý nội dung "
        "khởi kiện."
    )
    assert lead == ["Tòa án nhân dân khu vực 1 - Lâm Đồng"]


def test_bodies_with_a_comma_or_a_department_in_their_name_keep_the_list_going():
    tasks = _tasks(
        "1. Chủ tịch UBND tỉnh yêu cầu Ban Chỉ huy Phòng, chống thiên tai và Tìm kiếm cứu nạn "
        "tỉnh, Thủ trưởng các sở, ban, ngành, Chủ tịch UBND các huyện rà soát phương án.\n"
        "2. UBND tỉnh yêu cầu các cơ quan chuyên môn, đơn vị sự nghiệp thuộc UBND tỉnh, UBND các "
        "huyện, thành phố triển khai kế hoạch.\n"
        "3. Sở Xây dựng đề nghị Thanh tra Sở Xây dựng chủ trì kiểm tra các công trình.\n"
    )
    assert [lead for lead, *_ in tasks] == [
        [
            "Ban Chỉ huy Phòng, chống thiên tai và Tìm kiếm cứu nạn tỉnh",
            "sở, ban, ngành",
            "địa phương",
        ],
        ["sở, ban, ngành", "cơ quan, đơn vị", "địa phương"],
        ["Thanh tra Sở Xây dựng"],
    ]


def test_communes_and_townships_are_the_local_group():
    [(lead, *_)] = _tasks("Lãnh đạo các xã, thị trấn cần quan tâm chỉ đạo công tác phòng dịch.")
    assert lead == ["địa phương"]


def test_a_body_asked_in_the_passive_and_those_a_letter_is_sent_to_are_the_leads():
    tasks = _tasks(
        "1. Các Ban Quản lý dự án được UBND thành phố yêu cầu khẩn trương lập tiến độ thi công.\n"
        "2. Bộ Y tế có văn bản gửi UBND các tỉnh, thành phố đề nghị tăng cường kiểm tra an toàn "
        "thực phẩm.\n"
    )
    assert [lead for lead, *_ in tasks] == [["Ban Quản lý dự án"], ["địa phương"]]


def test_an_enumerated_item_that_names_its_own_body_is_that_body_s():
    tasks = _tasks(
        "UBND tỉnh yêu cầu các sở, UBND các huyện thực hiện các nhiệm vụ sau: rà soát các dự án; "
        "kiểm tra tiến độ thi công; Công an tỉnh tăng cường tuần tra, kiểm soát."
    )
    assert [lead for lead, *_ in tasks][-1] == ["Công an tỉnh"]


def test_the_consequence_for_whoever_fails_is_not_a_task():
    tasks = _tasks(
        "Phòng Văn hóa đề nghị các cơ quan, đơn vị gửi báo cáo trước ngày 15/9/2019.\n\n"
        "Sau thời gian này, đơn vị nào không nộp thì Phòng Văn hóa và Thông tin sẽ tham mưu UBND "
        "huyện không công nhận.\n"
    )
    assert [lead for lead, *_ in tasks] == [["cơ quan, đơn vị"]]


def test_two_tasks_of_one_quotation_do_not_overlap():
    tasks = _tasks(
        "Báo Cựu chiến binh nhận được Thông báo số 81/TB-UBND về “Kết luận của Chủ tịch UBND "
        "tỉnh. Trong thông báo, Chủ tịch UBND tỉnh chỉ đạo rõ: “Giao cho Sở Kế hoạch và Đầu tư "
        "cung cấp thông tin về gói thầu số 7, báo cáo trước ngày 30-8-2011; giao cho UBND huyện "
        "Phú Lương kiểm tra việc sử dụng đất tại hợp tác xã may Biên Hòa trước ngày 15-9-2011”.\n"
    )
    assert [lead for lead, *_ in tasks] == [["Sở Kế hoạch và Đầu tư"], ["UBND huyện Phú Lương"]]
    assert not tasks[1][4].startswith("“")  # the second starts where the first ends


def test_a_committee_s_composition_and_accountability_for_failures_are_not_tasks():
    assert (
        _tasks(
            "Các Phó Trưởng ban gồm: Phó Giám đốc Sở Tài chính Nguyễn Văn An; Phó Giám đốc Sở Y "
            "tế Trần Văn Bình.\n\n"
            "Thủ trưởng cơ quan, đơn vị chịu trách nhiệm đối với những trường hợp báo cáo không "
            "trung thực.\n"
        )
        == []
    )
    # "các đơn vị liên quan" names no kind of body: no assignee, even as the only subject
    [(lead, *_)] = _tasks("Các đơn vị liên quan phải dừng cấp phép xây dựng.")
    assert lead == []


def test_the_body_a_unit_is_about_takes_a_task_given_without_an_object():
    tasks = _tasks(
        "1. Đối với Sở Y tế, lãnh đạo Thành phố giao nhiệm vụ chủ trì, phối hợp với UBND các "
        "quận, huyện kiểm tra an toàn thực phẩm.\n"
        "2. Bộ Nội vụ yêu cầu UBND cấp tỉnh rà soát, xác định diện tích các xã mới.\n"
    )
    assert [(lead, support) for lead, support, *_ in tasks] == [
        (["Sở Y tế"], ["địa phương"]),
        (["địa phương"], []),
    ]


def test_the_fields_listed_after_cac_nganh_are_departments_given_the_responsibility():
    [(lead, *_)] = _tasks(
        "UBND tỉnh giao trách nhiệm cho các ngành: Xây dựng, Tài nguyên và Môi trường và Chủ tịch "
        "UBND các huyện kiểm tra việc khai thác đất."
    )
    assert lead == ["Sở Xây dựng", "Sở Tài nguyên và Môi trường", "địa phương"]


def test_a_longer_second_task_of_the_same_assignees_is_not_a_retelling():
    tasks = _tasks(
        "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI\nSố: 12/UBND-ĐT\nHà Nội, ngày 3 tháng 5 năm 2025\n\n"
        "Yêu cầu UBND các quận, huyện phối hợp Thanh tra Sở Giao thông vận tải tăng cường kiểm "
        "tra, xử lý xe máy vi phạm trên các tuyến phố.\n\n"
        "Đặc biệt, UBND các quận, huyện phối hợp Thanh tra Sở Giao thông vận tải tăng cường ứng "
        "trực, kiểm tra, xử lý xe máy vi phạm trên các tuyến phố trong giờ cao điểm buổi sáng.\n"
    )
    assert len(tasks) == 2


def test_a_report_naming_afterwards_whom_the_directive_is_for():
    page = (
        "BÁO NGHỆ AN ĐIỆN TỬ\nThời sự | Xã hội\n\n"
        "Kiểm tra, xử lý nghiêm các trường hợp ra đường không cần thiết.\n\n"
        "Đó là chỉ đạo của UBND tỉnh đối với các sở, ban, ngành, UBND các huyện, thành phố, thị "
        "xã tại Công văn số 4079/UBND-KT ngày 19/6 về phòng, chống dịch.\n"
    )
    doc = extract_text(page, today=TODAY)
    assert doc.meta.number == "4079/UBND-KT"
    assert [[m.name for m in t.lead] for t in doc.tasks] == [["sở, ban, ngành", "địa phương"]]


def test_transport_firms_and_road_managers_are_named_classes_not_the_group():
    tasks = _tasks(
        "1. Các đơn vị kinh doanh vận tải có phương án bố trí phương tiện phục vụ nhân dân.\n"
        "2. Các đơn vị quản lý đường bộ tăng cường tuần đường.\n"
    )
    assert [lead for lead, *_ in tasks] == [
        ["Các đơn vị kinh doanh vận tải"],
        ["Các đơn vị quản lý đường bộ"],
    ]


def test_places_of_mixed_units_and_a_local_group_s_places_are_committees():
    tasks = _tasks(
        "1. UBND tỉnh yêu cầu UBND thị xã An Khê, huyện Chư Sê, Mang Yang chỉ đạo kiểm tra.\n"
        "2. Giao Sở Tài chính chủ trì, phối hợp UBND các huyện Ia Pa, Phú Thiện rà soát.\n"
    )
    assert [(lead, support) for lead, support, *_ in tasks] == [
        (["UBND thị xã An Khê", "UBND huyện Chư Sê", "UBND huyện Mang Yang"], []),
        (["Sở Tài chính"], ["UBND huyện Ia Pa", "UBND huyện Phú Thiện"]),
    ]


def test_a_committee_named_in_full_once_is_named_by_its_head_alone_afterwards():
    tasks = _tasks(
        "BÁO HÀ NỘI MỚI\nThời sự | Giáo dục\n\n"
        "Theo quyết định, Ban Chỉ đạo phổ cập giáo dục, xóa mù chữ thành phố Hà Nội có 27 thành "
        "viên, do bà Vũ Thu Hà là Trưởng ban.\n\n"
        "Ban Chỉ đạo có nhiệm vụ xây dựng kế hoạch triển khai, kiểm tra đánh giá kết quả phổ cập "
        "giáo dục trên địa bàn thành phố.\n"
    )
    assert [lead for lead, *_ in tasks] == [
        ["Ban Chỉ đạo phổ cập giáo dục, xóa mù chữ thành phố Hà Nội"]
    ]


def test_a_name_and_its_place_in_a_list_is_no_task():
    tasks = _tasks(
        "Sở Giáo dục và Đào tạo kiểm tra công tác phổ cập tại các trường, gồm: Trường THCS Nguyễn "
        "Du, xã Phú Lâm; Trường THCS Lê Lợi, xã Phú Mỹ.\n"
    )
    assert [lead for lead, *_ in tasks] == [["Sở Giáo dục và Đào tạo"]]


def test_paragraphs_a_page_unmarked_under_a_lead_in_are_its_items():
    tasks = _tasks(
        "Theo đó, UBND tỉnh yêu cầu các sở, ban ngành, UBND các huyện triển khai các nội dung:\n\n"
        "Tập trung rà soát các nhiệm vụ còn lại của kế hoạch năm 2024.\n\n"
        "Tiếp tục bố trí các nguồn lực khắc phục thiệt hại do thiên tai.\n\n"
        "Trước đó, tỉnh đã tổ chức hội nghị sơ kết."
    )
    assert [t[0] for t in tasks] == [["sở, ban, ngành", "địa phương"]] * 2
    assert tasks[1][4].startswith("Tiếp tục bố trí")


def test_a_report_s_line_of_whom_a_cable_is_sent_to_is_no_task():
    tasks = _tasks(
        "Thủ tướng vừa ký Công điện số 203/CĐ-TTg chỉ đạo các bộ, ngành, địa phương ứng phó mưa lũ.\n\n"
        "Công điện gửi Chủ tịch UBND các tỉnh: Quảng Trị, Huế; Bộ trưởng các Bộ: Quốc phòng, "
        "Công an, Y tế; Chánh Văn phòng Ban chỉ đạo phòng thủ dân sự quốc gia.\n\n"
        "Theo báo cáo, mưa lớn còn kéo dài."
    )
    assert len(tasks) == 1 and tasks[0][4].startswith("Thủ tướng vừa ký")


def test_a_part_title_between_a_lead_in_and_its_items_passes_the_assignees_on():
    for lead_in in (
        "Bộ đề nghị các Sở Giáo dục và Đào tạo tập trung thực hiện các nội dung sau:",
        "Để bảo đảm công tác phòng dịch, UBND tỉnh yêu cầu:",
    ):
        tasks = _tasks(
            "Kính gửi: Sở Giáo dục và Đào tạo; Sở Y tế.\n\n"
            f"{lead_in}\n\nA. NHIỆM VỤ CHUNG\n\n"
            "1. Tăng cường kiểm tra các cơ sở giáo dục.\n\n2. Rà soát kinh phí phòng dịch."
        )
        assert len(tasks) == 2 and all(t[0] for t in tasks), lead_in
        assert tasks[0][4].startswith("1. Tăng cường") or tasks[0][4].startswith("Tăng cường")


def test_an_ellipsis_in_or_after_a_list_of_assignees_keeps_the_list():
    for text in (
        "Các sở Xây dựng, Tài chính, Ban Quản lý dự án đầu tư xây dựng tỉnh... chung tay phối "
        "hợp với các địa phương khắc phục hậu quả.",
        "Các sở Xây dựng, Tài chính, ..., Ban Quản lý dự án đầu tư xây dựng tỉnh chung tay phối "
        "hợp với các địa phương khắc phục hậu quả.",
    ):
        [(lead, support, *_)] = _tasks(text)
        assert lead == ["Sở Xây dựng", "Sở Tài chính", "Ban Quản lý dự án đầu tư xây dựng tỉnh"]
        assert support == ["địa phương"]


def test_a_report_giving_the_directive_s_number_without_its_code():
    doc = extract_text(
        "Ngày 7/5/2024, UBND tỉnh có Công văn số 3217 yêu cầu các chủ đầu tư khẩn trương "
        "hoàn thành thủ tục giải ngân.",
        today=TODAY,
    )
    assert doc.meta.number == "3217" and doc.meta.date == date(2024, 5, 7)
    assert [[m.name for m in t.lead] for t in doc.tasks] == [["chủ đầu tư"]]


def test_the_group_phrasings_of_ministries_districts_and_owners_of_state_firms():
    cases = {
        "Thủ tướng yêu cầu Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Thủ trưởng cơ quan thuộc Chính "
        "phủ, Chủ tịch UBND các tỉnh, thành phố khẩn trương thực hiện các nhiệm vụ.": [
            "sở, ban, ngành", "địa phương"],  # (rule 6: the ministries of a Government text)
        "Chủ tịch UBND huyện yêu cầu Thủ trưởng cơ quan, ban ngành huyện và Chủ tịch UBND các xã, "
        "thị trấn tăng cường kiểm tra.": ["sở, ban, ngành", "địa phương"],
        "Sở Văn hóa yêu cầu các phòng, ban, đơn vị thực hiện nghiêm quy định.": [
            "sở, ban, ngành",
            "cơ quan, đơn vị",
        ],
        "UBND tỉnh yêu cầu các doanh nghiệp có vốn nhà nước chấp hành nghiêm quy định.": [
            "doanh nghiệp nhà nước"],
        "UBND tỉnh giao các đơn vị hành chính cấp huyện, cấp xã rà soát trụ sở.": ["địa phương"],
        "UBND tỉnh yêu cầu UBND đặc khu Cồn Cỏ tập trung khắc phục hậu quả bão.": [
            "UBND đặc khu Cồn Cỏ"],
    }  # fmt: skip
    for text, leads in cases.items():
        [(lead, *_)] = _tasks(text)
        assert lead == leads, text


def test_a_body_given_the_lead_in_the_passive_leads():
    [(lead, support, *_)] = _tasks(
        "Sở Tài chính được giao chủ trì, phối hợp với Sở Xây dựng rà soát kinh phí."
    )
    assert lead == ["Sở Tài chính"] and support == ["Sở Xây dựng"]


def test_a_vague_partner_with_its_own_head_and_determiner_leaves_the_one_before_named():
    [(_, support, *_)] = _tasks(
        "UBND tỉnh giao Sở Y tế chủ trì, phối hợp với Chủ tịch UBND các quận, huyện và Thủ "
        "trưởng các cơ quan, đơn vị liên quan triển khai ứng dụng."
    )
    assert support == ["địa phương"]


def test_the_issuer_saying_what_it_goes_on_doing_directs_no_one():
    assert (
        _tasks(
            "Ngày 5/4/2024, UBND tỉnh Kiên Giang họp phiên thường kỳ. Vì vậy, UBND tỉnh Kiên Giang "
            "tiếp tục đẩy mạnh thực hiện có hiệu quả các nhiệm vụ phát triển kinh tế."
        )
        == []
    )


def test_a_leader_named_after_a_dash_is_not_the_assignee():
    [(lead, *_)] = _tasks(
        "Chủ tịch UBND huyện Bến Lức - Lê Thành Út yêu cầu Thủ trưởng cơ quan, ban ngành huyện "
        "và Chủ tịch UBND các xã, thị trấn tăng cường kiểm tra."
    )
    assert lead == ["sở, ban, ngành", "địa phương"]


def test_a_list_of_assignees_goes_on_past_the_committee_its_first_member_is_under():
    [(lead, *_)] = _tasks(
        "Chủ tịch UBND huyện giao các cơ quan, đơn vị trực thuộc UBND huyện; UBND các xã, thị "
        "trấn phân công cán bộ trực 24/24."
    )
    assert lead == ["cơ quan, đơn vị", "địa phương"]


def test_shortenings_inside_the_name_of_a_body_no_registry_holds_are_spelled_out():
    [(lead, *_)] = _tasks(
        "UBND tỉnh giao Ủy ban MTTQ Việt Nam tỉnh Quảng Nam và Ban Quản lý dự án đầu tư xây dựng "
        "các công trình NN&PTNT tỉnh Quảng Nam tăng cường kiểm tra."
    )
    assert lead == [
        "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Quảng Nam",
        "Ban Quản lý dự án đầu tư xây dựng các công trình Nông nghiệp và Phát triển nông thôn tỉnh Quảng Nam",
    ]


def test_a_basis_opening_a_paragraph_is_no_continuation():
    tasks = _tasks(
        "Chủ tịch UBND tỉnh chỉ đạo các địa phương bố trí đủ người để điều tiết nước nội đồng.\n\n"
        "Thực hiện Công điện số 04/CĐ-TTg ngày 15/1/2024 của Thủ tướng Chính phủ về ứng phó "
        "với hạn hán, để chủ động nguồn nước, trên cơ sở đề xuất của Sở Nông nghiệp"
    )
    assert len(tasks) == 1


def test_a_portal_s_note_of_the_letter_it_tells_gives_its_number_and_date():
    doc = extract_text(
        "Văn phòng UBND tỉnh thông báo ý kiến chỉ đạo của Phó Chủ tịch UBND tỉnh về phòng, "
        "chống dịch (Công văn số: 1074/VP-KGVX, ngày 23/03/2020).\n\nTheo đó, yêu cầu các sở, "
        "ngành tăng cường kiểm tra.",
        today=TODAY,
    )
    assert (doc.meta.number, doc.meta.date) == ("1074/VP-KGVX", date(2020, 3, 23))


def test_a_page_cut_after_the_assignees_of_its_last_passage_leaves_no_task():
    assert (
        _tasks(
            "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n\nĐiều 3. Chánh Văn phòng UBND tỉnh, "
            "Thủ trưởng các sở, ban, ngành tỉnh và Chủ tịch Ủy ban nhân dân các hu"
        )
        == []
    )


def test_a_lead_paragraph_retold_a_little_shorter_by_the_body_is_one_task():
    tasks = _tasks(
        "Để thuận lợi cho người dân, UBND tỉnh Nghệ An yêu cầu UBND các xã, phường mới phối hợp "
        "với các đơn vị liên quan thực hiện việc chuyển đổi giấy tờ cho người dân ngay và không "
        "thu lệ phí.\n\n"
        "Sau sắp xếp, tỉnh giảm 48 đơn vị hành chính cấp xã.\n\n"
        "UBND các xã, phường mới phối hợp với Công an các cấp, Sở Tư pháp thực hiện việc chuyển "
        "đổi giấy tờ cho người dân ngay tại địa phương, không thu lệ phí."
    )
    assert len(tasks) == 1 and tasks[0][4].startswith("UBND các xã, phường mới phối hợp")


def test_a_report_of_a_committee_carrying_out_or_concluding_in_its_own_letter():
    for text, number in (
        ("Ngày 31/3/2020, Ủy ban Nhân dân TP Cần Thơ triển khai Công văn số 967/UBND-KGVX về việc "
         "thực hiện đợt cao điểm phòng, chống dịch.", "967/UBND-KGVX"),
        ("Ngày 31/5/2018, Phó Chủ tịch UBND tỉnh đã chủ trì cuộc họp và kết luận tại Thông báo số "
         "139/TB-UBND ngày 06/6/2018 như sau.", "139/TB-UBND"),
    ):  # fmt: skip
        assert extract_text(text, today=TODAY).meta.number == number


def test_a_body_that_will_lead_by_the_shares_given_out_leads():
    for text, lead in (
        ("Theo phân công, Sở Y tế sẽ chủ trì, phối hợp với Sở Tài chính xây dựng dự thảo Đề án.",
         ["Sở Y tế"]),
        ("Chủ tịch UBND tỉnh đã có phân công trách nhiệm cụ thể: Ban Quản lý Khu kinh tế Quảng "
         "Ninh sẽ chủ trì, tham mưu xây dựng dự thảo Đề án.", ["Ban Quản lý Khu kinh tế Quảng Ninh"]),
    ):  # fmt: skip
        [(found, *_)] = _tasks(text)
        assert found == lead


def test_who_chairs_a_meeting_leads_no_task():
    tasks = _tasks(
        "Ngày 22/2, ông Lê Ngọc Châu, Chủ tịch UBND thành phố Hải Phòng chủ trì cuộc họp giao ban "
        "triển khai nhiệm vụ trọng tâm tháng 2.\n\nCác sở, ngành, địa phương phải xây dựng kế "
        "hoạch chi tiết."
    )
    assert [t[0] for t in tasks] == [["sở, ban, ngành", "địa phương"]]


def test_a_news_site_s_numbered_caption_and_a_city_s_committee_in_short_are_no_task():
    assert (
        _tasks(
            "Ngày 5-12, UBND TP Cần Thơ tổ chức phiên họp thường kỳ tháng 11.\n\n"
            "Chủ tịch UBND TP Cần Thơ giao nhiệm vụ nóng cho sở ngành cuối năm - Ảnh 1.\n\n"
            "Chủ tịch UBND TP Cần Thơ giao nhiệm vụ nóng từ nay đến cuối năm."
        )
        == []
    )


def test_a_lead_in_closing_a_paragraph_that_opened_on_an_earlier_letter_is_the_text_s_own():
    tasks = _tasks(
        "Ngày 19/3/2024, UBND tỉnh có Công văn số 1542/UBND-NN về việc tăng cường phòng cháy, "
        "chữa cháy rừng. Để chủ động ứng phó với nguy cơ cháy rừng, Sở Y tế yêu cầu các đơn vị "
        "trực thuộc thực hiện một số nội dung như sau:\n\n"
        "- Tăng cường công tác tuyên truyền phòng cháy, chữa cháy rừng.\n\n"
        "- Bố trí lực lượng trực 24/24 giờ."
    )
    assert [t[0] for t in tasks] == [["cơ quan, đơn vị"]] * 2


def test_a_portal_s_title_line_of_the_letter_it_publishes_gives_its_number_and_date():
    doc = extract_text(
        "Về việc phối hợp triển khai công tác trồng cây năm 2023\n\n"
        "Công văn số 1639/SNN-CCKL ngày 23/10/2023 của Sở Nông nghiệp và PTNT tỉnh Hưng Yên Về "
        "việc phối hợp triển khai công tác trồng cây năm 2023.\n\n"
        "Đề nghị UBND các huyện chỉ đạo trồng cây.",
        today=TODAY,
    )
    assert (doc.meta.number, doc.meta.date) == ("1639/SNN-CCKL", date(2023, 10, 23))
    assert all(r.number != "1639/SNN-CCKL" for r in doc.references)


def test_a_group_narrowed_by_its_level_and_related_is_vague_and_the_list_goes_on():
    [(_, support, *_)] = _tasks(
        "Giao Sở Y tế chủ trì, phối hợp với Thủ trưởng các sở, ngành tỉnh liên quan, Chủ tịch Ủy "
        "ban nhân dân các huyện, thị xã triển khai thực hiện."
    )
    assert support == ["địa phương"]


def test_the_heads_a_prime_minister_s_cable_names_are_their_groups():
    [(lead, *_)] = _tasks(
        "Thủ tướng yêu cầu:\n\nBộ trưởng, Thủ trưởng các cơ quan ngang Bộ, cơ quan thuộc Chính "
        "phủ, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương, Chủ tịch Hội "
        "đồng thành viên, Tổng giám đốc các Tập đoàn, Tổng Công ty khẩn trương rà soát các dự án."
    )
    assert lead == ["sở, ban, ngành", "địa phương", "doanh nghiệp nhà nước"]
    [(lead, *_)] = _tasks(
        "Thủ tướng Chính phủ yêu cầu:\n\nBí thư tỉnh ủy, thành ủy và Chủ tịch Ủy ban nhân dân các "
        "tỉnh, thành phố trực tiếp lãnh đạo, huy động tối đa nguồn lực."
    )
    assert set(lead) == {"địa phương"}  # (not "Thành ủy Hà Nội" for "thành ủy")


def test_a_paragraph_opening_on_what_to_keep_doing_goes_on_with_the_task_before():
    tasks = _tasks(
        "Chủ tịch UBND tỉnh yêu cầu các sở, ngành, địa phương triển khai ứng phó bão.\n\n"
        "Kiểm soát chặt chẽ hoạt động của tàu thuyền.\n\n"
        "Sẵn sàng phương án sơ tán dân khỏi vùng nguy hiểm."
    )
    assert [t[0] for t in tasks] == [["sở, ban, ngành", "địa phương"]] * 3


def test_given_as_the_leading_body_leads_and_local_government_is_the_local_group():
    [(lead, *_)] = _tasks(
        "Sở Nông nghiệp và Phát triển nông thôn được giao là cơ quan chủ trì, phối hợp với các "
        "sở, ngành xây dựng kế hoạch."
    )
    assert lead == ["Sở Nông nghiệp và Phát triển nông thôn"]
    [(lead, *_)] = _tasks(
        "UBND tỉnh chỉ đạo các sở, ngành và chính quyền địa phương khẩn trương kiểm tra."
    )
    assert lead == ["sở, ban, ngành", "địa phương"]


def test_a_paragraph_that_spells_out_or_sets_a_target_goes_on_with_the_task_before():
    tasks = _tasks(
        "Chủ tịch UBND tỉnh yêu cầu các sở, ngành, địa phương triển khai ứng phó bão.\n\n"
        "Cụ thể, kiểm đếm, quản lý chặt chẽ tàu thuyền, cấm ra khơi từ ngày 27/9.\n\n"
        "Phấn đấu hoàn thành việc sơ tán dân trước khi bão đổ bộ."
    )
    assert [t[0] for t in tasks] == [["sở, ban, ngành", "địa phương"]] * 3


def test_the_issuer_after_a_fronted_purpose_states_its_own_act():
    assert (
        _tasks(
            "Để đạt được mong muốn trên, Chủ tịch UBND tỉnh Bến Tre kêu gọi các ngành, địa phương, "
            "cộng đồng doanh nghiệp và toàn thể nhân dân chung tay."
        )
        == []
    )


def test_a_lead_in_of_groups_one_to_a_semicolon_passes_them_all_down():
    tasks = _tasks(
        "Chủ tịch UBND tỉnh ban hành Chỉ thị số 03/CT-UBND với yêu cầu như sau:\n\n"
        "Thủ trưởng các Sở, ban, ngành; các cơ quan, tổ chức Trung ương được tổ chức theo ngành "
        "dọc tại tỉnh; các doanh nghiệp nhà nước thuộc tỉnh; Chủ tịch UBND các huyện, thành phố:\n\n"
        "Tổ chức phổ biến, quán triệt và triển khai thực hiện nghiêm túc Công văn số 414/BNV-VTLTNN."
    )
    assert len(tasks) == 1
    assert {"sở, ban, ngành", "doanh nghiệp nhà nước", "địa phương"} <= set(tasks[0][0])


def test_a_report_of_a_letter_sent_to_groups_one_to_a_semicolon_is_no_lead_in():
    assert (
        _tasks(
            "Chủ tịch UBND tỉnh Quảng Trị vừa có Công điện số 05/CĐ-UBND gửi Ban Chỉ huy Phòng chống "
            "thiên tai tỉnh; giám đốc các sở, thủ trưởng các ban, ngành; chủ tịch UBND các huyện, thị "
            "xã về việc ứng phó áp thấp nhiệt đới. Công điện nêu rõ:\n\n"
            "Theo bản tin của Đài Khí tượng thủy văn tỉnh, áp thấp nhiệt đới đã vượt qua đảo Luzon."
        )
        == []
    )


def test_a_subject_after_therefore_that_must_act_is_the_lead():
    [(lead, *_)] = _tasks(
        "Phó Chủ tịch UBND tỉnh nhấn mạnh: thời tiết còn diễn biến phức tạp, do đó các cấp, các "
        "ngành cần tập trung cao độ cho công tác phòng chống thiên tai."
    )
    assert lead == ["cơ quan, đơn vị"]


def test_a_report_s_day_and_month_with_a_dash_after_the_paper_s_mark_dates_the_directive():
    doc = extract_text(
        " date 2022-01 (GLO)- Ngày 19-1, Văn phòng UBND tỉnh Gia Lai ban hành thông báo kết luận "
        "của Chủ tịch UBND tỉnh.\n\nTheo đó, Chủ tịch UBND tỉnh yêu cầu các sở, ngành tập trung "
        "triển khai nhiệm vụ năm 2022.",
        today=TODAY,
    )
    assert doc.meta.date == date(2022, 1, 19)


def test_a_report_of_the_letter_a_body_issued_is_no_task_of_that_body():
    assert (
        _tasks(
            "Văn phòng Chính phủ có Thông báo số 608/TB-VPCP ngày 11/11/2025 kết luận của Phó Thủ "
            "tướng tại buổi làm việc với tỉnh Lào Cai."
        )
        == []
    )


def test_a_station_named_in_lower_case_after_its_head_is_a_body():
    [(lead, *_)] = _tasks(
        "Đài khí tượng thủy văn tỉnh cần theo dõi chặt chẽ tình hình thời tiết, kịp thời phát tin."
    )
    assert lead == ["Đài khí tượng thủy văn tỉnh"]


def test_a_body_asking_no_one_named_is_not_who_acts():
    assert (
        _tasks(
            "Theo đó, Sở GD-ĐT yêu cầu rà soát, kiểm tra bảo đảm đủ cơ sở vật chất cho năm học mới."
        )
        == []
    )
    [(lead, *_)] = _tasks("Sở Y tế chỉ đạo triển khai các biện pháp phòng dịch.")
    assert lead == ["Sở Y tế"]  # (who directs, acts)


def test_a_body_issuing_a_document_by_its_title_is_news_no_task():
    for text in (
        "UBND xã Tịnh Trà ban hành Kế hoạch triển khai chuyển đổi số năm 2024 như sau:",
        "Ngày 5/3/2024, Ban Thường vụ Tỉnh ủy ban hành Nghị quyết số 06-NQ/TU về chuyển đổi số.",
    ):
        assert _tasks(text) == [], text


def test_a_subject_set_apart_by_riêng_acts():
    tasks = _tasks(
        "UBND tỉnh yêu cầu các địa phương hoàn thiện hồ sơ dự án. Riêng UBND huyện Khánh Sơn "
        "khẩn trương hoàn thiện thủ tục đầu tư trước ngày 30/10/2024."
    )
    assert [t[0] for t in tasks] == [["địa phương"], ["UBND huyện Khánh Sơn"]]


def test_the_directive_a_report_says_was_signed_and_issued_is_the_document():
    doc = extract_text(
        "Chỉ thị số 26/CT-UBND được Chủ tịch UBND TP Hà Nội Trần Sỹ Thanh ký và ban hành ngày "
        "20/12/2023 yêu cầu các sở, ngành bảo đảm Tết an toàn.",
        today=TODAY,
    )
    assert (doc.meta.number, doc.meta.date) == ("26/CT-UBND", date(2023, 12, 20))


def test_members_of_a_committee_stand_for_it():
    [(lead, *_)] = _tasks(
        "UBND tỉnh đề nghị các đồng chí thành viên Ban Chỉ huy Phòng thủ dân sự tỉnh, các cơ quan, "
        "đơn vị tập trung triển khai các biện pháp ứng phó."
    )
    assert lead == ["Ban Chỉ huy Phòng thủ dân sự tỉnh", "cơ quan, đơn vị"]


def test_a_page_cut_inside_its_last_list_of_assignees_leaves_no_task():
    assert (
        _tasks(
            "Chủ tịch UBND tỉnh yêu cầu Bộ Chỉ huy Quân sự tỉnh, Công an tỉnh, Sở Xây dựng, Cảng vụ hàng"
        )
        == []
    )
    [(lead, *_)] = _tasks("Chủ tịch UBND tỉnh yêu cầu Sở Xây dựng chủ trì kiểm tra các công tr")
    assert lead == ["Sở Xây dựng"]  # (its action is there)


def test_a_partner_list_of_groups_one_to_a_semicolon_stays_one_list():
    [(_, support, *_)] = _tasks(
        "Sở Y tế chủ trì, phối hợp chặt chẽ với các phòng, ban, ngành, đoàn thể; tổ chức chính trị "
        "- xã hội; UBND các xã, thị trấn trong quá trình triển khai thực hiện nhiệm vụ."
    )
    assert "địa phương" in support


def test_a_party_committee_s_standing_board_is_named_whole():
    assert (
        _tasks(
            "Ngày 5/3/2024, Ban Thường vụ Tỉnh ủy ban hành Nghị quyết số 06-NQ/TU về chuyển đổi số."
        )
        == []
    )


def test_the_rest_of_a_year_fronted_is_the_task_s_deadline():
    [(_, _, deadline, *_)] = _tasks(
        "Trong những tháng còn lại của năm 2023, UBND tỉnh yêu cầu các sở, ngành tập trung giải "
        "ngân vốn đầu tư công."
    )
    assert deadline == "2023-12-31"


def test_the_standing_agency_of_a_committee_is_that_committee():
    [(lead, *_)] = _tasks(
        "Chủ tịch UBND huyện yêu cầu cơ quan Thường trực Ban An toàn giao thông huyện, Thủ trưởng "
        "các cơ quan, đơn vị và UBND các xã, thị trấn triển khai thực hiện nghiêm."
    )
    assert lead == ["Ban An toàn giao thông huyện", "cơ quan, đơn vị", "địa phương"]


def test_asked_through_đến_the_bodies_after_it_act():
    [(lead, *_)] = _tasks(
        "Bí thư Huyện ủy yêu cầu đến các cơ quan, đơn vị tập trung thực hiện tốt công tác dân vận."
    )
    assert lead == ["cơ quan, đơn vị"]


def test_items_that_only_name_documents_are_no_tasks():
    assert (
        _tasks(
            "UBND tỉnh đề nghị UBND các huyện áp dụng các văn bản sau:\n\n"
            "- Nghị định số 57/2018/NĐ-CP ngày 17/4/2018 của Chính phủ về cơ chế khuyến khích doanh "
            "nghiệp đầu tư vào nông nghiệp.\n\n"
            "- Nghị định số 83/2018/NĐ-CP ngày 24/5/2018 của Chính phủ về khuyến nông; Nghị quyết số "
            "08/2020/NQ-HĐND ngày 10/7/2020 của HĐND tỉnh về mức hỗ trợ."
        )
        == []
    )


def test_a_leader_a_letter_is_sent_to_who_directs_is_who_acts():
    [(lead, *_)] = _tasks(
        "Đồng chí Bí thư Tỉnh ủy Bến Tre chỉ đạo việc triển khai thực hiện nghiêm túc Công điện."
    )
    assert lead == ["Tỉnh ủy Bến Tre"]


def test_a_city_written_tphcm_ends_a_name_and_a_district_written_h_is_spelled_out():
    [(lead, *_)] = _tasks("UBND TPHCM giao Công an TPHCM bám sát chỉ đạo, tăng cường tuần tra.")
    assert lead == ["Công an Thành phố Hồ Chí Minh"]  # the full official form
    [(lead, *_)] = _tasks("UBND tỉnh yêu cầu Sở Xây dựng, UBND H.Bắc Bình tăng cường kiểm tra.")
    assert lead == ["Sở Xây dựng", "UBND huyện Bắc Bình"]


def test_a_letter_passed_on_for_another_body_to_act_on_is_that_body_s_task():
    [(lead, *_)] = _tasks(
        "Văn phòng UBND tỉnh chuyển nội dung nêu trên đến Ban Quản lý dự án đầu tư xây dựng tỉnh "
        "để nghiên cứu, xử lý theo quy định."
    )
    assert lead == ["Ban Quản lý dự án đầu tư xây dựng tỉnh"]


def test_a_recurring_task_has_no_deadline_though_it_names_its_days():
    [(_, _, deadline, recurrence, _)] = _tasks(
        "Sở Tài chính tổng hợp, báo cáo UBND tỉnh trước ngày 05/6 và 05/12 hàng năm."
    )
    assert (deadline, recurrence) == (None, "yearly")


def test_a_body_given_to_partner_acts_and_an_ellipsis_after_a_group_ends_the_list():
    [(lead, *_)] = _tasks(
        "Văn phòng UBND tỉnh Bắc Ninh được giao phối hợp với Sở Ngoại vụ chuẩn bị hội nghị."
    )
    assert lead == ["Văn phòng UBND tỉnh Bắc Ninh"]
    [(lead, *_)] = _tasks(
        "Trên cơ sở hướng dẫn của các Bộ, ngành…, Sở Kế hoạch và Đầu tư chủ trì tổng hợp kế hoạch."
    )
    assert lead == ["Sở Kế hoạch và Đầu tư"]


def test_a_page_s_own_letter_by_a_lone_line_a_short_kind_or_a_bare_number():
    cases = {
        "Về việc đôn đốc thực hiện dự án.\n\nVăn phòng UBND tỉnh chuyển nội dung đến Sở Xây dựng để "
        "xử lý.\n\nCông văn số 3570/VP-CTXD ngày 24/10/2025\n": "3570/VP-CTXD",
        "CV 9229/UBND-VHXH V/v Áp dụng một số biện pháp phòng, chống dịch\n\nUBND tỉnh yêu cầu "
        "các sở, ngành thực hiện.": "9229/UBND-VHXH",
        "Ngày 26/7/2021, UBND thành phố Huế có Công văn 4424 gửi Phòng Kinh tế thành phố về việc "
        "phòng, chống dịch.": "4424",
    }  # fmt: skip
    for text, number in cases.items():
        assert extract_text(text, today=TODAY).meta.number == number, text


def test_examples_after_như_are_objects_of_one_task_not_tasks():
    tasks = _tasks(
        "UBND tỉnh giao Sở Công Thương tăng cường kiểm tra, xử lý nghiêm các hành vi vi phạm như: "
        "hàng giả, hàng nhái; hàng hóa không rõ nguồn gốc; hành vi đầu cơ, găm hàng."
    )
    assert [t[0] for t in tasks] == [["Sở Công Thương"]]


def test_a_culture_department_written_in_small_letters_is_one_body():
    [(lead, *_)] = _tasks(
        "UBND tỉnh Quảng Trị giao Sở văn hóa, Thể thao và Du lịch chủ trì tổ chức lễ hội."
    )
    assert lead == ["Sở Văn hóa, Thể thao và Du lịch"]


def test_chỉ_thị_in_small_letters_is_a_directive_verb_and_in_capitals_a_document():
    [(lead, *_)] = _tasks(
        "Chủ tịch UBND tỉnh chỉ thị các sở, ban, ngành tăng cường công tác phòng cháy chữa cháy."
    )
    assert lead == ["sở, ban, ngành"]
    assert _tasks("Thực hiện Chỉ thị số 05/CT-TTg, Chỉ thị Sở Y tế ban hành năm 2023.") == []


def test_places_a_directive_verb_names_bare_are_their_peoples_committees():
    [(lead, _, deadline, *_)] = _tasks(
        "Giao thành phố Đông Hà, huyện Gio Linh kiểm tra các cơ sở kinh doanh trước ngày 30/4/2024."
    )
    assert lead == ["UBND thành phố Đông Hà", "UBND huyện Gio Linh"]
    assert deadline == "2024-04-30"
    [(lead, *_)] = _tasks(
        "Chủ tịch UBND tỉnh yêu cầu huyện Triệu Phong, Hải Lăng và thị xã Quảng Trị khắc phục hậu quả."
    )
    assert lead == ["UBND huyện Triệu Phong", "UBND huyện Hải Lăng", "UBND thị xã Quảng Trị"]
    # a place that is only where something happens names no one
    assert _tasks("Mưa lớn gây ngập tại huyện Gio Linh, thành phố Đông Hà.") == []


def test_a_prevention_command_s_dash_joined_name_is_whole():
    [(lead, *_)] = _tasks(
        "Ban Chỉ huy Phòng thủ dân sự - Phòng, chống thiên tai và Tìm kiếm cứu nạn tỉnh theo dõi "
        "chặt chẽ diễn biến mưa lũ."
    )
    assert lead == [
        "Ban Chỉ huy Phòng thủ dân sự - Phòng, chống thiên tai và Tìm kiếm cứu nạn tỉnh"
    ]


def test_the_force_of_a_body_is_the_body():
    [(lead, *_)] = _tasks("Lực lượng Công an tỉnh tăng cường tuần tra, kiểm soát trên các tuyến.")
    assert lead == ["Công an tỉnh"]


def test_local_committees_counted_not_listed_are_the_local_group():
    [(lead, *_)] = _tasks("Chủ tịch UBND 36 phường, xã khẩn trương triển khai thực hiện.")
    assert lead == ["địa phương"]
    [(lead, *_)] = _tasks("UBND tỉnh yêu cầu 13 huyện, thị xã, thành phố tăng cường kiểm tra.")
    assert lead == ["địa phương"]


def test_the_registrys_city_bodies_are_the_issuing_provinces_in_its_texts():
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG TRỊ\nSố: 12/UBND-KT\nQuảng Trị, ngày 3 tháng 4 năm 2024\n"
        "Giao Cục Thuế chủ trì, phối hợp với Kho bạc Nhà nước rà soát các khoản thu.\n"
    )
    [task] = extract_text(text, today=TODAY).tasks
    assert [m.name for m in task.lead] == ["Cục Thuế tỉnh Quảng Trị"]
    assert [m.name for m in task.support] == ["Kho bạc Nhà nước tỉnh Quảng Trị"]
    assert task.lead[0].agency_id is None  # not the registry's (Hà Nội's) Cục Thuế


def test_a_leader_a_letter_is_sent_to_must_direct_what_it_is_told_to():
    text = (
        "VĂN PHÒNG CHÍNH PHỦ\nSố: 8000/VPCP-V.I\nHà Nội, ngày 08 tháng 9 năm 2018\n"
        "Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh Phú Thọ\n"
        "Phó Thủ tướng có ý kiến chỉ đạo như sau:\n"
        "Chủ tịch Ủy ban nhân dân tỉnh Phú Thọ chỉ đạo các sở, ngành chức năng kiểm tra, làm rõ "
        "nội dung phản ánh, báo cáo Thủ tướng Chính phủ trước ngày 01 tháng 11 năm 2018.\n"
    )
    [task] = extract_text(text, today=TODAY).tasks
    assert [m.name for m in task.lead] == ["Ủy ban nhân dân tỉnh Phú Thọ"]
    # the issuing committee directing its departments gives the task to them
    [(lead, *_)] = _tasks(
        "UBND tỉnh chỉ đạo các sở, ngành chức năng kiểm tra, làm rõ nội dung phản ánh."
    )
    assert lead == ["sở, ban, ngành"]


def test_a_body_given_an_action_in_the_passive_acts():
    [(lead, *_)] = _tasks(
        "Theo kế hoạch, Công an tỉnh được giao đảm bảo an ninh, trật tự tại khu vực."
    )
    assert lead == ["Công an tỉnh"]
    [(lead, _, deadline, *_)] = _tasks(
        "Bên cạnh đó, UBND cấp xã cũng được giao nhiệm vụ ký hợp đồng thu gom rác đến hết năm 2025."
    )
    assert (lead, deadline) == (["địa phương"], "2025-12-31")
    # what it manages is no task
    assert _tasks("Công ty được giao quản lý 12 trạm bơm trên địa bàn.") == []


def test_a_body_responsible_for_directing_others_leads():
    [(lead, *_)] = _tasks(
        "Sở Y tế còn có trách nhiệm chỉ đạo các đơn vị xét nghiệm trả kết quả trong ngày."
    )
    assert lead == ["Sở Y tế"]


def test_a_notice_s_closing_with_xin_is_no_task_of_its_sender():
    assert (
        _tasks(
            "Văn phòng Chính phủ xin thông báo để các Bộ: Y tế, Tài chính và UBND các tỉnh biết, "
            "thực hiện./."
        )
        == []
    )


def test_offices_boards_and_sectors_are_the_departments_group():
    [(lead, *_)] = _tasks(
        "Thủ trưởng cơ quan, ban, ngành, đoàn thể cấp huyện tổ chức quán triệt nội dung Chỉ thị."
    )
    assert lead == ["sở, ban, ngành", "đoàn thể"]
    [(lead, *_)] = _tasks(
        "Các Sở, ban ngành, đơn vị thuộc Ủy ban nhân dân tỉnh, Ủy ban nhân dân các huyện, thành phố "
        "tiếp tục triển khai các biện pháp phòng dịch."
    )
    assert lead == ["sở, ban, ngành", "cơ quan, đơn vị", "địa phương"]


def test_a_district_directing_its_units_gives_them_the_task():
    [(lead, _, deadline, *_)] = _tasks(
        "Huyện Sốp Cộp chỉ đạo các cơ quan chuyên môn, các xã tập trung hoàn thành kế hoạch trước "
        "ngày 31/12/2023."
    )
    assert (lead, deadline) == (["sở, ban, ngành", "địa phương"], "2023-12-31")


def test_a_comma_or_a_time_between_the_verb_and_its_object():
    [(lead, *_)] = _tasks(
        "Lãnh đạo tỉnh Đồng Nai yêu cầu trước ngày 10/5/2024, Sở Tài chính hoàn thành rà soát."
    )
    assert lead == ["Sở Tài chính"]
    [(lead, support, *_)] = _tasks(
        "Tại văn bản số 1345/UBND-KT, UBND tỉnh chỉ đạo, UBND huyện Cam Lâm phối hợp Sở NN&PTNT "
        "kiểm điểm trách nhiệm."
    )
    assert (lead, support) == (["UBND huyện Cam Lâm"], ["Sở Nông nghiệp và Phát triển nông thôn"])
    assert _tasks("Theo chỉ đạo, Sở Y tế đã tổ chức kiểm tra 30 cơ sở.") == []


def test_every_phối_hợp_clause_names_partners():
    [(_, support, *_)] = _tasks(
        "Giao Sở Công Thương chủ trì, phối hợp với Sở TN&MT xác định vị trí, phối hợp với Sở NN&PTNT "
        "để xác định mật độ."
    )
    assert support == ["Sở Tài nguyên và Môi trường", "Sở Nông nghiệp và Phát triển nông thôn"]


def test_a_shared_head_list_with_culture_and_tourism_shortened_and_semicolons():
    [(lead, *_)] = _tasks(
        "Yêu cầu các Sở: Y tế, GD&ĐT, VHTT&DL, LĐTB&XH; Công an tỉnh; Bộ Chỉ huy Quân sự tỉnh; "
        "UBND các huyện, thành phố triển khai thực hiện."
    )
    assert lead == [
        "Sở Y tế", "Sở Giáo dục và Đào tạo", "Sở Văn hóa, Thể thao và Du lịch",
        "Sở Lao động - Thương binh và Xã hội", "Công an tỉnh", "Bộ Chỉ huy Quân sự tỉnh", "địa phương",
    ]  # fmt: skip


def test_a_national_park_is_a_body():
    [(lead, *_)] = _tasks(
        "UBND tỉnh yêu cầu UBND huyện Ngọc Hiển và Vườn Quốc gia Mũi Cà Mau vận động người dân di dời."
    )
    assert lead == ["UBND huyện Ngọc Hiển", "Vườn Quốc gia Mũi Cà Mau"]


def test_a_news_lead_that_reports_a_directive_to_groups_is_summed_up_by_its_body():
    text = (
        "UBND tỉnh vừa ban hành công văn (số 3018/UBND-KTN) yêu cầu các ngành, địa phương triển "
        "khai thực hiện yêu cầu của Ủy ban An toàn giao thông quốc gia.\n\n"
        "Theo đó, UBND tỉnh giao Ban An toàn giao thông tỉnh, Công an tỉnh, Sở Giao thông vận tải "
        "khẩn trương triển khai thực hiện yêu cầu của Ủy ban An toàn giao thông quốc gia tại công "
        "văn vừa ban hành, hướng dẫn các ngành, địa phương.\n"
    )
    [(lead, *_)] = _tasks(text)
    assert lead == ["Ban An toàn giao thông tỉnh", "Công an tỉnh", "Sở Giao thông vận tải"]
    # a lead with its own action, followed by other bodies' tasks, stays (dev's reading)
    text = (
        "UBND thành phố vừa ban hành Công văn số 3983/UBND-TKTH giao các sở, ban, ngành kiểm soát "
        "tốt dịch Covid-19, không để lây lan trong cộng đồng.\n\n"
        "UBND thành phố giao Sở Kế hoạch và Đầu tư chủ trì xây dựng chương trình hành động.\n"
    )
    assert [t[0] for t in _tasks(text)] == [["sở, ban, ngành"], ["Sở Kế hoạch và Đầu tư"]]


def test_each_provinces_body_is_one_assignee_not_the_provinces_too():
    [(lead, *_)] = _tasks(
        "Bộ Giáo dục và Đào tạo yêu cầu Giám đốc sở GD&ĐT các tỉnh, thành phố khu vực miền Trung chủ "
        "động phương án."
    )
    assert lead == ["Sở Giáo dục và Đào tạo"]
    [(lead, *_)] = _tasks(
        "Đề nghị Cục Quản lý thị trường các tỉnh, thành phố trực thuộc Trung ương tăng cường kiểm tra."
    )
    assert lead == ["Cục Quản lý thị trường"]  # not the registry's "Cục Quản lý thị trường Hà Nội"


def test_a_news_page_of_another_province_names_its_bodies_after_it():
    [(lead, *_)] = _tasks(
        "UBND tỉnh Bà Rịa - Vũng Tàu yêu cầu Cục Thuế tăng cường kiểm tra các khoản thu."
    )
    assert lead == ["Cục Thuế tỉnh Bà Rịa - Vũng Tàu"]


def test_shortened_names_of_commands_fronts_and_cities_are_spelled_out():
    [(lead, *_)] = _tasks(
        "Yêu cầu Ban Chỉ huy PCTT và TKCN thị xã; Ban Chỉ huy PTDS thị xã chủ động ứng phó."
    )
    assert lead == [
        "Ban Chỉ huy Phòng, chống thiên tai và Tìm kiếm cứu nạn thị xã",
        "Ban Chỉ huy Phòng thủ dân sự thị xã",
    ]
    [(lead, *_)] = _tasks(
        "Đồng thời đề nghị UB MTTQ tỉnh và UBND TP.Phan Thiết vận động nhân dân chấp hành."
    )
    assert lead == ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "UBND thành phố Phan Thiết"]
    [(lead, *_)] = _tasks("UBND tỉnh yêu cầu H.Tuy Phong phải khẩn trương di dời dân.")
    assert lead == ["UBND huyện Tuy Phong"]


def test_a_named_level_is_no_vague_partner_beside_a_vague_one():
    [(_, support, *_)] = _tasks(
        "Sở Tài chính chủ trì, phối hợp với UBND cấp xã và sở ngành liên quan triển khai."
    )
    assert support == ["địa phương"]


def test_subjects_after_về_phía_còn_and_a_label_đối_với():
    [(lead, *_)] = _tasks("Về phía UBND huyện Đam Rông tổ chức lắp đặt camera giám sát.")
    assert lead == ["UBND huyện Đam Rông"]
    [(lead, *_)] = _tasks("Còn UBND các phường, xã, đặc khu tổ chức rà soát các hộ dân.")
    assert lead == ["địa phương"]
    tasks = _tasks(
        "Đối với huyện Khánh Sơn: Áp dụng các biện pháp hạn chế tập trung đông người.\n\n"
        "Đối với UBND cấp xã: Có kết quả đánh giá đạt loại Tốt.\n"
    )
    assert [t[0] for t in tasks] == [["UBND huyện Khánh Sơn"]]  # a criterion directs no one


def test_a_list_goes_on_past_the_city_a_local_group_names():
    [(lead, *_)] = _tasks(
        "Giao Sở Y tế, Ủy ban nhân dân các huyện, thị xã, thành phố Huế và các Sở, ban, ngành triển khai."
    )
    assert lead == ["Sở Y tế", "địa phương", "sở, ban, ngành"]


def test_a_report_s_directive_number_and_date_in_more_shapes():
    cases = {
        "Ngày 29/7/2020. Chủ tịch UBND tỉnh ban hành Công văn số 6732/UBND-Y yêu cầu các sở, ngành "
        "tăng cường phòng dịch.": ("6732/UBND-Y", date(2020, 7, 29)),
        "Ngày 31 tháng 5 năm 2019, Chủ tịch UBND tỉnh có công điện số 3272/CĐ-UBND-LN yêu cầu UBND "
        "các huyện tăng cường bảo vệ rừng.": ("3272/CĐ-UBND-LN", date(2019, 5, 31)),
        "Đó là nội dung của Quyết định số 3380/QĐ-UBND ngày 30/12/2019 của UBND tỉnh. Theo đó, giao "
        "Sở Y tế kiểm tra.": ("3380/QĐ-UBND", date(2019, 12, 30)),
        "date 2020-06 UBND tỉnh vừa ban hành công văn (số 3018/UBND-KTN) yêu cầu các ngành, địa "
        "phương triển khai.": ("3018/UBND-KTN", None),
        "Văn bản Số 338/UBND-KGVX của UBND tỉnh Bắc Ninh.\nChủ tịch UBND tỉnh yêu cầu UBND các "
        "huyện thực hiện nghiêm cách ly xã hội.": ("338/UBND-KGVX", None),
    }  # fmt: skip
    for text, (number, on) in cases.items():
        meta = extract_text(text, today=TODAY).meta
        assert (meta.number, meta.date) == (number, on), text


def test_a_report_s_day_and_month_take_the_page_s_year():
    cases = {
        "03:05, 04/05/2019\n\nSáng 4-5, ông Lê Đức Vinh, Chủ tịch UBND tỉnh chủ trì cuộc họp. Chủ "
        "tịch UBND tỉnh giao Sở Văn hóa và Thể thao chuẩn bị lễ hội.": date(2019, 5, 4),
        "date 2024-09 Trẻ tiêm vắc xin tại trạm y tế - Ảnh: THU HIẾNNgày 6-9, UBND TP.HCM có văn bản "
        "gửi các sở ngành chức năng triển khai chiến dịch tiêm chủng.": date(2024, 9, 6),
    }  # fmt: skip
    for text, on in cases.items():
        assert extract_text(text, today=TODAY).meta.date == on, text


def test_imperative_paragraphs_after_a_task_go_on_with_its_assignees():
    text = (
        "Bộ GD&ĐT gửi công điện đến Giám đốc các sở GD&ĐT khu vực Trung bộ về ứng phó áp thấp.\n\n"
        "Theo đó, Bộ GD&ĐT yêu cầu Giám đốc sở GD&ĐT các tỉnh, thành phố quán triệt công điện.\n\n"
        "Lên phương án đảm bảo an toàn dạy và học, có thể cho học sinh nghỉ học.\n\n"
        "Xây dựng kế hoạch bảo đảm an toàn về cơ sở vật chất, thiết bị dạy học.\n"
    )
    tasks = _tasks(text)
    # the report of the letter sent is no task of its sender
    assert [t[0] for t in tasks] == [["Sở Giáo dục và Đào tạo"]] * 3
    assert tasks[1][4].startswith("Lên phương án")


def test_a_cited_document_s_title_period_is_no_deadline():
    [(_, _, deadline, *_)] = _tasks(
        "UBND tỉnh yêu cầu các sở, ban, ngành tiếp tục thực hiện Công văn số 896/UBND-NC ngày "
        "22-4-2020 về việc triển khai nhiệm vụ bảo đảm trật tự an toàn giao thông quý II-2020)."
    )
    assert deadline is None
    [(_, _, deadline, *_)] = _tasks(
        "Giao Sở Y tế gửi hồ sơ theo quy định tại Nghị định số 116/2021/NĐ-CP ngày 21/12/2021 của "
        "Chính phủ về Công an tỉnh trước ngày 05/11/2025."
    )
    assert deadline == "2025-11-05"  # a deadline stated outright stays


def test_member_agencies_of_a_command_go_on_to_the_rest_of_the_list():
    [(lead, *_)] = _tasks(
        "UBND tỉnh yêu cầu các sở, ngành, cơ quan thành viên Ban Chỉ huy phòng thủ dân sự tỉnh; UBND "
        "các xã, phường; Công ty cổ phần thủy điện Thác Bà; Công ty TNHH Tân Phú chủ động ứng phó."
    )
    assert "địa phương" in lead
    assert lead[-2:] == ["Công ty cổ phần thủy điện Thác Bà", "Công ty TNHH Tân Phú"]


def test_more_shortened_forms_and_a_province_as_authority():
    [(lead, *_)] = _tasks("Theo đó, UBND P.Cao Lãnh được yêu cầu theo dõi sát diễn biến sạt lở.")
    assert lead == ["UBND phường Cao Lãnh"]
    [(lead, *_)] = _tasks("Yêu cầu Bộ Chỉ huy BĐBP tỉnh tăng cường tuần tra.")
    assert lead == ["Bộ Chỉ huy Bộ đội Biên phòng tỉnh"]
    [(lead, *_)] = _tasks("Tỉnh chỉ đạo Sở Y tế hỗ trợ ngay thuốc cho các địa phương.")
    assert lead == ["Sở Y tế"]


def test_a_warning_to_those_who_fail_is_no_task():
    assert (
        _tasks(
            "Các cơ quan, đơn vị, địa phương thực hiện không nghiêm túc sẽ bị xem xét, xử lý trách "
            "nhiệm."
        )
        == []
    )


def test_a_connector_then_a_local_group_starts_a_task_of_its_own():
    tasks = _tasks(
        "UBND huyện yêu cầu các phòng, ban chuyên môn tăng cường kiểm tra, giám sát. Đặc biệt các xã "
        "tiếp tục phối hợp với các ngành chuyên môn rà soát các hộ dân."
    )
    assert [t[0] for t in tasks] == [["sở, ban, ngành"], ["địa phương"]]


def test_commands_and_unions_with_a_head_word_for_a_first_word():
    [(lead, *_)] = _tasks(
        "Các Sở: Y tế, Tài chính; Công an tỉnh, Bộ Chỉ huy Bộ đội Biên phòng tỉnh và UBND các huyện, "
        "thành phố theo chức năng nhiệm vụ:\n- Tăng cường kiểm tra.\n"
    )
    assert lead == [
        "Sở Y tế", "Sở Tài chính", "Công an tỉnh", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh", "địa phương",
    ]  # fmt: skip
    [(lead, support, *_)] = _tasks(
        "Chủ tịch UBND tỉnh giao Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh chủ trì, phối hợp với "
        "Sở Khoa học và Công nghệ tổ chức hội thảo."
    )
    assert (lead, support) == (
        ["Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh"],
        ["Sở Khoa học và Công nghệ"],
    )


def test_a_committee_named_after_its_decision_cites_no_document():
    doc = extract_text(
        "Ban Chỉ đạo 138/CP tỉnh đề nghị các sở, ngành triển khai Kế hoạch số 12/KH-UBND."
    )
    assert [r.number for r in doc.references] == ["12/KH-UBND"]


def test_a_bare_directive_number_with_its_day_and_a_title_s_own_citation():
    cases = {
        "UBND tỉnh ban hành công văn 2933 ngày 11/5/2022 về việc tổ chức trại hè.": ("2933", date(2022, 5, 11)),
        "date 2025-09-30 Theo Công điện số 181 ngày 30-9 của Thủ tướng Chính phủ về việc khắc phục "
        "hậu quả bão.": ("181", date(2025, 9, 30)),
        "Về việc báo cáo tình hình ô nhiễm môi trường (3585/VP-KTN, ngày 23/10/2017).\n\nGiao Sở Tài "
        "nguyên và Môi trường chủ trì báo cáo.": ("3585/VP-KTN", date(2017, 10, 23)),
    }  # fmt: skip
    for text, (number, on) in cases.items():
        meta = extract_text(text, today=TODAY).meta
        assert (meta.number, meta.date) == (number, on), text


def test_a_header_that_lost_its_province_takes_the_place_of_its_date_line():
    text = (
        "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
        "Số: 06/CT-UBND | Thanh Hóa, ngày 02 tháng 5 năm 2019 |\nCHỈ THỊ\n"
        "Giao Cục Thuế chủ trì rà soát các đối tượng nộp thuế.\n"
    )
    doc = extract_text(text, today=TODAY)
    assert doc.meta.issuer == "UBND tỉnh Thanh Hóa"
    assert [m.name for m in doc.tasks[0].lead] == ["Cục Thuế tỉnh Thanh Hóa"]


def test_a_city_written_tp_after_lưu_ý():
    [(lead, *_)] = _tasks("UBND tỉnh lưu ý TP Đà Lạt chuẩn bị phương án đón khách.")
    assert lead == ["UBND thành phố Đà Lạt"]


def test_places_under_đối_với_and_after_a_committee_s_colon_are_their_committees():
    tasks = _tasks(
        "Theo đó, đối với thành phố Nha Trang, huyện Vạn Ninh: Tiếp tục thực hiện giãn cách xã hội.\n\n"
        "Đối với các huyện Khánh Vĩnh, Diên Khánh, Cam Lâm; thị xã Ninh Hòa và thành phố Cam Ranh: "
        "Áp dụng các biện pháp phòng dịch.\n"
    )
    assert [t[0] for t in tasks] == [
        ["UBND thành phố Nha Trang", "UBND huyện Vạn Ninh"],
        ["UBND huyện Khánh Vĩnh", "UBND huyện Diên Khánh", "UBND huyện Cam Lâm",
         "UBND thị xã Ninh Hòa", "UBND thành phố Cam Ranh"],
    ]  # fmt: skip
    [(lead, *_)] = _tasks(
        "Cụ thể, Chủ tịch UBND tỉnh yêu cầu Chủ tịch UBND huyện: Phong Điền, Phú Lộc chỉ đạo các lực "
        "lượng khắc phục hậu quả."
    )
    assert lead == ["UBND huyện Phong Điền", "UBND huyện Phú Lộc"]


def test_a_page_s_stored_date_does_not_hide_its_first_paragraph_s_subject():
    [(lead, _, _, _, text)] = _tasks(
        "date 2025-06 Các đơn vị cần bảo đảm điều kiện thuận lợi nhất cho thí sinh dự thi."
    )
    assert lead == ["cơ quan, đơn vị"]
    assert text.startswith("Các đơn vị")


def test_in_the_government_s_text_a_province_s_committee_directing_leads():
    text = (
        "Thủ tướng Chính phủ yêu cầu UBND TP Hà Nội chỉ đạo tổ chức thăm hỏi chu đáo các gia đình.\n\n"
        "UBND TP Hà Nội phối hợp chặt chẽ với Bộ Công an chỉ đạo các lực lượng chức năng khẩn "
        "trương điều tra nguyên nhân vụ cháy.\n"
    )
    doc = extract_text(text, today=TODAY)
    assert [[m.name for m in t.lead] for t in doc.tasks] == [["UBND Thành phố Hà Nội"]] * 2
    assert [m.name for m in doc.tasks[1].support] == ["Bộ Công an"]


def test_the_members_of_a_command_are_assignees_not_the_command():
    [(lead, *_)] = _tasks(
        "Chủ tịch UBND tỉnh yêu cầu các sở, ngành thành viên Ban Chỉ huy phòng, chống thiên tai và "
        "tìm kiếm cứu nạn tỉnh; Ủy ban nhân dân các huyện, thị xã, thành phố chủ động ứng phó."
    )
    assert lead == ["sở, ban, ngành", "địa phương"]


def test_a_headline_quoting_the_issuer_s_leader_is_no_task():
    assert (
        _tasks(
            "Chủ tịch UBND tỉnh Hòa Bình – Bùi Văn Khánh: Lập chốt kiểm soát, phòng chống dịch Covid-19"
        )
        == []
    )


def test_those_a_report_says_a_letter_was_sent_to_are_asked():
    [(lead, *_)] = _tasks(
        "Ngày 15/4, Chủ tịch UBND tỉnh Cao Bằng đã có điện gửi thủ trưởng các sở, ban, ngành, Chủ "
        "tịch UBND các huyện và thành phố yêu cầu tiếp tục triển khai các biện pháp phòng dịch."
    )
    assert lead == ["sở, ban, ngành", "địa phương"]
    [(lead, *_)] = _tasks(
        "Bên cạnh đó, giao UBND: thành phố Vị Thanh, thành phố Ngã Bảy, huyện Vị Thủy có trách nhiệm "
        "chỉ đạo UBND các xã quản lý hồ, ao."
    )
    assert lead == ["UBND thành phố Vị Thanh", "UBND thành phố Ngã Bảy", "UBND huyện Vị Thủy"]
    # an item's own letter to a ministry asks the ministry nothing the plan tracks
    [(lead, *_)] = _tasks(
        "2. Giao Sở Xây dựng:\n- Có văn bản gửi Bộ Xây dựng đề nghị hướng dẫn việc lựa chọn đơn vị tư vấn.\n"
    )
    assert lead == ["Sở Xây dựng"]


def test_a_report_naming_its_directive_after_the_page_s_marks():
    meta = extract_text(
        "date 2020-01 BHG - Đó là Chỉ thị 2817/CT-UBND ngày 30.12.2019 của Chủ tịch UBND tỉnh. Theo "
        "Chỉ thị, Chủ tịch UBND tỉnh yêu cầu các sở, ban, ngành chuẩn bị tốt các điều kiện đón Tết.",
        today=TODAY,
    ).meta
    assert (meta.number, meta.date) == ("2817/CT-UBND", date(2019, 12, 30))


def test_a_caption_between_an_intro_and_its_paragraphs_keeps_the_intro():
    tasks = _tasks(
        "Chủ tịch UBND tỉnh yêu cầu các sở, ban, ngành tập trung thực hiện một số nhiệm vụ sau:\n\n"
        "Người dân thành phố chuẩn bị hoa, cây cảnh chơi Tết\n\n"
        "Chủ động bình ổn giá cả thị trường trong dịp Tết, chống buôn lậu, gian lận thương mại.\n"
    )
    assert [t[0] for t in tasks] == [["sở, ban, ngành"]]
    assert tasks[0][4].startswith("Chủ động bình ổn")


def test_a_report_s_background_after_trước_đó_is_no_task():
    tasks = _tasks(
        "UBND tỉnh vừa giao Sở Công Thương chủ trì bảo đảm cung ứng điện cho sản xuất.\n\n"
        "Trước đó, ngày 26/9, Văn phòng Chính phủ ban hành công văn yêu cầu UBND các tỉnh, thành phố "
        "bảo đảm cung ứng điện.\n"
    )
    assert [t[0] for t in tasks] == [["Sở Công Thương"]]
    [(lead, *_)] = _tasks(
        "Phó Chủ tịch UBND tỉnh yêu cầu các sở, ban, ngành là thành viên Ban Chỉ huy phòng-chống "
        "thiên tai và tìm kiếm cứu nạn tỉnh; UBND các huyện, thị xã, thành phố chủ động ứng phó."
    )
    assert lead == ["sở, ban, ngành", "địa phương"]


def test_a_second_body_s_part_of_a_sentence_after_trong_khi_is_its_task():
    tasks = _tasks(
        "Công an tỉnh đảm bảo an toàn thông tin trong kỳ thi, trong khi Sở Khoa học và Công nghệ chủ "
        "trì kiểm tra thiết bị."
    )
    assert [t[0] for t in tasks] == [["Công an tỉnh"], ["Sở Khoa học và Công nghệ"]]


def test_a_committee_under_đối_với_that_must_act_and_a_time_after_the_verb_s_colon():
    tasks = _tasks(
        "Sở Tài chính chủ trì cân đối nguồn vốn. Đối với UBND các huyện, thành, thị cần xây dựng kế "
        "hoạch giải ngân cụ thể."
    )
    assert [t[0] for t in tasks] == [["Sở Tài chính"], ["địa phương"]]
    [(lead, _, deadline, *_)] = _tasks(
        "Chủ tịch UBND tỉnh yêu cầu: từ ngày 30/4/2020 đến hết ngày 03/5/2020, các Đơn vị bố trí lực "
        "lượng trực 24/24."
    )
    assert (lead, deadline) == (["cơ quan, đơn vị"], "2020-05-03")


def test_an_association_is_a_body():
    [(lead, support, *_)] = _tasks(
        "UBND tỉnh giao Sở Xây dựng chủ trì, phối hợp với Hiệp hội Bất động sản tỉnh rà soát."
    )
    assert (lead, support) == (["Sở Xây dựng"], ["Hiệp hội Bất động sản tỉnh"])


def test_each_office_after_mỗi_and_a_label_before_a_subject():
    [(lead, *_)] = _tasks("Mỗi cơ quan, đơn vị bố trí 01 thùng thu gom pin thải tại trụ sở.")
    assert lead == ["cơ quan, đơn vị"]
    [(lead, *_)] = _tasks(
        "Vào các ngày thứ bảy và Chủ nhật: UBND các xã, thị trấn và các tổ chức chính trị xã hội vận "
        "động nhân dân dọn vệ sinh."
    )
    assert lead == ["địa phương", "đoàn thể"]


def test_dash_items_under_a_body_s_colon_paragraph_are_that_body_s():
    tasks = _tasks(
        "Chủ tịch UBND tỉnh yêu cầu Giám đốc các sở, Chủ tịch UBND các huyện tập trung thực hiện "
        "các nhiệm vụ trọng tâm sau:\n\n"
        "Sở Công Thương: Theo dõi, đánh giá nguồn cung hàng hóa thiết yếu dịp Tết.\n\n"
        "- Chủ động tham mưu cho UBND tỉnh phương án dự trữ hàng hóa thiết yếu.\n\n"
        "- Phối hợp với Sở Tài chính kiểm soát giá cả thị trường.\n"
    )
    assert [t[0] for t in tasks] == [["Sở Công Thương"]] * 3


def test_a_code_with_capitals_after_its_small_letters_and_a_list_past_của_tỉnh():
    meta = extract_text(
        "Sở Xây dựng có Công văn số 594/SXD-TTrS ngày 20/10/2023 đề nghị UBND các huyện kiểm tra.",
        today=TODAY,
    ).meta
    assert meta.number == "594/SXD-TTrS"
    [(lead, *_)] = _tasks(
        "UBND tỉnh yêu cầu các sở, ban, ngành của tỉnh và UBND các huyện, thị, thành phố tập trung "
        "thu ngân sách."
    )
    assert lead == ["sở, ban, ngành", "địa phương"]


def test_culture_sports_and_tourism_with_dashes_after_a_comma_and_a_portal_footer():
    [(lead, *_)] = _tasks(
        "UBND tỉnh Phú Thọ yêu cầu, Sở VH-TT-DL chủ trì tổ chức lễ hội bảo đảm an toàn, tiết kiệm."
    )
    assert lead == ["Sở Văn hóa, Thể thao và Du lịch"]
    assert (
        _tasks(
            "Liên hệ\n\nCơ quan thường trực: Trung tâm Thông tin - Tin học, Văn phòng UBND thành phố\n\n"
            "Điện thoại: 0225.3821.055\n"
        )
        == []
    )


def test_the_same_leader_s_earlier_ask_after_trước_đó_is_still_a_task():
    [(lead, *_)] = _tasks(
        "Trước đó, tại buổi kiểm tra Nhà máy nước ngày 21/5, Phó Chủ tịch UBND Thành phố đề nghị "
        "Sở Xây dựng đẩy nhanh tiến độ lắp đặt tuyến ống truyền dẫn."
    )
    assert lead == ["Sở Xây dựng"]


def test_the_review_s_cases_stay_as_the_rules_say():
    # an item under a department's heading that issues a letter directing a unit is the
    # department's (rule 8)
    [(lead, *_)] = _tasks(
        "2. Sở Y tế:\n- Ban hành văn bản chỉ đạo Trung tâm Kiểm soát bệnh tật Thành phố tăng cường "
        "giám sát dịch bệnh.\n"
    )
    assert lead == ["Sở Y tế"]
    # a sanction after the ask does not undo the ask (rule 1)
    [(lead, *_)] = _tasks(
        "Yêu cầu Sở Y tế khẩn trương kiểm tra, nếu không hoàn thành đúng hạn sẽ bị xem xét trách nhiệm."
    )
    assert lead == ["Sở Y tế"]
    # "chỉ thị" as a noun in small letters directs no one
    assert (
        _tasks("Thực hiện chỉ thị UBND Thành phố về phòng dịch, Sở Y tế đã tổ chức kiểm tra.") == []
    )
    # two of the city's departments written short, a comma between them
    [(lead, *_)] = _tasks("Yêu cầu các Sở: Y tế, VHTT, DL tăng cường kiểm tra các cơ sở.")
    assert "Sở Văn hóa, Thể thao và Du lịch" not in lead
    # handing over places is no assignment
    assert _tasks("Dự án đã bàn giao huyện Gio Linh 3 công trình nước sạch.") == []
    # a partner of another province further down the city's own text leaves its bodies alone
    doc = extract_text(
        "UBND Thành phố giao Cục Thuế Thành phố chủ trì rà soát các khoản thu.\n\n"
        + "Nội dung báo cáo tình hình thu ngân sách các tháng đầu năm. " * 12
        + "Sở Tài chính phối hợp với UBND tỉnh Hưng Yên trao đổi số liệu.\n",
        today=TODAY,
    )
    assert doc.tasks[0].lead[0].agency_id is not None


def test_a_sector_named_for_its_department_and_partners_after_chủ_trì_cùng():
    [(lead, *_)] = _tasks(
        "Chủ tịch UBND tỉnh chỉ đạo ngành Thuế tỉnh tập trung vào nhiệm vụ thu ngân sách."
    )
    assert lead == ["Cục Thuế"]
    [(lead, *_)] = _tasks(
        "Phó Chủ tịch UBND tỉnh đề nghị ngành GD-ĐT có cách làm sáng tạo, quyết liệt."
    )
    assert lead == ["Sở Giáo dục và Đào tạo"]
    [(lead, support, *_)] = _tasks(
        "Giao Sở Giao thông vận tải chủ trì cùng Công an Thành phố và UBND các huyện tổ chức phân "
        "luồng giao thông."
    )
    assert (lead, support) == (["Sở Giao thông vận tải"], ["Công an Thành phố", "địa phương"])


def test_each_part_led_by_its_own_body_is_its_own_task():
    # rule 2: "A do Sở X chủ trì, B do Công an Y chủ trì" changes its lead mid-sentence
    tasks = _tasks(
        "Việc rà soát các cơ sở chăn nuôi do Sở Nông nghiệp và Phát triển nông thôn chủ trì, "
        "việc kiểm tra vận chuyển do Công an Thành phố chủ trì."
    )
    assert [lead for lead, *_ in tasks] == [
        ["Sở Nông nghiệp và Phát triển nông thôn"],
        ["Công an Thành phố"],
    ]
    # one lead named twice is one task
    [(lead, *_)] = _tasks(
        "Nhiệm vụ rà soát do Sở Tài chính chủ trì; Sở Tài chính chủ trì cả việc báo cáo kết quả."
    )
    assert lead == ["Sở Tài chính"]


def test_departments_listed_after_các_đơn_vị_and_a_colon():
    [(lead, *_)] = _tasks(
        "Giao các đơn vị: Y tế, Công Thương, Tài chính, Công an Thành phố tăng cường kiểm tra."
    )
    assert lead == ["Sở Y tế", "Sở Công Thương", "Sở Tài chính", "Công an Thành phố"]
    # without the colon the group stays a group
    [(lead, *_)] = _tasks("Yêu cầu các đơn vị Y tế tăng cường kiểm tra.")
    assert "Sở Y tế" not in lead


def test_a_leader_stresses_what_a_body_must_do():
    [(lead, *_)] = _tasks(
        "Chủ tịch UBND Thành phố nhấn mạnh: các sở, ngành phải chủ động bố trí kinh phí."
    )
    assert lead == ["sở, ban, ngành"]
    [(lead, *_)] = _tasks(
        "Phó Chủ tịch UBND Thành phố lưu ý Sở Xây dựng cần kiểm tra chặt các công trình."
    )
    assert lead == ["Sở Xây dựng"]


def test_an_office_written_in_small_letters():
    [(lead, support, *_)] = _tasks(
        "Giao phòng Tài chính - Kế hoạch huyện phối hợp phòng Kinh tế – hạ tầng rà soát dự án."
    )
    assert lead == ["Phòng Tài chính - Kế hoạch"]  # (its level, the issuer's own, left out)
    assert support == ["Phòng Kinh tế và Hạ tầng"]  # (its full official name)
    # "phòng" of prevention is no office
    [(lead, support, *_)] = _tasks(
        "Yêu cầu Sở Y tế tăng cường công tác phòng COVID-19 và phòng Chống dịch."
    )
    assert (lead, support) == (["Sở Y tế"], [])


def test_a_day_of_no_known_year_is_no_deadline():
    # the text names no year and has no date: "trước ngày 30/9" of which year? (rule 7)
    [(_, _, deadline, *_)] = _tasks("Yêu cầu Sở Y tế hoàn thành kiểm tra trước ngày 30/9.")
    assert deadline is None
    # a year named anywhere in an undated text is that text's year
    [(_, _, deadline, *_)] = _tasks(
        "Tình hình dịch bệnh năm 2021 diễn biến phức tạp. Yêu cầu Sở Y tế hoàn thành kiểm tra "
        "trước ngày 30/9."
    )
    assert deadline == "2021-09-30"


def test_a_sector_opening_a_sentence_in_small_letters_is_its_department():
    [(lead, *_)] = _tasks(
        "Ngành giao thông vận tải theo dõi diễn biến bão, bố trí lực lượng ứng trực."
    )
    assert lead == ["Sở Giao thông vận tải"]
    [(lead, *_)] = _tasks(
        "Ngành nông nghiệp và phát triển nông thôn chỉ đạo các địa phương thu hoạch lúa."
    )
    assert lead == ["Sở Nông nghiệp và Phát triển nông thôn"]


def test_a_rate_or_a_yearly_programme_is_no_recurrence():
    [(_, _, _, recurrence, _)] = _tasks(
        "Yêu cầu Sở Nông nghiệp và Phát triển nông thôn tìm giải pháp bớt tiêu tốn hàng trăm tỷ "
        "mỗi năm chống hạn."
    )
    assert recurrence is None
    [(_, _, _, recurrence, _)] = _tasks(
        "Yêu cầu Sở Tư pháp đưa nội dung vào Chương trình công tác hằng năm của cơ quan."
    )
    assert recurrence is None
    [(_, _, _, recurrence, _)] = _tasks("Sở Tài chính báo cáo hằng năm về UBND Thành phố.")
    assert recurrence == "yearly"


def test_a_group_and_a_company_end_the_name_before_them():
    [(_, support, *_)] = _tasks(
        "Giao Sở Công Thương phối hợp Tập đoàn Công nghiệp Than - Khoáng sản Việt Nam, Tổng công "
        "ty Đông Bắc kiểm tra an toàn."
    )
    assert support == ["Tập đoàn Công nghiệp Than - Khoáng sản Việt Nam", "Tổng công ty Đông Bắc"]
    [(lead, *_)] = _tasks("Giao Ban Quản lý Khu KTCK Đồng Đăng - Lạng Sơn chủ trì rà soát.")
    assert lead == ["Ban Quản lý Khu kinh tế cửa khẩu Đồng Đăng - Lạng Sơn"]


def test_a_signing_reported_after_a_task_is_no_continuation():
    tasks = _tasks(
        "Giao Sở Xây dựng chủ trì kiểm tra các điểm ngập.\n\n"
        "Chiều 17-10, Phó Chủ tịch UBND Thành phố đã ký ban hành văn bản truyền đạt ý kiến chỉ đạo "
        "của Chủ tịch UBND Thành phố về việc giải quyết tình trạng ngập sâu."
    )
    assert [lead for lead, *_ in tasks] == [["Sở Xây dựng"]]


def test_telling_the_people_is_a_duty_and_a_doubled_các_is_read_once():
    [(lead, *_)] = _tasks(
        "Các xã, phường, đặc khu (đặc biệt các địa phương ven biển) thông tin cho nhân dân biết "
        "diễn biến bão."
    )
    assert lead == ["địa phương"]
    assert _tasks("Sở Y tế thông tin về tình hình dịch bệnh trên địa bàn.") == []
    tasks = _tasks(
        "Phó Chủ tịch UBND Thành phố đề nghị các các ngành, địa phương tiếp tục triển khai thực "
        "hiện nghiêm Công điện số 07/CĐ-UBND.\n\nTrong đó, rà soát lại phương án “4 tại chỗ”."
    )
    assert [lead for lead, *_ in tasks] == [["sở, ban, ngành", "địa phương"]] * 2
    [(lead, *_)] = _tasks(
        "UBND Thành phố yêu cầu các sở, ngành, UBND các địa phương và các đơn vị liên quan triển "
        "khai phương án."
    )
    assert lead == ["sở, ban, ngành", "địa phương"]


def test_a_report_paragraph_goes_on_with_the_task_before():
    tasks = _tasks(
        "UBND Thành phố yêu cầu Sở Y tế tăng cường trực cấp cứu trong dịp nghỉ Lễ.\n\n"
        "Báo cáo tình hình trong dịp nghỉ Lễ, gửi hỏa tốc đến Văn phòng UBND Thành phố trước 17 "
        "giờ ngày 03/5/2024."
    )
    assert [(lead, deadline) for lead, _, deadline, *_ in tasks] == [
        (["Sở Y tế"], None),
        (["Sở Y tế"], "2024-05-03"),
    ]


def test_a_report_names_its_directive_in_more_shapes():
    doc = extract_text(
        "UBND tỉnh vừa có văn bản chỉ đạo hỗ trợ xuất khẩu nông sản (Công văn số 455/UBND-KTTH "
        "ngày 21/5/2019).\n\nUBND tỉnh yêu cầu Sở Công Thương làm đầu mối triển khai.",
        today=TODAY,
    )
    assert (doc.meta.number, doc.meta.date) == ("455/UBND-KTTH", date(2019, 5, 21))
    doc = extract_text(
        "Tên văn bản Dừng tổ chức Lễ hội\nSố kí hiệu văn bản 1017/UBND-VP\n"
        "Ngày ban hành 31/03/2020 12:00:00 SA\nUBND tỉnh yêu cầu Sở Công Thương hỗ trợ tiêu thụ.",
        today=TODAY,
    )
    assert (doc.meta.number, doc.meta.date) == ("1017/UBND-VP", date(2020, 3, 31))
    doc = extract_text(
        " date 2018-08 Để chủ động đối phó với cơn bão số 4, ngày 14-8, UBND tỉnh Quảng Ninh ra "
        "công điện khẩn. Tỉnh yêu cầu các sở, ngành chủ động các biện pháp đối phó.",
        today=TODAY,
    )
    assert doc.meta.date == date(2018, 8, 14)
    doc = extract_text(
        "Phó Chủ tịch UBND tỉnh đã có Văn bản số 2122 /UBND-KT2 - 10/04/2025, về việc cung cấp "
        "thông tin. UBND tỉnh yêu cầu Sở Công Thương cung cấp hồ sơ.",
        today=TODAY,
    )
    assert (doc.meta.number, doc.meta.date) == ("2122/UBND-KT2", date(2025, 4, 10))


def test_the_next_step_after_để_keeps_its_own_time():
    [(_, _, deadline, *_)] = _tasks(
        "Yêu cầu UBND các huyện gửi hồ sơ về Sở Xây dựng trước ngày 28/10/2024 để Sở tổ chức thẩm "
        "định, trình UBND Thành phố trước ngày 10/11/2024."
    )
    assert deadline == "2024-10-28"


def test_a_ministry_or_department_named_by_its_head_word_directs():
    tasks = _tasks(
        "Bộ Giao thông vận tải yêu cầu các đơn vị rà soát.\n\n"
        "Bên cạnh đó, Bộ cũng chỉ đạo Tổng cục Đường bộ đánh giá toàn diện công tác bảo trì."
    )
    assert [lead for lead, *_ in tasks] == [["cơ quan, đơn vị"], ["Tổng cục Đường bộ"]]


def test_those_doing_something_told_what_to_do_next():
    [(lead, *_)] = _tasks(
        "UBND các tỉnh, thành phố trực thuộc Trung ương đang thực hiện giãn cách xã hội theo Chỉ "
        "thị số 16/CT-TTg, căn cứ tình hình dịch bệnh trên địa bàn, chủ động quyết định việc tiếp "
        "tục giãn cách."
    )
    assert lead == ["địa phương"]
    assert _tasks("UBND các huyện đang thực hiện giãn cách xã hội theo Chỉ thị số 16/CT-TTg.") == []


def test_a_photo_caption_between_a_task_and_its_continuation():
    intro = (
        "Chủ tịch UBND Thành phố yêu cầu các sở, ban, ngành chuẩn bị tốt các điều kiện đón Tết. "
        "Đồng thời tập trung thực hiện một số nhiệm vụ sau:\n\n"
    )
    rest = "Chủ động bình ổn giá cả thị trường trong dịp Tết, chống buôn lậu.\n"
    for caption in (
        "Người dân thành phố chuẩn bị hoa, cây cảnh chơi Tết\n\n",
        "Hơn 50 ha lúa chìm trong biển nước.\n\n",
    ):
        tasks = _tasks(intro + caption + rest)
        assert [lead for lead, *_ in tasks] == [["sở, ban, ngành"]] * 2, caption
    # a title over a new part is no caption: nothing carries over it
    tasks = _tasks(intro.replace(" sau:", ".") + "Bình ổn giá\n\n" + rest)
    assert [lead for lead, *_ in tasks] == [["sở, ban, ngành"]]


def test_district_offices_and_their_lists():
    [(lead, *_)] = _tasks(
        "Phòng Nông nghiệp và PTNT, Phòng Tài nguyên và Môi trường, Hạt Kiểm lâm huyện phối hợp "
        "kiểm tra."
    )
    assert lead[:2] == [
        "Phòng Nông nghiệp và Phát triển nông thôn",
        "Phòng Tài nguyên và Môi trường",
    ]
    assert len(lead) == 3 and lead[2].startswith("Hạt Kiểm lâm")
    [(lead, *_)] = _tasks("Thủ trưởng các phòng, ban tiếp tục theo dõi chặt chẽ tình hình.")
    assert lead == ["sở, ban, ngành"]
    [(lead, *_)] = _tasks(
        "Yêu cầu Ban Chỉ huy PCTT và TKCN kiêm Ban Chỉ huy PTDS thị xã theo dõi diễn biến."
    )
    assert lead[0] == "Ban Chỉ huy Phòng, chống thiên tai và Tìm kiếm cứu nạn"
    # a verb written with a capital ends the place before it; "huyện Giao Thủy" is a place
    [(lead, *_)] = _tasks(
        "Chủ tịch Ủy ban nhân dân huyện Giao Chủ tịch UBND xã Hòa Bình chủ trì kiểm tra."
    )
    assert lead == ["UBND xã Hòa Bình"]
    [(lead, *_)] = _tasks("Giao UBND huyện Giao Thủy chủ trì kiểm tra.")
    assert lead == ["UBND huyện Giao Thủy"]


def test_a_pages_banner_heads_no_task():
    tasks = _tasks(
        "Đài Truyền thanh - Truyền hình huyện Duy Xuyên\n\n"
        "Tập trung ứng phó với bão số 3\n\n"
        "UBND huyện yêu cầu:\n\n"
        "Thủ trưởng các phòng, ban, Chủ tịch UBND các xã, thị trấn căn cứ chức năng, nhiệm vụ được "
        "giao, chịu trách nhiệm tiếp tục theo dõi chặt chẽ diễn biến của bão.\n"
    )
    assert [lead for lead, *_ in tasks] == [["sở, ban, ngành", "địa phương"]]


def test_a_report_names_its_directive_as_its_source_or_its_content():
    for text, number in (
        (
            "UBND huyện yêu cầu các xã rà soát danh mục.\n\n(Nguồn: Từ Công văn số 1150/UBND-VP "
            "ngày 22/04/2021)",
            "1150/UBND-VP",
        ),
        (
            "(Quang Binh Portal) - Đó là nội dung tại Công văn số 431/UBND-TCKH ngày 07/3/2018 của "
            "UBND huyện Lệ Thủy về việc đăng ký danh mục. UBND huyện yêu cầu các xã rà soát.",
            "431/UBND-TCKH",
        ),
        (
            "Đây là một trong những chỉ đạo của UBND tỉnh tại Công văn số 17766/UBND-VP về việc tổ "
            "chức Tết. UBND tỉnh yêu cầu các sở, ngành tổ chức trực Tết.",
            "17766/UBND-VP",
        ),
    ):
        assert extract_text(text, today=TODAY).meta.number == number, text


def test_named_bodies_after_a_vague_label_and_members_of_a_board():
    [(lead, *_)] = _tasks(
        "Các đơn vị liên quan: Công an Thành phố, Sở Giao thông vận tải tăng cường kiểm tra xe "
        "quá tải."
    )
    assert lead == ["Công an Thành phố", "Sở Giao thông vận tải"]
    [(lead, *_)] = _tasks(
        "Các sở, ban, ngành là thành viên Ban Chỉ huy phối hợp tham gia khắc phục hậu quả."
    )
    assert lead == ["sở, ban, ngành"]
    assert _tasks("Sở Y tế là thành viên Ban Chỉ đạo.") == []


def test_a_topic_after_theo_đó_and_an_issued_directive_is_no_continuation():
    tasks = _tasks(
        "Theo đó, đối với các sở, ngành, lãnh đạo Thành phố yêu cầu từ nay tới Tết tuyệt đối không "
        "tổ chức thăm, chúc Tết cấp trên.\n\nNghiêm cấm việc biếu, tặng quà Tết dưới mọi hình thức."
        "\n\nTrước đó ngày 10/8, Bộ Giáo dục đã ban hành chỉ thị về những nhiệm vụ chủ yếu."
    )
    assert [lead for lead, *_ in tasks] == [["sở, ban, ngành"]] * 2


def test_a_report_cites_its_directive_in_a_fronted_clause():
    doc = extract_text(
        "Nhằm chủ động ứng phó với mưa lớn, tại Văn bản số 2945/UBND- NNMT, ngày 22/8/2025, UBND "
        "tỉnh đề nghị các cơ quan, đơn vị tiếp tục thực hiện nghiêm chỉ đạo của Thủ tướng.",
        today=TODAY,
    )
    assert (doc.meta.number, doc.meta.date) == ("2945/UBND-NNMT", date(2025, 8, 22))
    doc = extract_text(
        "Đẩy mạnh giải ngân vốn đầu tư công năm 2023\n\n- Ngày 4-12, UBND tỉnh đã có Công văn số "
        "6090/UBND-ĐTXD chỉ đạo các sở, ban, ngành đẩy mạnh giải ngân vốn đầu tư công năm 2023.",
        today=TODAY,
    )
    assert (doc.meta.number, doc.meta.date) == ("6090/UBND-ĐTXD", date(2023, 12, 4))


def test_bodies_listed_after_a_colon_are_no_enumeration_and_others_task_is_kept():
    tasks = _tasks(
        "Giao Sở Công Thương căn cứ các quy định hiện hành và theo chức năng, nhiệm vụ được giao, "
        "chủ động xây dựng Kế hoạch đảm bảo nguồn cung hàng hóa phục vụ nhu cầu tiêu dùng của nhân "
        "dân trên địa bàn; lấy ý kiến góp ý của các sở: Nông nghiệp và Phát triển nông thôn, Sở Tài "
        "chính, Sở Giao thông vận tải; UBND các huyện, thị xã và các đơn vị liên quan để hoàn thiện, "
        "ban hành và tổ chức triển khai thực hiện theo quy định.\n\n"
        "Giao các sở, ban, ngành và UBND các huyện, thị xã theo chức năng, nhiệm vụ được giao chủ "
        "động phối hợp với Sở Công Thương để thực hiện đảm bảo nguồn cung hàng hóa."
    )
    assert [lead for lead, *_ in tasks] == [["Sở Công Thương"], ["sở, ban, ngành", "địa phương"]]


def test_a_body_that_is_also_another_and_offices_by_their_short_names():
    [(lead, *_)] = _tasks(
        "Chủ tịch UBND thị xã yêu cầu Ban Chỉ huy PCTT và TKCN kiêm Ban Chỉ huy PTDS thị xã, Thủ "
        "trưởng các phòng, ban, đơn vị trên địa bàn thị xã; Chủ tịch UBND các xã, phường thực hiện "
        "nghiêm công điện."
    )
    assert lead[0] == "Ban Chỉ huy Phòng, chống thiên tai và Tìm kiếm cứu nạn"
    assert "Ban Chỉ huy Phòng thủ dân sự thị xã" not in lead and "địa phương" in lead
    [(lead, *_)] = _tasks(
        "Sở Giáo dục và Đào tạo yêu cầu các phòng GDĐT, các đơn vị trực thuộc nghiêm túc chỉ đạo "
        "các cơ sở giáo dục."
    )
    assert lead == ["Phòng Giáo dục và Đào tạo", "cơ quan, đơn vị"]


def test_a_dateline_without_spaces():
    doc = extract_text(
        "ỦY BAN NHÂN DÂN HUYỆN KỲ ANH\nSố: 13/CĐ-UBND\nKỳ Anh, ngày 13tháng 9 năm 2018\n"
        "CÔNG ĐIỆN\nChủ tịch UBND huyện yêu cầu UBND các xã chủ động ứng phó với bão.",
        today=TODAY,
    )
    assert doc.meta.date == date(2018, 9, 13)


def test_the_execution_clause_whatever_verb_opens_it():
    assert (
        _tasks(
            "UBND Thành phố giao Chủ tịch UBND quận Hà Đông; Giám đốc các sở: Tài chính, Xây dựng "
            "chịu trách nhiệm thi hành quyết định này."
        )
        == []
    )


def test_more_subject_shapes_from_news_pages():
    [(lead, *_)] = _tasks("UBND 5 huyện nói trên có trách nhiệm rà soát quỹ đất.")
    assert lead == ["địa phương"]
    [(lead, *_)] = _tasks("Yêu cầu các huyện Ba Vì, Phúc Thọ, Thạch Thất tăng cường kiểm tra.")
    assert lead == ["UBND huyện Ba Vì", "UBND huyện Phúc Thọ", "UBND huyện Thạch Thất"]
    [(lead, *_)] = _tasks(
        "UBND Thành phố giao trách nhiệm cụ thể cho Sở Y tế là cơ quan thường trực."
    )
    assert lead == ["Sở Y tế"]
    [(lead, *_)] = _tasks("Tổ công tác có nhiệm vụ tham mưu cho UBND Thành phố.")
    assert lead == ["Tổ công tác"]
    [(lead, *_)] = _tasks(
        "Chủ tịch UBND Thành phố nhấn mạnh các sở, ngành, địa phương bám sát kế hoạch, phấn đấu "
        "hoàn thành chỉ tiêu."
    )
    assert lead == ["sở, ban, ngành", "địa phương"]
    assert (
        _tasks("Các đơn vị hành chính mới sẽ chính thức đi vào hoạt động từ ngày 1/7/2025.") == []
    )


def test_accountability_after_a_connector_is_no_continuation():
    tasks = _tasks(
        "UBND Thành phố yêu cầu Sở Tài nguyên và Môi trường kiểm tra các bãi rác.\n\n"
        "Đặc biệt, Công văn nêu rõ, Giám đốc, Thủ trưởng các sở, ngành chịu trách nhiệm trước UBND "
        "Thành phố về nội dung công việc được giao."
    )
    assert [lead for lead, *_ in tasks] == [["Sở Tài nguyên và Môi trường"]]


def test_opinions_as_follows_and_an_item_opening_on_its_partners():
    [(lead, support, *_)] = _tasks(
        "Về đề nghị của Sở Y tế, UBND Thành phố có ý kiến như sau: Sở Thông tin và Truyền thông chủ "
        "trì, phối hợp với Sở Y tế triển khai."
    )
    assert (lead, support) == (["Sở Thông tin và Truyền thông"], ["Sở Y tế"])
    tasks = _tasks(
        "1. Giao Sở Lao động - Thương binh và Xã hội:\n"
        "- Phối hợp với UBND các huyện chỉ đạo UBND các xã rà soát hộ nghèo.\n"
        "- Tổng hợp kết quả."
    )
    assert [(lead, support) for lead, support, *_ in tasks] == [
        (["Sở Lao động - Thương binh và Xã hội"], ["địa phương"]),
        (["Sở Lao động - Thương binh và Xã hội"], []),
    ]


def test_subjects_with_their_qualifiers_and_places_after_trong_đó():
    [(lead, *_)] = _tasks(
        "Trong đó, các huyện Ba Vì, Phúc Thọ, Thạch Thất cần rà soát các điểm sạt lở."
    )
    assert lead == ["UBND huyện Ba Vì", "UBND huyện Phúc Thọ", "UBND huyện Thạch Thất"]
    [(lead, support, *_)] = _tasks(
        "1. Các đơn vị của Quận theo nhiệm vụ được phân công, chủ động phối hợp với UB MTTQ quận "
        "tuyên truyền."
    )
    assert (lead, support) == (["cơ quan, đơn vị"], ["Ủy ban Mặt trận Tổ quốc Việt Nam quận"])
    [(lead, *_)] = _tasks(
        "Theo nội dung ủy quyền, UBND 5 huyện nói trên có trách nhiệm tổ chức thực hiện."
    )
    assert lead == ["địa phương"]
    [(lead, *_)] = _tasks("Tổ công tác liên ngành có nhiệm vụ tham mưu cho UBND Thành phố.")
    assert lead == ["Tổ công tác liên ngành"]


def test_a_papers_mark_before_the_subject():
    [(lead, _, deadline, *_)] = _tasks(
        "(Dân trí) – UBND các tỉnh bàn giao toàn bộ mặt bằng chậm nhất ngày 30/10/2024."
    )
    assert (lead, deadline) == (["địa phương"], "2024-10-30")
    # a department that issued a letter lately directs no one by that
    assert (
        _tasks(
            "(Gia Lai) - Sở Nông nghiệp và Môi trường tỉnh Gia Lai mới đây ban hành Công văn số "
            "8544/SNNMT-TNN ngày 31/07/2024 về triển khai thực hiện Quyết định."
        )
        == []
    )


def test_shapes_from_the_sixth_and_seventh_rounds():
    # a city of a province is not the issuer: its committee acts on its own item
    [(lead, *_)] = _tasks(
        "1. Ủy ban nhân dân thành phố Phủ Lý tập trung chỉ đạo quyết liệt công tác phòng dịch."
    )
    assert lead == ["Ủy ban nhân dân thành phố Phủ Lý"]
    assert _tasks("UBND thành phố Hà Nội tập trung chỉ đạo.") == []
    # a report's "vừa" ends the name before it; teams of rangers are bodies
    [(lead, *_)] = _tasks(
        "Chi cục Kiểm lâm vừa có công văn yêu cầu các Hạt Kiểm lâm địa phương, Đội Kiểm lâm cơ "
        "động tăng cường tuần tra."
    )
    assert lead == ["Hạt Kiểm lâm địa phương", "Đội Kiểm lâm cơ động"]
    # marked items after a body and a colon are tasks of their own
    tasks = _tasks(
        "Bộ Y tế: (i) Tiếp thu ý kiến các bộ, hoàn thiện dự thảo trước ngày 15 tháng 9 năm 2024; "
        "(ii) Khẩn trương báo cáo Thủ tướng Chính phủ việc tháo gỡ khó khăn."
    )
    assert [(lead, deadline) for lead, _, deadline, *_ in tasks] == [
        (["Bộ Y tế"], "2024-09-15"),
        (["Bộ Y tế"], None),
    ]
    # an urgent dispatch reported is no task of its sender
    assert _tasks("(TTV) - Ban Chỉ huy PCTT và TKCN tỉnh có Công điện khẩn gửi các huyện.") == []
    # a portal's line of the letter it carries, by its subject
    doc = extract_text(
        "Công văn số: 3150/VPCP-NN về việc dự thảo Báo cáo của Chính phủ về công tác bảo vệ môi "
        "trường năm 2021.\nThủ tướng Chính phủ giao Bộ Tài nguyên và Môi trường tiếp thu ý kiến.",
        today=TODAY,
    )
    assert doc.meta.number == "3150/VPCP-NN"


def test_teams_and_squads_as_classes():
    [(lead, *_)] = _tasks("Yêu cầu các đội quản lý thị trường tăng cường kiểm tra.")
    assert lead == ["các đội quản lý thị trường"]
    [(lead, *_)] = _tasks(
        "2. Các tổ kiểm soát phòng, chống dịch Covid-19 ở thôn tăng cường rà soát đến từng hộ dân."
    )
    assert lead == ["Các tổ kiểm soát phòng, chống dịch Covid-19 ở thôn"]
    assert _tasks("Các tổ dân phố tổ chức ra quân.") == []
    assert _tasks("Các tổ trưởng nắm tình hình địa bàn.") == []


def test_shapes_from_the_eighth_rounds():
    # a leader named first asks: not a roster's line
    [(lead, *_)] = _tasks(
        "Ông Đồng Văn Thanh, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh yêu cầu Sở Y tế tăng cường "
        "kiểm tra."
    )
    assert lead == ["Sở Y tế"]
    assert _tasks("Ông Nguyễn Văn A, Giám đốc Sở Y tế - Phó Trưởng ban.") == []
    # a year between the verb and the body it asks
    [(lead, *_)] = _tasks("Chủ tịch UBND tỉnh yêu cầu năm 2023 Thanh tra tỉnh tiếp tục thanh tra.")
    assert lead == ["Thanh tra tỉnh"]
    # the places after one committee written in full
    [(lead, *_)] = _tasks(
        "Chủ tịch UBND tỉnh giao Ủy ban nhân dân huyện Thanh Bình, Cao Lãnh, Lấp Vò triển khai."
    )
    assert lead == [
        "Ủy ban nhân dân huyện Thanh Bình",
        "UBND huyện Cao Lãnh",
        "UBND huyện Lấp Vò",
    ]
    # "these" bodies go on with the task before, its deadline theirs
    [(lead, _, deadline, *_)] = _tasks(
        "Yêu cầu UBND huyện A Lưới, UBND huyện Nam Đông rà soát. Các địa phương này phải báo cáo "
        "kết quả trước ngày 15/11/2021."
    )
    assert (lead, deadline) == (["UBND huyện A Lưới", "UBND huyện Nam Đông"], "2021-11-15")
    # an office by its administrative field
    [(lead, *_)] = _tasks("Văn phòng UBND tỉnh cũng giao phòng Hành chính - Quản trị tuyên truyền.")
    assert lead == ["Phòng Hành chính - Quản trị"]
    # a page's source note names the directive it reports
    doc = extract_text(
        "UBND huyện yêu cầu các xã rà soát.\n\nThanh An (nguồn 723/QĐ-UBND-HC)", today=TODAY
    )
    assert doc.meta.number == "723/QĐ-UBND-HC"


def test_short_units_in_a_list_of_districts_and_proposals_upward():
    [(lead, *_)] = _tasks(
        "UBND tỉnh yêu cầu UBND các huyện Tuy Phước, Phù Cát, TX.An Nhơn và TP.Quy Nhơn rà soát."
    )
    assert lead == [
        "UBND huyện Tuy Phước",
        "UBND huyện Phù Cát",
        "UBND thị xã An Nhơn",
        "UBND thành phố Quy Nhơn",
    ]
    assert (
        _tasks(
            "UBND huyện Tri Tôn đề xuất UBND tỉnh An Giang, Sở Nông nghiệp và Phát triển nông thôn "
            "xem xét hỗ trợ kinh phí."
        )
        == []
    )
    [(lead, *_)] = _tasks("Sở Tài chính đề xuất phương án phân bổ vốn.")
    assert lead == ["Sở Tài chính"]


def test_state_groups_by_their_short_names_and_associations_in_a_list():
    [(lead, *_)] = _tasks(
        "Các Tập đoàn EVN, VNPT, Viettel phối hợp với các địa phương tháo dỡ công trình."
    )
    assert lead == [
        "Tập đoàn Điện lực Việt Nam",
        "Tập đoàn Bưu chính Viễn thông Việt Nam",
        "Tập đoàn Công nghiệp - Viễn thông Quân đội",
    ]
    [(lead, *_)] = _tasks("Giao Tập đoàn EVN, Tập đoàn VNPT phối hợp tháo dỡ.")
    assert lead == ["Tập đoàn Điện lực Việt Nam", "Tập đoàn Bưu chính Viễn thông Việt Nam"]
    [(lead, *_)] = _tasks(
        "Yêu cầu các sở, ban, ngành, hội, đoàn thể thuộc tỉnh và UBND các huyện triển khai."
    )
    assert lead == ["sở, ban, ngành", "đoàn thể", "địa phương"]


def test_a_city_named_after_tp_in_a_group_of_committees():
    tasks = _tasks(
        "Các cơ quan chức năng tăng cường kiểm tra.\n\n"
        "Cụ thể, chủ tịch UBND các huyện, thị xã, TP.Lào Cai có trách nhiệm tổ chức rà soát."
    )
    assert [lead for lead, *_ in tasks] == [["địa phương"]]  # (the first names no kind of body)


def test_departments_by_field_among_bodies_named_in_full_and_partners_after_chủ_trì_cùng():
    [(lead, *_)] = _tasks(
        "Yêu cầu Thủ trưởng các đơn vị: Y tế, Bộ Chỉ huy Quân sự thành phố, Công an Thành phố, "
        "Công Thương, Tài chính, Thông tin và Truyền thông và Chủ tịch UBND quận, huyện khẩn "
        "trương triển khai."
    )
    assert lead == [
        "Sở Y tế",
        "Bộ Chỉ huy Quân sự thành phố",
        "Công an Thành phố",
        "Sở Công Thương",
        "Sở Tài chính",
        "Sở Thông tin và Truyền thông",
        "địa phương",
    ]
    [(_, support, *_)] = _tasks(
        "Sở Thông tin và Truyền thông chủ trì, cùng Đài Phát thanh và Truyền hình Hải Phòng, Báo "
        "Hải Phòng tuyên truyền."
    )
    assert support == ["Đài Phát thanh và Truyền hình Hải Phòng", "Báo Hải Phòng"]


def test_a_budget_drawn_up_for_a_year_is_not_due_that_year():
    [(_, _, deadline, *_)] = _tasks(
        "Yêu cầu Sở Tài chính xây dựng dự toán ngân sách nhà nước năm 2025."
    )
    assert deadline is None
    [(_, _, deadline, *_)] = _tasks("Yêu cầu Sở Tài chính thực hiện kế hoạch năm 2025.")
    assert deadline == "2025-12-31"


def test_a_leader_named_first_asks_groups_and_a_town_written_short_after_a_district():
    [(lead, *_)] = _tasks(
        "Ông Nguyễn Văn A, Chủ tịch UBND tỉnh yêu cầu các huyện Ba Vì, TX.Sơn Tây rà soát."
    )
    assert lead == ["UBND huyện Ba Vì", "UBND thị xã Sơn Tây"]


def test_standing_offices_in_lists_and_brackets_parts_after_và_and_a_prime_ministers_report():
    [(lead, *_)] = _tasks(
        "Giao các sở, ban, ngành; Thường trực Ban Chỉ huy phòng chống thiên tai và tìm kiếm cứu nạn "
        "tỉnh; Đài Khí tượng thủy văn tỉnh; UBND các huyện theo dõi chặt chẽ diễn biến."
    )
    assert lead[0] == "sở, ban, ngành" and lead[-1] == "địa phương" and len(lead) == 4
    [(lead, *_)] = _tasks(
        "Giao Sở Nông nghiệp và Phát triển nông thôn (Thường trực Ban Chỉ huy phòng chống thiên tai "
        "và tìm kiếm cứu nạn tỉnh) theo dõi."
    )
    assert len(lead) == 2
    tasks = _tasks(
        "Đề án gồm: Kinh tế đô thị do Sở Kế hoạch và Đầu tư chủ trì, Con người đô thị do Sở Y tế "
        "chủ trì và Quản lý nhà nước do Sở Nội vụ chủ trì."
    )
    assert [lead for lead, *_ in tasks] == [["Sở Kế hoạch và Đầu tư"], ["Sở Y tế"], ["Sở Nội vụ"]]
    [(lead, *_)] = _tasks(
        "Bão số 3 đã đi vào Vịnh Bắc Bộ.\n\nĐể đảm bảo an toàn, Thủ tướng Chính phủ yêu cầu các Bộ, "
        "ngành, địa phương tập trung ứng phó."
    )
    assert lead == ["sở, ban, ngành", "địa phương"]


def test_a_subject_after_the_owners_of_a_fronted_basis():
    [(lead, _, deadline, *_)] = _tasks(
        "Trên cơ sở báo cáo của các đơn vị, địa phương, Sở Kế hoạch và Đầu tư có nhiệm vụ tổng hợp "
        "báo cáo trước ngày 15/11/2024."
    )
    assert (lead, deadline) == (["Sở Kế hoạch và Đầu tư"], "2024-11-15")


def test_a_report_names_its_directive_by_its_content():
    doc = extract_text(
        "Thời gian qua tình trạng lấn chiếm vỉa hè diễn ra phức tạp. Trong nội dung Công văn số "
        "4913/VP-KT, ban hành ngày 15/6, UBND thành phố Hà Nội yêu cầu các quận, huyện kiểm tra.",
        today=TODAY,
    )
    assert doc.meta.number == "4913/VP-KT"
    doc = extract_text(
        "Theo Công văn số 12/BYT-KCB của Bộ Y tế, các bệnh viện phải báo cáo.", today=TODAY
    )
    assert doc.meta.number is None


def test_ordinal_items_after_a_task_that_announces_them():
    tasks = _tasks(
        "Bộ Nông nghiệp và Phát triển nông thôn đề nghị UBND các tỉnh, thành phố tập trung chỉ đạo, "
        "tổ chức thực hiện một số nội dung.\n\n"
        "Thứ nhất, tăng cường triển khai các biện pháp phòng chống dịch bệnh.\n\n"
        "Thứ hai, theo dõi, cập nhật tình hình dịch bệnh.\n\n"
        "Thứ ba, về tình hình thời tiết thời gian qua, mưa lớn kéo dài."
    )
    assert [lead for lead, *_ in tasks] == [["địa phương"]] * 3


def test_a_province_asks_first_then_a_prime_ministers_earlier_ask_is_told():
    tasks = _tasks(
        "UBND tỉnh yêu cầu các sở, ngành kiểm tra các cơ sở chăn nuôi.\n\n"
        "Trong khi tại Thông báo số 155/TB-VPCP, Thủ tướng Chính phủ giao Chủ tịch UBND tỉnh quyết "
        "định việc tạm dừng."
    )
    assert tasks[0][0] == ["sở, ban, ngành"]
    assert all("UBND tỉnh" not in " ".join(lead) for lead, *_ in tasks)


def test_a_district_whose_name_reads_like_a_persons():
    [(lead, *_)] = _tasks("UBND tỉnh giao UBND huyện Vũ Quang và UBND xã Sơn Thọ kiểm tra, xử lý.")
    assert lead == ["UBND huyện Vũ Quang", "UBND xã Sơn Thọ"]
    [(lead, *_)] = _tasks("Chủ tịch UBND huyện Bến Lức Lê Thành Út yêu cầu các xã kiểm tra.")
    assert lead == ["địa phương"]


def test_the_reviews_counter_examples():
    # the city's own report that tells of a meeting with the Prime Minister stays the city's
    tasks = _tasks(
        "(Kinhtedothi) - Chiều 5/7, UBND TP Hà Nội có văn bản về việc phòng chống ngập úng. Tại "
        "hội nghị, Thủ tướng yêu cầu các địa phương chủ động. UBND Thành phố chỉ đạo Sở Xây dựng "
        "kiểm tra hệ thống thoát nước. UBND Thành phố đề nghị các bộ, ngành trung ương hỗ trợ."
    )
    assert ["Sở Xây dựng"] in [lead for lead, *_ in tasks]
    assert ["bộ, ngành trung ương"] in [lead for lead, *_ in tasks]
    # a ward named "Đội Cấn" is a place in a list of wards
    [(lead, *_)] = _tasks(
        "Giao UBND các phường Kim Mã, Đội Cấn, Ngọc Hà kiểm tra trật tự xây dựng."
    )
    assert lead == ["UBND phường Kim Mã", "UBND phường Đội Cấn", "UBND phường Ngọc Hà"]
    # a sector that has done something, with its place, directs no one
    assert _tasks("Ngành giáo dục Hà Nội đã hoàn thành kỳ thi tuyển sinh lớp 10.") == []
    # news after a task is no continuation of it
    for news in (
        "Thông tin cho biết, từ đầu năm đến nay thành phố ghi nhận hơn 3.000 ca mắc.",
        "Báo cáo nhanh tại hội nghị cho thấy số ca mắc tăng 20% so với cùng kỳ.",
        "Định kỳ hằng năm, lễ hội thu hút hàng chục nghìn du khách.",
    ):
        tasks = _tasks("UBND Thành phố yêu cầu Sở Y tế tăng cường giám sát dịch.\n\n" + news)
        assert len(tasks) == 1, news
    assert _tasks("Sở Y tế thông tin đến người dân, đến nay chưa ghi nhận ca mắc cúm A/H5N1.") == []
    assert (
        _tasks("Chủ tịch UBND Thành phố khẳng định Sở Y tế luôn là đơn vị đi đầu trong phòng dịch.")
        == []
    )
    # a roster line's own duty after its colon keeps it a roster line
    assert (
        _tasks(
            "Thành phần Ban Chỉ đạo gồm:\n- Ông Trần Văn B, Giám đốc Sở Y tế - Phó Trưởng ban thường "
            "trực: giúp Trưởng ban chỉ đạo các quận, huyện triển khai."
        )
        == []
    )
    # "these places" after a task of someone else are a task of their own
    tasks = _tasks(
        "UBND Thành phố giao Sở Xây dựng chủ trì, phối hợp với UBND các quận Hoàn Kiếm, Ba Đình "
        "kiểm tra các công trình. Các địa phương này phải báo cáo kết quả trước ngày 15/8/2024."
    )
    assert [(lead, deadline) for lead, _, deadline, *_ in tasks] == [
        (["Sở Xây dựng"], None),
        (["địa phương"], "2024-08-15"),
    ]
    # each part keeps its own words up to the next part
    tasks = _tasks(
        "UBND Thành phố giao: việc rà soát hồ sơ do Sở Tài chính chủ trì và hoàn thành trước ngày "
        "15/8/2024, việc kiểm tra hiện trường do Sở Xây dựng chủ trì, hoàn thành trước ngày "
        "30/9/2024."
    )
    assert [(lead, deadline) for lead, _, deadline, *_ in tasks] == [
        (["Sở Tài chính"], "2024-08-15"),
        (["Sở Xây dựng"], "2024-09-30"),
    ]
    # administrative and public-service units are the group
    [(lead, *_)] = _tasks(
        "Các đơn vị hành chính, sự nghiệp trên địa bàn Thành phố phải thực hiện tiết kiệm chi."
    )
    assert lead == ["cơ quan, đơn vị"]
    # "để" with no one after it is the task's own purpose, not the next step
    [(_, _, deadline, *_)] = _tasks(
        "Sở Y tế hoàn thành kiểm tra trong tháng 8/2024 để bảo đảm an toàn thực phẩm, báo cáo kết "
        "quả trước ngày 15/9/2024."
    )
    assert deadline == "2024-09-15"


def test_the_second_reviews_counter_examples():
    # a long list after a fronted basis is read in linear time
    started = __import__("time").perf_counter()
    _tasks("Trên cơ sở báo cáo của các đơn vị, " + "Sở Y tế, Sở Xây dựng, Sở Tài chính, " * 2000)
    assert __import__("time").perf_counter() - started < 20
    # a directive cited with "Theo" is not the report's own
    doc = extract_text(
        "Theo Kế hoạch số 45/KH-UBND ngày 12/3/2024 của UBND Thành phố, UBND quận Hoàn Kiếm yêu "
        "cầu các phường kiểm tra.",
        today=TODAY,
    )
    assert doc.meta.number is None
    # the part before the next one keeps its own deadline
    tasks = _tasks(
        "UBND Thành phố giao: việc rà soát hồ sơ do Sở Tài chính chủ trì và hoàn thành trước ngày "
        "15/8/2024, việc kiểm tra hiện trường trước ngày 30/9/2024 và xử lý vi phạm do Sở Xây dựng "
        "chủ trì."
    )
    assert [(lead, deadline) for lead, _, deadline, *_ in tasks] == [
        (["Sở Tài chính"], "2024-08-15"),
        (["Sở Xây dựng"], "2024-09-30"),
    ]
    # an ask to issue a plan is no report of one issued
    tasks = _tasks(
        "UBND Thành phố Hà Nội yêu cầu các quận, huyện ban hành kế hoạch phòng, chống dịch sốt xuất "
        "huyết năm 2024.\n\nSở Y tế chủ trì hướng dẫn các quận, huyện ban hành kế hoạch trước ngày "
        "15/5/2024."
    )
    assert [lead for lead, *_ in tasks] == [["địa phương"], ["Sở Y tế"]]
    # a leader's ask after a label's colon, or after "nhấn mạnh:"
    [(lead, _, deadline, *_)] = _tasks(
        "Phát biểu kết luận hội nghị: Đồng chí Dương Đức Tuấn, Phó Chủ tịch UBND Thành phố yêu cầu "
        "Sở Xây dựng kiểm tra trước ngày 30/9/2024."
    )
    assert (lead, deadline) == (["Sở Xây dựng"], "2024-09-30")
    [(lead, *_)] = _tasks(
        "Ông Trần Sỹ Thanh, Chủ tịch UBND Thành phố nhấn mạnh: yêu cầu các sở, ngành, UBND các "
        "quận, huyện tập trung giải ngân."
    )
    assert lead == ["sở, ban, ngành", "địa phương"]
    # "khẳng định" with a duty
    [(lead, *_)] = _tasks(
        "Chủ tịch UBND Thành phố khẳng định: các sở, ngành phải hoàn thành giải ngân trước ngày "
        "31/12/2024."
    )
    assert lead == ["sở, ban, ngành"]
    # telling the people on time about a storm is a duty
    [(lead, *_)] = _tasks(
        "UBND các quận, huyện thông tin kịp thời đến người dân về diễn biến của bão số 3."
    )
    assert lead == ["địa phương"]
    # "để các sở, ngành thẩm định" hands over to the next step
    [(_, _, deadline, *_)] = _tasks(
        "Yêu cầu UBND các quận gửi hồ sơ trước ngày 15/10/2024 để các sở, ngành thẩm định, trình "
        "UBND Thành phố trước ngày 30/10/2024."
    )
    assert deadline == "2024-10-15"
    # the Prime Minister at the city's headquarters: the Government's text
    tasks = _tasks(
        "Chiều 12/6/2025, tại trụ sở UBND thành phố Hà Nội, Thủ tướng làm việc với Thành phố. Thủ "
        "tướng yêu cầu các bộ, ngành trung ương hỗ trợ Hà Nội."
    )
    assert tasks[0][0] == ["sở, ban, ngành"]
    # a sector with its city's name that has done something directs no one
    assert _tasks("Ngành y tế thành phố Hà Nội đã tiêm hơn 1 triệu liều vắc xin.") == []


def test_a_long_passage_of_its_own_is_no_repeat_of_a_lead():
    from chidao.extract.retold import _retells

    lead = {"sở, ban, ngành"}
    long_words = {f"mục{i}" for i in range(120)}
    assert not _retells(long_words, lead, long_words | {"thêm"}, lead)
    short_words = {f"mục{i}" for i in range(20)}
    assert _retells(short_words, lead, short_words | {"thêm"}, lead)

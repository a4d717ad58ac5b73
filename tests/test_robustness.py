"""Never crashes: arbitrary text, mutated real documents, huge inputs, hostile patterns.

Every extraction must finish, and every offset it returns must point into the text.
"""

from __future__ import annotations

import time
import unicodedata
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chidao.extract.pipeline import Extraction, extract_text
from tests.conftest import SAMPLES

TODAY = date(2024, 6, 1)
SAMPLE_TEXTS = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
PIECES = [
    "Sở Kế hoạch và Đầu tư", "chủ trì", ", phối hợp", " giao ", "yêu cầu", "UBND các quận, huyện",
    "trước ngày 30/9", "Quý III/2021", "hàng tháng", "75/NQ-CP", "\n\n", "1.", "a)", "- ", ":", ";",
    ". ", "“", "”", "**", "*Ng*", "Số: ", "ngày 16 tháng 8 năm 2021", "các sở, ban, ngành", "Đồng thời, ",
]  # fmt: skip


def _check_offsets(doc: Extraction) -> None:
    n = len(doc.text)
    for task in doc.tasks:
        assert 0 <= task.start <= task.end <= n
        assert doc.text[task.start : task.end].strip() == task.text
        for m in task.lead + task.support:
            assert 0 <= m.start < m.end <= n
            assert doc.text[m.start : m.end] == m.surface
        if task.deadline is not None:
            assert 0 <= task.deadline.start < task.deadline.end <= n
    for ref in doc.references:
        assert 0 <= ref.start < ref.end <= n
    doc.to_json()


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=2000))
def test_arbitrary_text_never_crashes(text):
    _check_offsets(extract_text(text, today=TODAY))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES) | st.text(max_size=20), max_size=60))
def test_directive_like_fragments_never_crash(pieces):
    _check_offsets(extract_text("".join(pieces), today=TODAY))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(SAMPLE_TEXTS),
    st.lists(st.tuples(st.floats(0, 1), st.integers(0, 40), st.text(max_size=8)), max_size=12),
)
def test_mutated_real_documents_never_crash(text, edits):
    for where, cut, insert in edits:
        i = int(where * len(text))
        text = text[:i] + insert + text[i + cut :]
    _check_offsets(extract_text(text, today=TODAY))


@pytest.mark.parametrize("form", ["NFD", "NFKC"])
def test_decomposed_documents_extract_like_composed_ones(form):
    text = SAMPLE_TEXTS[0]
    composed = extract_text(text, today=TODAY)
    other = extract_text(unicodedata.normalize(form, text), today=TODAY)
    assert [t.text for t in other.tasks] == [t.text for t in composed.tasks]


@pytest.mark.slow
def test_five_megabyte_single_line_finishes_in_seconds():
    unit = "Sở Y tế chủ trì, phối hợp 75/NQ-CP ngày 14/7/2021 trước ngày 30/9 các sở, ban, ngành; "
    text = unit * (5_000_000 // len(unit))
    started = time.perf_counter()
    doc = extract_text(text, today=TODAY)
    assert time.perf_counter() - started < 60  # a guard against a blow-up, not a benchmark
    _check_offsets(doc)


@pytest.mark.slow
@pytest.mark.parametrize(
    "unit",
    [  # the shapes of the mentions read by their own passes, each its own long line
        "Huyện Sốp Cộp chỉ đạo các cơ quan chuyên môn rà soát. ",
        "Chủ tịch UBND 36 phường, xã khẩn trương triển khai. ",
        "Yêu cầu Chủ tịch UBND huyện: Phong Điền, Phú Lộc chỉ đạo. ",
        "Giao thành phố Đông Hà, huyện Gio Linh kiểm tra. ",
        "Lãnh đạo Sở Văn hóa, Thể thao và Du lịch tổ chức lễ hội. ",
        "Sở Xây dựng chủ trì, phối hợp với Sở Tài chính, phối hợp với Sở Nội vụ rà soát. ",
        "Chỉ đạo ngành Thuế tỉnh chủ trì cùng Công an tỉnh thu ngân sách. ",
        "Việc rà soát do Sở Y tế chủ trì, việc kiểm tra do Công an tỉnh chủ trì, ",
        "Ngành giao thông vận tải theo dõi bão. Giao phòng Tài chính - kế hoạch kiểm tra, ",
        "Các đơn vị liên quan: Công an tỉnh, Sở Y tế là thành viên Ban Chỉ huy kiêm ",
        "Thủ trưởng các đơn vị: Y tế, Công an tỉnh, Tài chính và Tập đoàn EVN, VNPT, ",
        "Ông Nguyễn Văn A, Chủ tịch UBND tỉnh yêu cầu các huyện Ba Vì, TX.Sơn Tây rà soát; ",
    ],
)
def test_a_megabyte_of_one_mention_shape_on_one_line_finishes_in_seconds(unit: str):
    text = unit * (1_000_000 // len(unit))
    started = time.perf_counter()
    doc = extract_text(text, today=TODAY)
    assert time.perf_counter() - started < 60  # a guard against a quadratic pass
    _check_offsets(doc)


@pytest.mark.slow
def test_twenty_thousand_numbered_items_finish_in_seconds():
    items = [
        f"{i}. Sở Tài chính chủ trì, phối hợp Sở Nội vụ rà soát hồ sơ số {i}, trước ngày 30/9/2024."
        for i in range(1, 20_001)
    ]
    started = time.perf_counter()
    doc = extract_text("\n".join(items), today=TODAY)
    assert time.perf_counter() - started < 60
    assert len(doc.tasks) == 20_000
    assert doc.tasks[-1].lead[0].name == "Sở Tài chính"


@pytest.mark.slow
@pytest.mark.parametrize(
    "hostile",
    [
        "1" * 200_000,
        "/" * 200_000,
        "ngày " * 50_000,
        "1/" * 100_000,
        "Sở " * 100_000,
        "các sở, " * 50_000,
        "*" * 200_000,
        "\n" * 200_000,
        "a) " * 70_000,
        "(" * 100_000 + ")" * 100_000,
    ],
)
def test_hostile_repetitions_do_not_backtrack(hostile):
    started = time.perf_counter()
    _check_offsets(extract_text(hostile, today=TODAY))
    assert time.perf_counter() - started < 30

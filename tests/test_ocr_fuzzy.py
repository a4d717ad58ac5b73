"""OCR noise in agency names and document numbers is repaired, and flagged as uncertain."""

from __future__ import annotations

from chidao.extract.agencies import Registry
from chidao.extract.fuzzy import repair
from chidao.extract.model import ReadResult
from chidao.extract.pipeline import extract_read, extract_text

NOISY = (
    "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI\n\nSố: 75/NÑQ-CP\n\n"
    # (a misread letter; an eth "QÐ" is a typing variant that normalising makes "QĐ", not noise)
    "Căn cứ Quyết định số 15/2020/QĐ-TÍg của Thủ tướng Chính phủ.\n\n"
    "1. Giao Sờ Tài chinh chủ trì, phối hợp Sở Kế hoạch và Đầu tu rà soát, "
    "báo cáo trước ngày 30/9/2021.\n\n"
    "2. Giao Sở Y tế chủ trì thực hiện; bảo đảm cơ sở tài chính vững.\n"
)


def _ocr(text: str, confidence: float = 72.0):
    return extract_read(ReadResult(text=text, format="image", pages_confidence=(confidence,)))


def test_an_agency_name_with_wrong_tone_marks_is_read_as_the_registry_name():
    fixed, corrections = repair("Giao Sờ Tài chinh chủ trì.", Registry.load())
    assert fixed == "Giao Sở Tài chính chủ trì."
    assert [(c.surface, c.value, c.kind) for c in corrections] == [
        ("Sờ Tài chinh", "Sở Tài chính", "agency")
    ]
    assert fixed[corrections[0].start : corrections[0].end] == "Sở Tài chính"


def test_a_long_agency_name_one_letter_off_is_repaired():
    fixed, _ = repair("phối hợp Sở Kế hoạch và Đầu tu rà soát", Registry.load())
    assert "Sở Kế hoạch và Đầu tư rà soát" in fixed


def test_a_document_number_with_a_stray_letter_is_repaired():
    fixed, corrections = repair("Nghị quyết số 75/NÑQ-CP ngày 14/7/2021", Registry.load())
    assert "75/NQ-CP ngày" in fixed
    assert corrections[0].kind == "number" and corrections[0].surface == "75/NÑQ-CP"


def test_unknown_but_plausible_symbols_and_common_words_are_left_alone():
    text = "Tờ trình 12/TTr-SNN&PTNT; bảo đảm cơ sở tài chính vững; Sở Y tế."
    assert repair(text, Registry.load()) == (text, [])


def test_the_extraction_of_ocr_text_flags_repaired_assignees_and_numbers():
    doc = _ocr(NOISY)
    assert doc.meta.number == "75/NQ-CP"
    leads = [(m.name, m.uncertain) for t in doc.tasks for m in t.lead]
    assert ("Sở Tài chính", True) in leads and ("Sở Y tế", False) in leads
    supports = [(m.name, m.uncertain) for t in doc.tasks for m in t.support]
    assert ("Sở Kế hoạch và Đầu tư", True) in supports
    assert [(r.number, r.uncertain) for r in doc.references] == [("15/2020/QĐ-TTg", True)]


def test_the_json_of_an_ocr_extraction_lists_page_confidence_and_uncertain_items():
    data = _ocr(NOISY, confidence=72.0).to_json()
    assert data["ocr"]["pages"] == [{"page": 1, "confidence": 72.0, "low": True}]
    assert data["ocr"]["low_pages"] == [1]
    reads = {u["read"]: u["value"] for u in data["ocr"]["uncertain"]}
    assert reads["Sờ Tài chinh"] == "Sở Tài chính" and reads["75/NÑQ-CP"] == "75/NQ-CP"


def test_text_that_did_not_come_from_ocr_is_never_repaired():
    doc = extract_text(NOISY)
    assert "Sờ Tài chinh" in doc.text and doc.corrections == []
    assert "ocr" not in doc.to_json()

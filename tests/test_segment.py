"""Segmentation: header, headings, numbered items at every level, paragraphs, sentences."""

from chidao.extract.normalize import normalize
from chidao.extract.segment import segment, split_sentences

HEADER = """ỦY BAN NHÂN DÂN
THÀNH PHỐ HÀ NỘI

Số: 187/KH-UBND

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Hà Nội, ngày 12 tháng 6 năm 2024

Kính gửi:
- Các sở, ban, ngành Thành phố;
- UBND các quận, huyện, thị xã.

Thực hiện Chỉ thị số 05/CT-UBND, UBND Thành phố yêu cầu:

I. NHIỆM VỤ CHUNG

1. Sở Y tế chủ trì thực hiện.

2.1. Sở Tài chính bố trí kinh phí.

a) Rà soát hồ sơ.

- Kiểm tra định kỳ.

+ Báo cáo kết quả.

Nơi nhận:
- Như trên;

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Nguyễn Văn A
"""


def _roles(text):
    text = normalize(text)
    return text, [(b.role, b.marker, text[b.body_start : b.end]) for b in segment(text)]


def test_official_header_ends_after_the_recipients_list():
    _, roles = _roles(HEADER)
    first_body = next(r for r in roles if r[0] != "header")
    assert first_body[2].startswith("Thực hiện Chỉ thị")
    assert all(r[0] == "header" for r in roles[: roles.index(first_body)])


def test_numbered_items_keep_their_markers_at_every_level():
    _, roles = _roles(HEADER)
    markers = {r[1]: r[0] for r in roles if r[0] in ("item", "heading")}
    assert markers["I."] == "heading"
    assert markers["1."] == "item" and markers["2.1."] == "item"
    assert markers["a)"] == "item" and markers["-"] == "item" and markers["+"] == "item"


def test_signature_block_and_recipients_are_footer():
    _, roles = _roles(HEADER)
    footer = [r[2] for r in roles if r[0] == "footer"]
    assert footer[0] == "Nơi nhận:" and footer[-1] == "Nguyễn Văn A"


def test_news_text_has_no_header():
    _, roles = _roles(
        "Hà Nội yêu cầu rà soát chung cư mini\n\nUBND Thành phố yêu cầu Công an Thành phố kiểm tra."
    )
    assert [r[0] for r in roles] == ["heading", "paragraph"]


def test_sentences_split_on_full_stops_but_not_after_abbreviations():
    text = "Tại TP. Hà Nội, Sở Y tế chủ trì. Sở Tài chính phối hợp! “Các sở phải làm rõ”. Xong"
    spans = split_sentences(text, 0, len(text))
    assert [text[s:e] for s, e in spans] == [
        "Tại TP. Hà Nội, Sở Y tế chủ trì.",
        "Sở Tài chính phối hợp!",
        "“Các sở phải làm rõ”.",
        "Xong",
    ]


def test_a_colon_before_a_quotation_does_not_split_the_sentence():
    text = "Chủ tịch chỉ đạo: “Các sở ngành phải đặc biệt chú ý đặt hàng khoa học công nghệ."
    assert split_sentences(text, 0, len(text)) == [(0, len(text))]

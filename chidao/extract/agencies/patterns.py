"""Patterns for bodies the registry does not hold, run on the NFC text with case kept:
bodies of other provinces ("Sở Y tế tỉnh Bắc Ninh"), unknown departments ("Sở <Name>")
and local People's Committees ("UBND phường Phúc Xá").

The word lists (provinces, surnames, head words of bodies, words that end a name) and the
expression builders (``_place_rx``, ``_pattern_rx``, ``_name_vocab``) live here; capitalised
words are how the expressions know where a name or a place ends.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from chidao.extract.agencies.data import Agency
from chidao.extract.agencies.folding import fold_key
from chidao.extract.agencies.grammar import _literal_alt, _spellings

_VI_LOWER = (
    "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệfghiìíỉĩịjklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvwxyỳýỷỹỵz"
)
_UP = "[" + re.escape(_VI_LOWER.upper()) + "]"
_CAP = _UP + r"(?:['’]\w+|\w*)"  # (a highland place: "Ea H’Leo", "Cư M’gar")
_PROVINCES = (
    "Hà Nội", "Hồ Chí Minh", "TP.HCM", "TPHCM", "TP HCM", "HCM", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế",
    "Thừa Thiên Huế", "An Giang", "Bà Rịa - Vũng Tàu", "Bà Rịa-Vũng Tàu", "Bắc Giang", "Bắc Kạn",
    "Bạc Liêu", "Bắc Ninh", "Bến Tre", "Bình Định", "Bình Dương", "Bình Phước", "Bình Thuận",
    "Cà Mau", "Cao Bằng", "Đắk Lắk", "Đắk Nông", "Điện Biên", "Đồng Nai", "Đồng Tháp", "Gia Lai",
    "Hà Giang", "Hà Nam", "Hà Tĩnh", "Hải Dương", "Hậu Giang", "Hòa Bình", "Hoà Bình", "Hưng Yên",
    "Khánh Hòa", "Khánh Hoà", "Kiên Giang", "Kon Tum", "Lai Châu", "Lâm Đồng", "Lạng Sơn",
    "Lào Cai", "Long An", "Nam Định", "Nghệ An", "Ninh Bình", "Ninh Thuận", "Phú Thọ", "Phú Yên",
    "Quảng Bình", "Quảng Nam", "Quảng Ngãi", "Quảng Ninh", "Quảng Trị", "Sóc Trăng", "Sơn La",
    "Tây Ninh", "Thái Bình", "Thái Nguyên", "Thanh Hóa", "Thanh Hoá", "Tiền Giang", "Trà Vinh",
    "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc", "Yên Bái",
)  # fmt: skip
# surnames: a capitalised word after a title is a person, not the rest of a name
_SURNAMES = (
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
    "Hồ", "Ngô", "Dương", "Lý", "Chu", "Đinh", "Trịnh", "Trương", "Lương", "Phùng", "Đoàn",
    "Kiều", "Khuất", "Nghiêm", "Vương", "Tạ", "Lưu", "Quách", "Thân", "Triệu", "Từ", "Đàm", "Doãn",
)  # fmt: skip
_NOT_NAME_WORDS = frozenset((  # function words, and verbs that follow an assignee
    "và", "các", "của", "cho", "với", "tại", "trên", "theo", "thuộc", "trực", "tỉnh", "thành",
    "phố", "quận", "huyện", "xã", "phường", "thị", "trấn", "có", "là", "được", "đã", "đang", "sẽ",
    "phải", "cần", "để", "về", "chủ", "trì", "phối", "hợp", "giao", "triển", "khai", "thực",
    "hiện", "tham", "mưu", "chỉ", "đạo", "hướng", "dẫn", "kiểm", "tra", "báo", "cáo", "tổ",
    "chức", "xây", "rà", "soát", "tập", "trung", "tăng", "cường", "đẩy", "mạnh", "ban", "hành",
    "chi", "phòng", "theo", "dõi", "đôn", "đốc", "khẩn", "trương", "nghiên", "cứu", "đề", "xuất",
    "quản", "tiếp", "tục", "nghĩa", "chủ", "an", "toàn", "bảo", "đảm",
))  # fmt: skip
_BODY_HEADWORDS = (  # words that begin the name of a body
    "Sở", "Công an", "Thanh tra", "Văn phòng", "Bộ Chỉ huy Quân sự", "Bộ Chỉ huy",
    "Kho bạc Nhà nước", "Bảo hiểm xã hội", "Ngân hàng Nhà nước", "Cục", "Chi cục", "Ban",
    "Tỉnh ủy", "Tỉnh uỷ", "Thành ủy", "Thành uỷ", "Tỉnh đoàn", "Thành đoàn", "Hội",
    "Liên đoàn Lao động", "Đài", "Báo", "Trung tâm", "Viện Kiểm sát nhân dân", "Tòa án nhân dân",
    "Toà án nhân dân", "Ủy ban", "Uỷ ban",
)  # fmt: skip
_NOT_PLACE = (  # head words of bodies that no place name starts with
    "Sở", "Cục", "Chi cục", "Công an", "Thanh tra", "Văn phòng", "UBND", "Ủy ban", "Uỷ ban",
    "Kho bạc", "Chỉ thị",  # ("Chủ tịch UBND thị xã Chỉ thị UBND các xã, phường ...": a verb)
    "Giao Chủ", "Giao UBND", "Giao Sở", "Giao Phòng", "Yêu cầu", "Đề nghị",  # ("... huyện Giao
)  # fmt: skip  # Chủ tịch UBND xã ...": a verb written with a capital; "huyện Giao Thủy" is a place
_W = r"(?:[^\S\n]{1,3}\n?[^\S\n]{0,3}|\n[^\S\n]{0,3})"  # spaces, at most one line break


_PROV_MARK = rf"(?i:tỉnh|thành{_W}phố|tp\.?)"
_PROV_WORDS = ("tỉnh", "thành phố", "tp", "ubnd", "hđnd", "ủy ban nhân dân", "uỷ ban nhân dân")
_UNIT = (
    rf"(?i:tỉnh|thành{_W}phố|tp\.?|quận|huyện|thị{_W}xã|xã|phường|thị{_W}trấn|đặc{_W}khu|h\.|tx\.)"
    r"|P\."  # "UBND P.Cao Lãnh"
)


def _cased(words: Sequence[str]) -> list[str]:
    """A word as written at the start of a capitalised name: Title case or all capitals."""
    return [f(w) for w in words for f in (lambda w: w[:1].upper() + w[1:], str.upper)]


def _place_rx(places: Sequence[str]) -> tuple[str, str]:
    """A place (capitalised words, not a person), and a place after a name ("tỉnh Bắc Ninh",
    ", thành phố Hải Phòng", or a province written bare: "Bắc Ninh")."""
    known = _literal_alt([*_PROVINCES, *places], upper=True)
    # a capitalised word of a place: not a person's surname, not the head of a next body
    # ("… tỉnh Bắc Ninh\nSở Kế hoạch" must stop before "Sở")
    body = rf"(?:{_literal_alt(_cased(_NOT_PLACE))})(?!\w)"
    word = rf"(?!{_literal_alt(_SURNAMES)})(?!{body}){_CAP}"
    # a surname may go on a place ("xã Đơn Dương"), not start a person's name after it
    more = rf"(?!{_literal_alt(_SURNAMES)}{_W}{_CAP})(?!{body}){_CAP}"
    number = rf"(?:{_W}\d{{1,3}}(?!\w))?"  # "xã Bảo Lâm 2"
    # a place of two words that opens on a surname ("huyện Triệu Phong", "huyện Võ Nhai"): not
    # a person, whose name has "Văn"/"Thị" in the middle or a third word ("huyện Vũ Quang" is
    # a place though "Quang" is a middle name too)
    surnamed = (
        rf"(?:{_literal_alt(_SURNAMES)}){_W}(?!(?:Văn|Thị)(?!\w))"
        rf"(?!{body}){_CAP}(?![^\S\n]{{1,3}}{_UP})"
    )
    place = (
        rf"(?:{known}|{word}(?:(?:{_W}|[^\S\n]{{0,2}}-[^\S\n]{{0,2}}){more}){{0,3}}{number}"
        rf"|{surnamed})"
    )
    prov = rf"(?:(?:\s{{0,3}},)?{_W}{_PROV_MARK}[^\S\n]{{0,3}}{place}|{_W}{known})"
    return place, prov


def _pattern_rx(vocab: Sequence[str], places: Sequence[str], titles: Sequence[str]) -> str:
    """Bodies written with a province, unknown "Sở ...", and local People's Committees.

    A capitalised head word ("Sở", "Công an", "UBND") starts it, spelt as a character trie
    so that the engine skips quickly to where one can start. Case matters after it: names
    and places are capitalised words, which is how the expression knows where they end.
    """
    low = _literal_alt([s for w in vocab for s in _spellings(w)])
    # a capitalised word that cannot continue a name: a head word, a place, a title, a person
    enders = [*_BODY_HEADWORDS, *_PROVINCES, *places, *_SURNAMES, *_PROV_WORDS, *titles]
    stop = rf"(?!{_literal_alt(_cased(enders))})"
    comp = rf"{_CAP}(?:{_W}{low}){{0,3}}"
    conn = rf"(?:\s{{0,3}}[-–,&]\s{{0,3}}|{_W}và{_W}|{_W})"
    name = rf"{stop}{comp}(?:{conn}{stop}{comp}){{0,5}}"
    place, prov = _place_rx(places)
    local = rf"{_W}(?P<unit>{_UNIT})(?:{_W}|(?<=\.))(?P<place>{place}|\d{{1,3}}(?!\w)(?:{_W}{place})?)(?P<lprov>{prov})?"
    body = rf"{_W}(?P<name>{name})(?P<bprov>{prov})?|(?P<hprov>{prov})"
    start = _literal_alt([*_BODY_HEADWORDS, *_LOCAL_HEADWORDS], upper=True)
    return rf"{start}(?:{local}|{body})(?!\w)"


_LOCAL_HEADWORDS = ("UBND", "HĐND", "Ủy ban nhân dân", "Uỷ ban nhân dân", "Hội đồng nhân dân")
_LOCAL_START = re.compile(_literal_alt(_LOCAL_HEADWORDS, upper=True))


def _name_vocab(agencies: Sequence[Agency]) -> list[str]:
    """Lower-case words that continue a capitalised word in the names of departments and
    agencies ("vận tải" in "Sở Giao thông vận tải"), so that a pattern knows where an
    unknown name ends and the verb after it begins."""
    vocab: set[str] = set()
    for a in agencies:
        for form in (a.name, a.full_name):
            for w in re.findall(r"\w+", form):
                if w.islower() and w not in _NOT_NAME_WORDS and not w.isdigit():
                    vocab.add(fold_key(w))
    return sorted(vocab)

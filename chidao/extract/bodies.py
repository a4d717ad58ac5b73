"""Named bodies that no registry holds ("ngoài danh mục").

A directive names many assignees the packaged registry cannot know: the bodies of
another province written without its name ("Công an tỉnh", "Viện Kiểm sát nhân dân
tỉnh"), units below a department ("Trung tâm Quản lý hạ tầng kỹ thuật Thành phố",
"Chi cục Hải quan khu vực XIII", "Phòng Kế hoạch - Tài chính"), central bodies,
companies, embassies. They are read here from their shape: a capitalised head word
that begins the name of a body, then the words of the name up to the verb, the
punctuation or the next body that ends it. Such a mention keeps the name as written
(the reviewer may register it as a new agency) and carries the rule ``unlisted``.

Registry mentions win where both read the same words; an unlisted name that goes on
past a registry match ("Ngân hàng Nhà nước khu vực X" past "Ngân hàng Nhà nước")
replaces it.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from typing import Any

from chidao.extract.agencies.grammar import _literal_node
from chidao.extract.agencies.patterns import _PROVINCES
from chidao.extract.model import AgencyMention
from chidao.extract.segment import CAPITALS

# head words that begin the name of a body (capitalised, as written at a name's start)
_HEADS = (
    "Ban Quản lý", "Ban quản lý", "Ban Chỉ đạo", "Ban Chỉ huy", "Ban", "Trung tâm", "Chi cục",
    "Cục", "Tổng cục", "Phòng", "Văn phòng", "Viện Kiểm sát nhân dân",
    "Viện kiểm sát nhân dân", "Viện", "Học viện",
    "Bộ tư lệnh",
    "Tòa án nhân dân", "Toà án nhân dân", "Bộ Chỉ huy", "Bộ Tư lệnh", "Bộ đội Biên phòng",
    "Công an", "Công ty", "Tổng công ty", "Tập đoàn", "Ngân hàng", "Kho bạc Nhà nước",
    "Bảo hiểm xã hội", "Ủy ban Mặt trận Tổ quốc", "Uỷ ban Mặt trận Tổ quốc", "Ủy ban MTTQ",
    "UB MTTQ", "UBMTTQ", "Liên đoàn Lao động", "Liên đoàn", "Liên hiệp các Hội", "Liên hiệp",
    "Hiệp hội", "Tổng Liên đoàn", "Liên minh Hợp tác xã", "Tạp chí", "Hội", "Tỉnh đoàn", "Thành đoàn", "Đoàn",
    "Đài", "Báo", "Bảo tàng", "Thư viện", "Nhà hát", "Bệnh viện", "Trường", "Đại học",
    "Đại sứ quán", "Lãnh sự quán", "Tổng Lãnh sự quán", "Thanh tra", "Quỹ", "Hợp tác xã",
    "Cảng vụ", "Vườn quốc gia", "Vườn Quốc gia", "Khu bảo tồn", "Hạt Kiểm lâm", "Đội",
    "Tỉnh ủy", "Tỉnh uỷ", "Thành ủy", "Thành uỷ", "Huyện ủy", "Huyện uỷ", "Đảng ủy", "Đảng uỷ",
    "Ban cán sự", "Huyện đoàn", "Quận đoàn",
)  # fmt: skip


def _heads_rx(heads: Sequence[str]) -> str:
    """The longest of ``heads`` not preceded by a word character or "/", as one expression
    that opens on a literal capital: ``re`` then skips to the capitals (a set of first
    characters) and branches one character at a time, several times faster than an
    alternation behind ``(?<![\\w/])``, with the same matches. The look-behind sits after
    the first character as ``(?<![\\w/].)``: that character is a letter (never a line
    break, which ``.`` would miss), so it holds exactly where the plain one would."""
    tree: dict[str, Any] = {}
    for head in heads:
        node = tree
        for ch in head:
            node = node.setdefault(ch, {})
        node[""] = {}
    firsts = [
        re.escape(ch) + r"(?<![\w/].)" + _literal_node(child, " ")
        for ch, child in sorted(tree.items())
    ]
    return "(?:" + "|".join(firsts) + r")(?!\w)"


_HEAD = re.compile(_heads_rx(_HEADS))
# a body of the issuing province or city, named by its level alone: "Công an tỉnh"
_LEVEL = re.compile(
    r"[^\S\n]+(?:tỉnh|Tỉnh|thành phố|Thành phố|TP\.?|huyện|quận|thị xã)(?!\w)"
    r"(?![^\S\n]+[ủu][ỷy](?!\w))"
)
_PLACE_WORD = re.compile(r"[^\S\n]+(?:[" + CAPITALS + r"][\w]*|\d{1,3}(?!\w))")
_WORD = re.compile(r"[^\S\n]+(?P<w>[\w&]+(?:-[\w&]+)*)")
_DASH_WORD = re.compile(r"[^\S\n]+[-–][^\S\n]+(?=[" + CAPITALS + r"])")
# an office's second field in small letters: "Phòng Kinh tế – hạ tầng", "Phòng Tài chính - kế hoạch"
_DASH_FIELD = re.compile(
    r"[^\S\n]+[-–&][^\S\n]+(?=(?:hạ tầng|kế hoạch|tài chính|xã hội|đô thị|thông tin|thương binh)(?!\w))"
)
# a steering committee's name lists its topics: "Ban Chỉ đạo phát triển khoa học, công nghệ,
# đổi mới sáng tạo, chuyển đổi số và Đề án 06 tỉnh"
_COMMA_TOPIC = re.compile(
    r",[^\S\n]+(?=[a-zà-ỹđ])(?!(?:các|những|đơn vị|cơ quan|địa phương)(?!\w))"
)
_COMMA_WORD = re.compile(r",[^\S\n]+(?=[" + CAPITALS + r"])")
# a fixed phrase with its comma inside a name: "Phòng Kiểm tra xây dựng và phòng cháy, chữa cháy"
_COMMA_PHRASE = re.compile(
    r"(?<=[Pp]hòng cháy),[^\S\n]+(?=chữa cháy(?!\w))|(?<=[Pp]hòng),[^\S\n]+(?=[Cc]hống(?!\w))"
)  # (and "Ban Chỉ huy Phòng, chống thiên tai và Tìm kiếm cứu nạn tỉnh")
_ROMAN_OR_CODE = re.compile(r"[IVXLC]+|\d{1,3}|[A-Z]{1,4}\d{0,2}")
# lower-case words that end a name: verbs that follow a subject, function words
_STOP_PHRASES = (
    "chủ trì", "phối hợp", "thực hiện", "triển khai", "tập trung", "tham mưu", "chỉ đạo", "có",
    "là", "được", "đã", "đang", "sẽ", "phải", "cần", "khẩn trương", "chịu", "theo", "căn cứ",
    "rà soát", "kiểm tra", "hướng dẫn", "báo cáo", "tổng hợp", "đôn đốc", "nghiên cứu",
    "tiếp tục", "chủ động", "tăng cường", "đẩy mạnh", "đẩy nhanh", "nâng cao", "kiện toàn", "bố trí", "đảm bảo", "bảo đảm", "tiếp thu",
    "xem xét", "lập", "cập nhật", "tiếp nhận", "vận hành", "ứng trực", "giám sát", "phát hiện",
    "xử lý", "tuyên truyền", "gửi", "đánh giá", "cung cấp", "đề xuất", "ban hành", "với", "cho", "tại",
    "trong", "về", "để", "của", "khi", "nếu", "trước", "sau", "từ", "đến", "nhằm", "này", "đó",
    "những", "cùng", "thì", "mà", "hoặc", "hay", "nhưng", "ngay", "sớm", "kịp thời",
    "nghiêm túc", "quyết liệt", "chỉ huy lực lượng", "trên", "dưới", "bằng", "do", "vì", "như",
    "tiến hành", "hoàn thành", "hoàn thiện", "thường xuyên", "sử dụng", "điều chỉnh",
    "quan tâm", "phân công", "cử", "yêu cầu", "đề nghị", "tổ chức",
    "xây dựng kế hoạch", "nắm", "thống kê", "thành lập", "làm", "trực tiếp", "cũng", "đều",
    "vẫn", "còn", "phụ trách", "lấy", "tạo điều kiện", "dành", "đưa", "trân trọng", "kính mời", "kính gửi", "các sở", "các cơ quan", "các đơn vị", "các địa phương", "các ngành",
    "rất", "hoan nghênh", "nhận được", "xin", "thông báo", "tham gia", "kiêm",
)  # fmt: skip
_STOPS = re.compile(
    r"(?:" + "|".join(map(re.escape, _STOP_PHRASES)) + r"|giao(?![^\S\n]+thông))(?!\w)"
)
# capitalised words that begin another body or a person: the name stops before them
_ENDERS = re.compile(
    r"(?:Sở|UBND|HĐND|Ủy|Uỷ|Công (?:an|ty)|Ban|Trung tâm|Chi cục|Cục|Phòng|Văn phòng|Viện|"
    r"Tòa|Toà|Bộ|Kho bạc|Bảo hiểm|Liên đoàn|Hội|Đài|Báo|Bệnh viện|Trường|Đại học|Thanh tra|"
    r"Quỹ|Giám đốc|Chủ tịch|Phó|Trưởng|Chánh|Thủ trưởng|Đồng chí|(?:Ông|Bà)(?=[^\S\n]+["
    + CAPITALS
    + r"])|"
    r"Các|Theo|Căn cứ|Tại|"  # (a title before a person's name: "Thủy điện Thác Bà" is a place)
    r"Trong|Đề nghị|Giao|Yêu cầu|Trên|Về|Đối với|Từ|Đến|Ngày|Số|Khoản|Mục|Thực hiện|"
    r"Nhà đầu tư|Tạp chí|Tổng Liên đoàn|Tổng công ty|Tổng cục|Tập đoàn|Hạt Kiểm lâm|"
    r"Giao(?=[^\S\n]+(?:Chủ tịch|UBND|Sở|Phòng|Ban|Trung tâm)(?!\w)))(?!\w)"
)
_MAX_WORDS = 20
_WHOLE_HEADS = frozenset(  # a whole name on their own
    ["Tỉnh đoàn", "Thành đoàn", "Huyện đoàn", "Quận đoàn", "Tỉnh ủy", "Tỉnh uỷ", "Thành ủy",
     "Thành uỷ", "Huyện ủy", "Huyện uỷ"]
)  # fmt: skip
_PUNCT = re.compile(r"[^\S\n]*[,;:.)]")
# a province written after a name ends it: "Kho bạc Nhà nước Hà Nội tạo điều kiện ..."
_PROVINCE = re.compile(
    r"[^\S\n]+(?:"
    + "|".join(map(re.escape, sorted(_PROVINCES, key=len, reverse=True)))
    + r")(?!\w)"
)
UNLISTED = "unlisted"  # the rule of a mention read here


# bodies of other provinces whose names a registry of Hà Nội reads as two of its own
# ("Sở Văn hóa, Thể thao" + "Du lịch"), or that begin with a word of a list ("Báo và Phát
# thanh, Truyền hình tỉnh", the 2025 merger of a province's newspaper and broadcaster),
# or that no head word begins ("Nhà đầu tư" of a project, capitalised as a party)
_WHOLE_NAMES = re.compile(
    r"(?:Sở [Vv]ăn h(?:óa|oá),? (?:[-–] )?[Tt]hể thao,? (?:[-–] |và )?[Dd]u lịch"
    r"|Báo và (?:Đài )?Phát [Tt]hanh,? (?:- )?Truyền [Hh]ình(?: tỉnh| [Tt]hành phố)?"
    r"(?: [A-ZĐ][\w]*){0,3}"
    r"|Nhà đầu tư|Nhà thầu thi công|nhà thầu thi công)(?!\w)"  # literal first characters: fast
)
_WHOLE_WORDS = (
    "Sở Văn h",
    "Sở văn h",
    "Báo và ",
    "Nhà đầu tư",
    "hà thầu thi công",
)  # one is in each match


# a sector named for its department: "chỉ đạo ngành Thuế tỉnh ...", "đề nghị ngành Y tế ...";
# opening a sentence, in small letters too: "Ngành giao thông vận tải theo dõi diễn biến bão"
_FIELDS = (
    r"Y tế|Giáo dục(?:[^\S\n]+và[^\S\n]+Đào tạo)?|GD-ĐT|GD&ĐT|Du lịch|Thuế|Công Thương|Tài chính|"
    r"Xây dựng|Giao thông vận tải|Văn hóa|Tư pháp|Nội vụ|Nông nghiệp(?:[^\S\n]+và[^\S\n]+Phát "
    r"triển nông thôn|[^\S\n]+và[^\S\n]+Môi trường)?|Tài nguyên(?:[^\S\n]+và[^\S\n]+Môi trường)?|"
    r"Lao động(?:[^\S\n]*-[^\S\n]*Thương binh[^\S\n]+và[^\S\n]+Xã hội)?|Công an"
)
_SECTOR = re.compile(
    r"ngành(?<!\wngành)(?<![Cc]ác ngành)(?<![Nn]hững ngành)[^\S\n]+(?P<d>" + _FIELDS + r")(?!\w)"
)
_SECTOR_OPENING = re.compile(r"Ngành[^\S\n]+(?P<d>(?i:" + _FIELDS + r"))(?!\w)")
_SENTENCE_GAPS = frozenset([". ", ": ", "; ", ".\n", ":\n", ";\n"])


def _opens_sentence(text: str, pos: int) -> bool:
    return pos == 0 or text[pos - 1] == "\n" or text[max(0, pos - 2) : pos] in _SENTENCE_GAPS
_SECTOR_BODY = {
    "Y tế": "Sở Y tế", "Giáo dục": "Sở Giáo dục và Đào tạo", "GD-ĐT": "Sở Giáo dục và Đào tạo",
    "GD&ĐT": "Sở Giáo dục và Đào tạo", "Du lịch": "Sở Du lịch", "Thuế": "Cục Thuế",
    "Công Thương": "Sở Công Thương", "Tài chính": "Sở Tài chính", "Xây dựng": "Sở Xây dựng",
    "Giao thông vận tải": "Sở Giao thông vận tải", "Văn hóa": "Sở Văn hóa", "Tư pháp": "Sở Tư pháp",
    "Nội vụ": "Sở Nội vụ", "Nông nghiệp": "Sở Nông nghiệp và Phát triển nông thôn",
    "Nông nghiệp và Phát triển nông thôn": "Sở Nông nghiệp và Phát triển nông thôn",
    "Nông nghiệp và Môi trường": "Sở Nông nghiệp và Môi trường",
    "Tài nguyên": "Sở Tài nguyên và Môi trường", "Tài nguyên và Môi trường": "Sở Tài nguyên và Môi trường",
    "Lao động": "Sở Lao động - Thương binh và Xã hội",
    "Lao động - Thương binh và Xã hội": "Sở Lao động - Thương binh và Xã hội",
    "Công an": "Công an tỉnh",
}  # fmt: skip


def _sector_key(field: str) -> str:
    return re.sub(r"\s*-\s*", "-", " ".join(field.split()).lower())


_SECTOR_KEYS = {_sector_key(k): v for k, v in _SECTOR_BODY.items()}


def _sectors(text: str, found: Sequence[AgencyMention]) -> Sequence[AgencyMention]:
    """``found`` with the sectors a text names for their department ("ngành Thuế" is the
    Cục Thuế, "ngành Y tế" the Sở Y tế), where nothing else reads those words but the group
    word "Ngành" itself."""
    if "gành " not in text:
        return found
    added = []
    starts = [f.start for f in found]
    opening = (
        [m for m in _SECTOR_OPENING.finditer(text) if _opens_sentence(text, m.start())]
        if "Ngành " in text
        else []
    )
    for m in sorted([*_SECTOR.finditer(text), *opening], key=lambda m: m.start()):
        field, at = m.group("d"), m.start("d")
        if _overlaps(found, starts, at, m.end()):
            continue  # ("Ngành" alone, read as a group, gives way: it starts before ``at``)
        domain = _sector_key(field)
        name = _SECTOR_KEYS.get(domain) or _SECTOR_KEYS[domain.split(" và ")[0]]
        added.append(AgencyMention(m.start(), m.end(), m.group(), name, rule=UNLISTED))
    return _replace(found, added) if added else found


def find_unlisted(text: str, found: Sequence[AgencyMention]) -> list[AgencyMention]:
    """``found`` (the registry's mentions, in order) with the unlisted bodies of ``text``
    merged in, in order; see the module docstring."""
    found = _bare_places(text, _counted(text, _whole_names(text, found)))
    found = _place_lists(text, _colon_places(text, _place_subjects(text, found)))
    found = _sectors(text, found)
    found = _short_names(text, _classes(text, found))
    found = _ministry_lists(text, found)
    starts = [m.start for m in found]
    taken: set[int] = set()
    added: list[AgencyMention] = []
    last_end = -1
    for m in _heads(text):
        if m.start() < last_end:
            continue
        end = _name_end(text, m.end(), m.group())
        if end is None and m.group() in _WHOLE_HEADS and _alone(text, m.end()):
            end = m.end()  # "..., Hội Cựu chiến binh tỉnh, Tỉnh đoàn: Chỉ đạo ..."
        if end is None:
            continue
        i = bisect_left(starts, m.start())
        inside = []
        j = i - 1 if i and found[i - 1].end > m.start() else i
        while j < len(found) and found[j].start < end:
            inside.append(j)
            j += 1
        if inside:
            first = found[inside[0]]
            covered = first.start == m.start() and found[inside[-1]].end >= end
            if first.start < m.start() or (first.is_group and first.start == m.start()) or covered:
                continue  # the registry reads these words, or an enumeration starts here
            if any(found[k].is_group for k in inside):
                end = min(found[k].start for k in inside if found[k].is_group)
                end = len(text[m.start() : end].rstrip(" ,;và")) + m.start()
            taken.update(inside)
        surface = text[m.start() : end]
        name = " ".join(surface.split())
        if name.startswith("phòng"):
            name = "P" + name[1:]
        added.append(AgencyMention(m.start(), end, surface, name, rule=UNLISTED))
        last_end = end
    if added:
        kept = [f for k, f in enumerate(found) if k not in taken]
        found = sorted(kept + added, key=lambda a: a.start)
    out = list(_bare_heads(text, found))
    for mention in out:
        if mention.agency_id is None and not mention.is_group and _SHORTENED.search(mention.name):
            mention.name = spelled_out(mention.name)
    return out


# a district's office written in small letters: "giao phòng Tài chính - Kế hoạch huyện"
# (only before a field's name: "phòng COVID-19", "phòng Cháy" are no office)
_LOWER_OFFICE = re.compile(
    r"phòng(?<!\wphòng)(?=[^\S\n]+(?:Tài chính|Kinh tế|Văn hóa|Văn hoá|Giáo dục|Nội vụ|Tư pháp|Y tế|"
    r"Tài nguyên|Lao động|Nông nghiệp|Quản lý đô thị|Kế hoạch|Công [Tt]hương|Dân tộc|"
    r"Thông tin|Hạ tầng|Đô thị|GDĐT|GD&ĐT|GD-ĐT|TN&MT|TN-MT|TC-KH|TCKH|NN&PTNT|NN-PTNT|"
    r"VH-TT|VHTT|LĐTB&XH|LĐ-TB&XH|KT-HT|QLĐT)(?![\w&-]))"
)


def _heads(text: str) -> list[re.Match[str]]:
    """The head words of bodies in ``text``, in order: capitalised, and an office in small
    letters (read as "Phòng")."""
    heads = list(_HEAD.finditer(text))
    if text.find("phòng ") == -1:
        return heads
    lower = list(_LOWER_OFFICE.finditer(text))
    return sorted(heads + lower, key=lambda m: m.start()) if lower else heads


# the shortenings written inside names of bodies the registry does not hold; output names
# are in full official form ("Ban Quản lý dự án ... các công trình NN&PTNT tỉnh Quảng Nam")
_SPELLED_OUT = {
    "NN&PTNT": "Nông nghiệp và Phát triển nông thôn", "NN-PTNT": "Nông nghiệp và Phát triển nông thôn",
    "NNPTNT": "Nông nghiệp và Phát triển nông thôn", "MTTQ": "Mặt trận Tổ quốc",
    "TN&MT": "Tài nguyên và Môi trường", "TN-MT": "Tài nguyên và Môi trường",
    "GTVT": "Giao thông vận tải", "KH&ĐT": "Kế hoạch và Đầu tư", "KH-ĐT": "Kế hoạch và Đầu tư",
    "KH&CN": "Khoa học và Công nghệ", "KHCN": "Khoa học và Công nghệ",
    "GD&ĐT": "Giáo dục và Đào tạo", "GDĐT": "Giáo dục và Đào tạo",
    "TT&TT": "Thông tin và Truyền thông", "TTTT": "Thông tin và Truyền thông",
    "LĐTB&XH": "Lao động - Thương binh và Xã hội", "LĐ-TB&XH": "Lao động - Thương binh và Xã hội",
    "VHTTDL": "Văn hóa, Thể thao và Du lịch", "VH-TT&DL": "Văn hóa, Thể thao và Du lịch",
    "QLDA": "Quản lý dự án", "KT-XH": "kinh tế - xã hội", "KTCK": "kinh tế cửa khẩu",
    "KCN": "khu công nghiệp", "PTNT": "Phát triển nông thôn", "KKT": "Khu kinh tế", "CHQS": "Chỉ huy Quân sự",
    "PCTT và TKCN": "Phòng, chống thiên tai và Tìm kiếm cứu nạn",
    "PCTT&TKCN": "Phòng, chống thiên tai và Tìm kiếm cứu nạn",
    "PCTT-TKCN": "Phòng, chống thiên tai và Tìm kiếm cứu nạn", "PTDS": "Phòng thủ dân sự",
    "BĐBP": "Bộ đội Biên phòng", "ATGT": "An toàn giao thông",
    "UB MTTQ": "Ủy ban Mặt trận Tổ quốc", "UBMTTQ": "Ủy ban Mặt trận Tổ quốc",
    "TPHCM": "Thành phố Hồ Chí Minh", "TP.HCM": "Thành phố Hồ Chí Minh",
    "TP HCM": "Thành phố Hồ Chí Minh", "TP. HCM": "Thành phố Hồ Chí Minh",
}  # fmt: skip
_ABBREVIATED = re.compile(
    r"(?<![\w&-])(?:"
    + "|".join(re.escape(k) for k in sorted(_SPELLED_OUT, key=len, reverse=True))
    + r")(?![\w&-])"
)


# a unit written short before its place: "UBND H.Bắc Bình", "UBND TX. Sơn Tây"
_UNIT_SHORT = re.compile(r"(?<!\w)(H|TX|TP|P)\.\s*(?=[" + CAPITALS + "])(?!HCM)")
_UNITS_SPELLED = {"H": "huyện ", "TX": "thị xã ", "TP": "thành phố ", "P": "phường "}
_SHORTENED = re.compile(_ABBREVIATED.pattern + "|" + _UNIT_SHORT.pattern)


def spelled_out(name: str) -> str:
    """ "Ủy ban MTTQ Việt Nam tỉnh X" → "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh X"; "UBND
    H.Bắc Bình" → "UBND huyện Bắc Bình"."""
    name = _UNIT_SHORT.sub(lambda m: _UNITS_SPELLED[m.group(1)], name)
    return _ABBREVIATED.sub(lambda m: _SPELLED_OUT[m.group()], name)


def _alone(text: str, pos: int) -> bool:
    """Punctuation or a verb follows: "Tỉnh đoàn:", "Huyện đoàn phối hợp ..."."""
    return _PUNCT.match(text, pos) is not None or (
        text[pos : pos + 1] == " " and _STOPS.match(text, pos + 1) is not None
    )


_CULTURE = re.compile(r"Sở [Vv]ăn h(?:óa|oá)")


def _official(written: str) -> str:
    """The full official form of a whole name: "Sở Văn hoá Thể thao Du lịch" is written
    "Sở Văn hóa, Thể thao và Du lịch"."""
    if _CULTURE.match(written):
        return _CULTURE_NAME
    return written.replace("Phát Thanh", "Phát thanh").replace("Truyền Hình", "Truyền hình")


def _culture_and_tourism(text: str, found: Sequence[AgencyMention]) -> Sequence[AgencyMention]:
    """ "Các Sở: Y tế, VHTT&DL": the registry reads "VHTT" and "DL" as two of its bodies (the
    city has both); written with "&" they are one province's Sở Văn hóa, Thể thao và Du lịch."""
    out: list[AgencyMention] = []
    for m in found:
        last = out[-1] if out else None
        if last is not None and last.name == _CULTURE_NAME and m.start < last.end:
            continue  # ("DL" of "VHTT&DL", read into the mention before)
        if (
            last is not None
            and m.name == "Sở Du lịch"
            and last.name == "Sở Văn hóa và Thể thao"
            and text[last.end : m.start].strip() in ("&", "-")
            and not m.surface.startswith("Sở")
        ):
            out[-1] = AgencyMention(
                last.start, m.end, text[last.start : m.end], _CULTURE_NAME, rule=UNLISTED
            )
            continue
        if m.name == "Sở Văn hóa và Thể thao" and (tail := _AND_TOURISM.match(text, m.end)):
            # "Sở VH-TT-DL": the registry read "Sở VH-TT"
            m = AgencyMention(
                m.start, tail.end(), text[m.start : tail.end()], _CULTURE_NAME, rule=UNLISTED
            )
        out.append(m)
    return out


_AND_TOURISM = re.compile(r"[-&]\s?DL(?!\w)")


_CULTURE_NAME = "Sở Văn hóa, Thể thao và Du lịch"


def _whole_names(text: str, found: Sequence[AgencyMention]) -> Sequence[AgencyMention]:
    if "Du lịch" in text or "DL" in text:
        found = _culture_and_tourism(text, found)
    if not any(words in text for words in _WHOLE_WORDS):
        return found  # (a plain substring search first: most texts name none)
    wholes = [
        AgencyMention(m.start(), m.end(), m.group(), _official(m.group()), rule=UNLISTED)
        for m in _WHOLE_NAMES.finditer(text)
        if not text.endswith(("các ", "Các "), 0, m.start())  # "các nhà thầu ...": a class
    ]
    if not wholes:
        return found
    starts = [f.start for f in found]
    for w in wholes:  # "Lãnh đạo Sở Văn hóa, Thể thao" read by the registry: the title goes on it
        i = bisect_left(starts, w.start) - 1
        if i >= 0 and found[i].start < w.start < found[i].end:
            w.start, w.surface = found[i].start, text[found[i].start : w.end]
    return _replace(found, wholes)  # (in order: found by one left-to-right scan)


# "UBND các xã: Đức Trọng, Hiệp Thạnh, Đinh Văn Lâm Hà": the group names its members
_LOCAL_GROUP = re.compile(
    r"(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân) các (xã|phường|thị trấn|huyện|quận|thị xã)$"
)
_PLACE = r"(?:[" + CAPITALS + r"][\w]*|\d{1,3})(?:[^\S\n](?:[" + CAPITALS + r"][\w]*|\d{1,3}))*"
_PLACE_ITEM = re.compile(rf"(?:[^\S\n]*:[^\S\n]*|,[^\S\n]+|[^\S\n]+và[^\S\n]+)({_PLACE})")
_PLACE_FIRST = re.compile(rf"[^\S\n]*:?[^\S\n]*({_PLACE})")


_LOCAL_ONE = re.compile(r"UBND (huyện|quận|thị xã|thành phố|xã|phường|thị trấn) \S")
_MORE_PLACE = re.compile(
    rf"(?:[,;][^\S\n]+(?:(?P<unit>huyện|quận|thị xã|thành phố|xã|phường|thị trấn)[^\S\n]+)?"
    rf"|[^\S\n]+và[^\S\n]+(?P<named>huyện|quận|thị xã|thành phố|xã|phường|thị trấn)[^\S\n]+)"
    rf"(?P<place>{_PLACE})"
    rf"(?=[^\S\n]*(?:[,;:]|và|[^\S\n][a-zđà-ỹ]))"
)


def _more_places(text: str, pos: int, unit: str, taken: set[int]) -> list[AgencyMention]:
    """The places named after "UBND huyện Quang Bình": ", Bắc Quang", ", 9, Thủ Đức", ",
    huyện Chư Sê" (none that the registry reads itself)."""
    out: list[AgencyMention] = []
    while len(out) < 20 and (nxt := _MORE_PLACE.match(text, pos)) is not None:
        place = nxt.group("place")
        named = "unit" if nxt.group("unit") else "named" if nxt.group("named") else None
        if (
            _ENDERS.match(place)
            or (_PROVINCE.match(" " + place) and not named)  # ("thị xã Quảng Trị" is a place)
            or nxt.start("place") in taken
        ):
            break
        unit = nxt.group(named) if named else unit  # "UBND thị xã An Khê, huyện Chư Sê, Mang Yang"
        start = nxt.start(named) if named else nxt.start("place")
        name = f"UBND {unit} {place}"
        out.append(AgencyMention(start, nxt.end(), text[start : nxt.end()], name, rule=UNLISTED))
        pos = nxt.end()
    return out


# "giao" that hands over, not assigns: "bàn giao 3 xã", "chuyển giao", "Ngoại giao"
_NOT_HANDING = r"(?<![Bb]àn )(?<!chuyển )(?<![Nn]goại )"
# local committees counted, not listed: "Chủ tịch UBND 36 phường, xã", "yêu cầu 13 huyện,
# thị xã, thành phố": the group of local People's Committees (rule 6)
_LOCAL_UNIT = r"(?:quận|huyện|thị xã|thành phố|xã|phường|thị trấn|đặc khu)"
# (read from the count on; the words before it are checked after)
_COUNTED = re.compile(  # (a literal space first: the fastest scan re has)
    rf" (?P<count>[0-9]{{1,3}}) (?=[qhtxpđ]){_LOCAL_UNIT}"
    rf"(?:(?:[^\S\n]*,[^\S\n]*|[^\S\n]+và[^\S\n]+){_LOCAL_UNIT})*(?!\w)"
    r"(?![^\S\n]+[" + CAPITALS + r"])"  # ("UBND 2 xã Tân Lập, Tân Hòa": the places are named)
)
_COUNTED_BY = re.compile(
    r"(?:(?P<committee>UBND|Ủy ban nhân dân|Uỷ ban nhân dân)|(?:"
    + _NOT_HANDING
    + r"giao|yêu cầu|đề nghị|chỉ đạo)"
    r"(?: cho)?)[^\S\n]+$"
)


_HEAD_TITLE = re.compile(r"(?<!\w)(?:Chủ tịch|Lãnh đạo|lãnh đạo)[^\S\n]+$")


def _counted(text: str, found: Sequence[AgencyMention]) -> Sequence[AgencyMention]:
    """``found`` with the local committees a text counts ("UBND 36 phường, xã") as the group."""
    added = []
    starts = [f.start for f in found]
    for m in _COUNTED.finditer(text):
        start, end = m.start("count"), m.end()
        by = _COUNTED_BY.search(text, max(0, start - 24), start)
        if by is None:
            continue
        if by.group("committee"):
            start = by.start()
            if (title := _HEAD_TITLE.search(text, max(0, start - 20), start)) is not None:
                start = title.start()  # "Chủ tịch UBND 36 phường, xã": the head stands for it
        if _overlaps(found, starts, start, end):
            continue
        added.append(
            AgencyMention(
                start, end, text[start:end], "địa phương", is_group=True, rule="group:counted"
            )
        )
    return _with_added(found, added)


# a place the directive verb names bare: "giao thành phố Đông Hà, huyện Gio Linh kiểm tra"
# is their People's Committees
# (read from the place on, a literal space first: the fastest scan re has; the verb before it
# is checked after, on a few characters)
_BARE_PLACE = re.compile(
    r" (?:các[^\S\n]+(?=huyện|xã|phường|quận))?"
    r"(?P<unit>tỉnh|thành phố|thị xã|huyện|quận|xã|phường|thị trấn|H\.|TX\.|TP\.|TP(?=[^\S\n]))"
    rf"[^\S\n]*(?<=[.\s])(?P<place>{_PLACE})"
    r"(?![^\S\n]*\()"  # ("giao huyện Gio Linh (cũ)": history, left to the reader)
)  # ("Đối với huyện Khánh Sơn: Áp dụng ...": a heading that names the place's committee)
_BARE_VERB = re.compile(
    r"(?<!\w)(?:"
    + _NOT_HANDING
    + r"giao|yêu cầu|đề nghị|chỉ đạo|chỉ thị|lưu ý|Giao|Yêu cầu|Đề nghị|Chỉ đạo|[Đđ]ối với|"
    r"[Tt]rong đó,|Riêng|Đặc biệt,)"  # ("Trong đó, các huyện Ba Vì, Phúc Thọ ... cần ...")
    r"(?:[^\S\n]+(?:cho|đối với))?$"
)
_SHORT_UNITS = {"H.": "huyện", "TX.": "thị xã", "TP.": "thành phố", "TP": "thành phố"}


# a place that acts as its committee at a sentence's start: "Huyện Sốp Cộp chỉ đạo các cơ quan
# chuyên môn ...", "Thị xã Quảng Trị yêu cầu ..."
_PLACE_SUBJECT = re.compile(  # (a capital first: the engine skips to where one can start)
    r"[HQTXP](?:(?<=^[HQTXP])|(?<=\n[HQTXP])|(?<=[.;:]\s[HQTXP]))"
    r"(?P<unit>(?<=H)uyện|(?<=Q)uận|(?<=T)hị xã|(?<=T)hành phố|(?<=X)ã|(?<=P)hường|(?<=T)hị trấn)"
    rf"[^\S\n]+(?P<place>{_PLACE})(?=[^\S\n]+(?:đã[^\S\n]+|vừa[^\S\n]+|cũng[^\S\n]+)?"
    r"(?:chỉ đạo|yêu cầu|giao|đề nghị)(?!\w))",
    re.MULTILINE,
)


def _place_subjects(text: str, found: Sequence[AgencyMention]) -> Sequence[AgencyMention]:
    """``found`` with the places that open a sentence as their committee ("Huyện Sốp Cộp")."""
    added = []
    starts = [f.start for f in found]
    for m in _PLACE_SUBJECT.finditer(text):
        if _ENDERS.match(m.group("place")) or _overlaps(found, starts, m.start(), m.end()):
            continue
        unit = text[m.start() : m.end("unit")].lower()
        name = f"UBND {unit} {m.group('place')}"
        added.append(AgencyMention(m.start(), m.end(), m.group(), name, rule=UNLISTED))
    return _with_added(found, added)


# one committee's head word over a list of places after a colon: "Chủ tịch UBND huyện: Phong
# Điền, Phú Lộc chỉ đạo ..." (the places after the first are read by ``_place_lists``)
_COLON_PLACES = re.compile(  # (or each with its own unit: "giao UBND: thành phố Vị Thanh, ...")
    r"(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)(?:[^\S\n]+(?P<unit>huyện|quận|thị xã|xã|phường))?"
    r"[^\S\n]*:[^\S\n]*(?(unit)|(?P<own>huyện|quận|thị xã|thành phố|xã|phường)[^\S\n]+)"
    rf"(?P<place>{_PLACE})(?=[^\S\n]*(?:,|và[^\S\n]))"
)


def _colon_places(text: str, found: Sequence[AgencyMention]) -> Sequence[AgencyMention]:
    """``found`` with the first place of a committee's colon list ("UBND huyện: Phong Điền")."""
    if ":" not in text:
        return found
    added = []
    starts = [f.start for f in found]
    for m in _COLON_PLACES.finditer(text):
        if _ENDERS.match(m.group("place")) or _overlaps(found, starts, m.start(), m.end()):
            continue
        name = f"UBND {m.group('unit') or m.group('own')} {m.group('place')}"
        start = m.start()
        if (title := _HEAD_TITLE.search(text, max(0, start - 20), start)) is not None:
            start = title.start()  # "Chủ tịch UBND huyện: ...": the head stands for it
        added.append(AgencyMention(start, m.end(), text[start : m.end()], name, rule=UNLISTED))
    return _with_added(found, added)


def _bare_places(text: str, found: Sequence[AgencyMention]) -> Sequence[AgencyMention]:
    """``found`` with the places a directive verb names bare, one mention each, "UBND
    huyện Gio Linh" (the places listed after the first are read by ``_place_lists``)."""
    if not any(w in text for w in ("phố ", "xã ", "huyện ", "quận ", "phường ", "H.", "TX.", "TP")):
        return found
    added = []
    dropped: set[int] = set()
    starts = [m.start for m in found]
    for m in _BARE_PLACE.finditer(text):
        place = m.group("place")
        if not _BARE_VERB.search(text, max(0, m.start() - 24), m.start()) or _ENDERS.match(place):
            continue
        i = bisect_left(starts, m.start("unit") - 4)
        group = None  # "Đối với các huyện Khánh Vĩnh, ...": the places, not the group
        if i < len(found) and found[i].is_group and found[i].end <= m.start("place"):
            group, i = i, i + 1
        if (i < len(found) and found[i].start < m.end()) or (
            i and i - 1 != group and found[i - 1].end > m.start("unit")
        ):
            continue  # the registry or a pattern reads these words
        if group is not None:
            dropped.add(group)
        unit = _SHORT_UNITS.get(m.group("unit"), m.group("unit"))
        name = f"UBND {unit} {place}"
        start = m.start("unit")
        added.append(AgencyMention(start, m.end(), text[start : m.end()], name, rule=UNLISTED))
    return _with_added([f for k, f in enumerate(found) if k not in dropped], added)


def _place_lists(text: str, found: Sequence[AgencyMention]) -> Sequence[AgencyMention]:
    """A local group followed by the places it means, two or more: one mention each,
    "UBND xã Đức Trọng", ... (the first one spans the group's words too); and the places
    named after one local committee ("UBND huyện Quang Bình, Bắc Quang")."""
    out: list[AgencyMention] = []
    changed = False
    starts = {m.start for m in found}
    for m in found:
        if not m.is_group and (one := _LOCAL_ONE.match(m.name)) is not None:
            out.append(m)  # "UBND huyện Quang Bình, Bắc Quang": the places after the first
            more = _more_places(text, m.end, one.group(1), starts)
            changed = changed or bool(more)
            out.extend(more)
            continue
        unit = _LOCAL_GROUP.search(m.surface) if m.is_group else None
        first = _PLACE_FIRST.match(text, m.end) if unit else None
        if unit is None or first is None:
            out.append(m)
            continue
        places = [first]
        while len(places) < 40 and (nxt := _PLACE_ITEM.match(text, places[-1].end())):
            places.append(nxt)
        if len(places) < 2 or any(_ENDERS.match(p.group(1)) for p in places):
            out.append(m)
            continue
        changed = True
        for k, p in enumerate(places):
            start = m.start if k == 0 else p.start(1)
            name = f"UBND {unit.group(1)} {p.group(1)}"
            out.append(AgencyMention(start, p.end(), text[start : p.end()], name, rule=UNLISTED))
    return out if changed else found


# a named class of bodies, not a group label: "các đơn vị duy trì thoát nước", "các cơ quan
# Trung ương đóng trên địa bàn tỉnh", "các trường trung học phổ thông", "các doanh nghiệp
# viễn thông". "đơn vị" and "cơ quan" take only the qualifiers listed (a verb follows them
# too often: "các đơn vị xây dựng kế hoạch" is the group); the other nouns any words up
# to a verb, a function word or punctuation.
_GENERIC_QUALIFIERS = (
    r"sự nghiệp công lập|sự nghiệp|duy trì|"
    r"(?:Trung ương|TW|trung ương)(?: đóng)?(?: trên địa bàn(?: tỉnh| thành phố| Thành phố)?)?|"
    r"tư vấn|thi công|cấp nước|thoát nước|điện lực|viễn thông|báo chí|truyền thông|y tế|"
    r"giáo dục|quản lý vận hành|vận hành|khai thác|kinh doanh(?: vận tải)?|vận tải|quản lý đường bộ"
)
_CLASS_REST = (
    r"[^\S\n]+(?:"
    rf"(?P<generic>đơn vị|cơ quan)[^\S\n]+(?P<q>{_GENERIC_QUALIFIERS})"
    r"|(?P<noun>doanh nghiệp|[Tt]rường(?! hợp)|[Tt]rung tâm|tổ chức|nhà đầu tư|[Bb]ệnh viện"
    r"|công ty|hợp tác xã|nhà thầu)"
    r"(?=[^\S\n]+\w))"
)
# two expressions with a literal first word each: the engine then skips to where one can start
_CLASSES = (re.compile("các" + _CLASS_REST), re.compile("Các" + _CLASS_REST))


def _class_matches(text: str) -> Iterator[re.Match[str]]:
    for rx in _CLASSES:
        for m in rx.finditer(text):
            if not (m.start() and text[m.start() - 1].isalnum()):
                yield m


# the same class as a heading: "1.3. Đơn vị duy trì thoát nước trên địa bàn Thành phố:"
_CLASS_HEADING = re.compile(
    rf"(?P<generic>Đơn vị)[^\S\n]+(?P<q>{_GENERIC_QUALIFIERS})(?=[^:\n]{{0,80}}:[^\S\n]*(?:\n|$))"
)
_LINE_START = re.compile(r"[\d.]*[^\S\n]*")  # what may stand before it on its line: "1.3. "


def _heading_classes(text: str) -> Iterator[re.Match[str]]:
    for m in _CLASS_HEADING.finditer(text):
        line = text.rfind("\n", 0, m.start()) + 1
        if _LINE_START.fullmatch(text, line, m.start()):
            yield m


_UNDER = re.compile(r"[^\S\n]+(?:trực thuộc|thuộc)[^\S\n]+")
_CLASS_WORDS = 8
_CLASS_DASH = re.compile(r"[^\S\n]+[-–][^\S\n]+(?=\w)")
_MORE_STOPS = re.compile(
    r"(?:xây dựng|nạo vét|thu gom|phổ biến|quán triệt|thẩm định|giải quyết|khắc phục|"
    r"chuẩn bị|huy động|nộp|ký|đăng ký|liên quan|có liên quan|trực thuộc|thuộc|khác|này|"
    r"trên địa bàn|đóng|được|cấp|các)(?!\w)"
)


def _classes(text: str, found: Sequence[AgencyMention]) -> Sequence[AgencyMention]:
    """Named classes replace the group mention of their first words ("các đơn vị")."""
    added: list[AgencyMention] = []
    groups = {f.start: f for f in found if f.is_group and f.name != "cơ quan, đơn vị"}
    by_start = {f.start: f for f in found}
    for m in itertools.chain(_class_matches(text), _heading_classes(text)):
        if m.start() in groups:
            continue  # a group's own phrasing: "các tổ chức chính trị - xã hội"
        end = _class_end(text, m.end()) or (m.end() if m.group("generic") else None)
        if end is None:
            continue
        under = _UNDER.match(text, end)
        if under is not None:  # "... trực thuộc UBND Thành phố"
            nxt = by_start.get(under.end())
            if nxt is not None and not nxt.is_group:
                end = nxt.end
        surface = text[m.start() : end]
        name = " ".join(surface.split())
        if not name.lower().startswith("các"):  # a heading's "Đơn vị duy trì thoát nước:"
            name = "Các " + name[0].lower() + name[1:]
        added.append(AgencyMention(m.start(), end, surface, name, rule=UNLISTED))
    if not added:
        return found
    return _replace(found, sorted(added, key=lambda a: a.start))


# "Thành lập Tổ giúp việc của Hội đồng thẩm định ... tỉnh Lâm Đồng (gọi tắt là Tổ giúp việc)"
_CALLED = re.compile(r"\((?:sau đây\s+)?(?:gọi|viết)\s+tắt\s+là:?\s*(?P<short>[^()\n]{2,60}?)\s*\)")
_NAME_BEFORE = 200  # how far before its short name a full name may begin


def _short_names(text: str, found: Sequence[AgencyMention]) -> Sequence[AgencyMention]:
    """A body the text names in full once and then by the short name it gives it: every
    later short mention stands for the full name, the name the body is registered by."""
    if "tắt là" not in text:  # (a plain substring search first: most texts define none)
        return found
    added: list[AgencyMention] = []
    for m in _CALLED.finditer(text):
        short = m.group("short")
        begin = text.rfind(short, max(0, m.start() - _NAME_BEFORE), m.start())
        if not short[:1].isupper() or begin == -1 or "\n" in text[begin : m.start()]:
            continue  # the full name begins with the short one, on the same line
        full = " ".join(text[begin : m.start()].rstrip(" ,").split())
        rx = re.compile(re.escape(short) + r"(?!\w)")
        pos = m.end()
        while (later := rx.search(text, pos)) is not None:
            if not text[later.start() - 1 : later.start()].isalnum():
                added.append(AgencyMention(later.start(), later.end(), short, full, rule=UNLISTED))
            pos = later.end()
    if not added:
        return found
    return _replace(found, sorted(added, key=lambda a: a.start))


# the ministries by their fields, after one head: "Bộ trưởng các Bộ: Quốc phòng, Công an, Nông
# nghiệp và Môi trường, Y tế; ..." (the longest first: "và" is inside some of the names)
_MINISTRY_FIELDS = sorted(
    [
        "Quốc phòng", "Công an", "Ngoại giao", "Nội vụ", "Tư pháp", "Tài chính", "Công Thương",
        "Nông nghiệp và Môi trường", "Nông nghiệp và Phát triển nông thôn", "Xây dựng",
        "Văn hóa, Thể thao và Du lịch", "Khoa học và Công nghệ", "Giáo dục và Đào tạo", "Y tế",
        "Dân tộc và Tôn giáo", "Kế hoạch và Đầu tư", "Lao động - Thương binh và Xã hội",
        "Giao thông vận tải", "Tài nguyên và Môi trường", "Thông tin và Truyền thông",
    ],
    key=len,
    reverse=True,
)  # fmt: skip
_FIELD = "(" + "|".join(map(re.escape, _MINISTRY_FIELDS)) + r")(?!\w)"
_MINISTRIES_HEAD = re.compile(r"(?:Bộ trưởng\s+)?các Bộ\s*:\s*" + _FIELD)
_MINISTRY_NEXT = re.compile(r"\s*(?:,|và(?!\w))\s*(?:Bộ\s+)?" + _FIELD)


def _ministry_lists(text: str, found: Sequence[AgencyMention]) -> Sequence[AgencyMention]:
    """ "Bộ trưởng các Bộ: Quốc phòng, Công an, Y tế": one mention per ministry."""
    if "các Bộ" not in text:  # (a plain substring search first)
        return found
    added: list[AgencyMention] = []
    for m in _MINISTRIES_HEAD.finditer(text):
        item: re.Match[str] | None = m
        start = m.start()
        while item is not None:
            name = "Bộ " + item.group(1)
            added.append(AgencyMention(start, item.end(), text[start : item.end()], name))
            item = _MINISTRY_NEXT.match(text, item.end())
            start = item.start(1) if item else start
    if not added:
        return found
    return _replace(found, added)


# a committee named in full once, then by its head alone: "Ban Chỉ đạo phổ cập giáo dục, xóa mù
# chữ thành phố Hà Nội có 27 thành viên ... Ban Chỉ đạo có nhiệm vụ xây dựng kế hoạch ..."
_BARE = re.compile(  # (a literal first)
    r"(?:Ban [Cc]hỉ đạo|Tổ công tác(?:[^\S\n]+liên ngành)?)(?=[^\S\n]+[a-zđà-ỹ])"
)


_BARE_DUTY = re.compile(r"[^\S\n]+(?:có nhiệm vụ|có trách nhiệm|chủ trì|khẩn trương)(?!\w)")


def _bare_heads(text: str, found: Sequence[AgencyMention]) -> Sequence[AgencyMention]:
    """The head alone stands for the one body of that head the text names in full."""
    if "Ban Chỉ đạo" not in text and "Ban chỉ đạo" not in text and "Tổ công tác" not in text:
        return found
    added: list[AgencyMention] = []
    starts = [m.start for m in found]
    for m in _BARE.finditer(text):
        if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] == "/"):
            continue
        head = m.group().lower()
        full = {
            f.name for f in found if f.name.lower().startswith(head + " ") and f.end <= m.start()
        }
        i = bisect_left(starts, m.start() + 1) - 1
        inside = i >= 0 and found[i].end > m.start()
        if len(full) == 1 and not inside:
            added.append(AgencyMention(m.start(), m.end(), m.group(), full.pop(), rule=UNLISTED))
        elif not full and not inside and _BARE_DUTY.match(text, m.end()):
            # "Tổ công tác có nhiệm vụ tham mưu ...": the text's one team, named by its head
            added.append(AgencyMention(m.start(), m.end(), m.group(), m.group(), rule=UNLISTED))
    return _replace(found, added) if added else found


def _overlaps(found: Sequence[AgencyMention], starts: list[int], start: int, end: int) -> bool:
    """Whether a mention of ``found`` (in order, ``starts`` their starts) overlaps [start,
    end): the one starting before ``start`` and the first at or after it, found by bisection
    (mentions in order do not nest past their neighbour)."""
    i = bisect_left(starts, start)
    return (i < len(found) and found[i].start < end) or (i > 0 and found[i - 1].end > start)


def _with_added(
    found: Sequence[AgencyMention], added: list[AgencyMention]
) -> Sequence[AgencyMention]:
    """``found`` and ``added`` (which overlap none of it) in order."""
    return sorted([*found, *added], key=lambda a: a.start) if added else found


def _replace(found: Sequence[AgencyMention], added: list[AgencyMention]) -> list[AgencyMention]:
    """``found`` less the mentions that start inside one of ``added`` (sorted), with those."""
    starts = [a.start for a in added]
    kept = []
    for f in found:
        i = bisect_left(starts, f.start + 1) - 1
        if i < 0 or f.start >= added[i].end:
            kept.append(f)
    return sorted(kept + added, key=lambda a: a.start)


def _class_end(text: str, pos: int) -> int | None:
    """The end of the qualifier words after a class noun; None without one."""
    end = at = pos
    for _ in range(_CLASS_WORDS):
        dash = _CLASS_DASH.match(text, at)
        word = _WORD.match(text, dash.end() - 1 if dash else at)
        if word is None:
            break
        after_education = text[max(0, word.start("w") - 4) : word.start("w")].rstrip() == "dục"
        if (
            _STOPS.match(text, word.start("w")) or _MORE_STOPS.match(text, word.start("w"))
        ) and not (after_education and word.group("w").lower() == "thường"):
            break  # ("Giáo dục thường xuyên" is a name)
        if _ENDERS.match(text, word.start("w")):
            break
        at = end = word.end()
    return end if end > pos else None


def _name_end(text: str, pos: int, head: str) -> int | None:
    """Where the name that ``head`` begins at ``pos`` ends; None when no name follows."""
    words = 0
    capitals = 0
    end = at = pos  # the name's end so far; where the next word is read
    while words < _MAX_WORDS:
        province = _PROVINCE.match(text, at)
        if province is not None:  # "Trung tâm Kiểm soát bệnh tật Hà Nội": the place ends it
            return province.end()
        level = _LEVEL.match(text, at)
        if level is not None:
            end = level.end()
            place = _PLACE_WORD.match(text, end)
            while (
                place is not None
                and not place.group().strip()[0].islower()  # ("À-Ỹ" holds small letters too)
                and not _ENDERS.match(text, place.end() - len(place.group().strip()))
            ):
                end = place.end()
                place = _PLACE_WORD.match(text, end)
            return end
        dash = (
            _DASH_WORD.match(text, at)
            or _COMMA_WORD.match(text, at)
            or _COMMA_PHRASE.match(text, at)
            or (_COMMA_TOPIC.match(text, at) if head == "Ban Chỉ đạo" else None)
            or (_DASH_FIELD.match(text, at) if head in ("Phòng", "phòng") else None)
        )
        if dash is not None and words and (after := _PROVINCE.match(text, dash.end() - 1)):
            return after.end()  # "Tòa án nhân dân khu vực 1 - Lâm Đồng": the place ends it
        if dash is not None and words:
            word = _WORD.match(text, dash.end() - 1)
        else:
            word = _WORD.match(text, at)
        if word is None:
            break
        w = word.group("w")
        capital = w[0].isupper() or _ROMAN_OR_CODE.fullmatch(w) is not None
        if _ends_name(text, word, capital, words, head):
            break
        capitals += capital
        words += 1
        at = word.end()
        if w != "và":  # a name never ends in "và"
            end = at
    if words == 0 or (capitals == 0 and head not in _LOWER_FIRST_HEADS):
        return None  # a name needs words, and one of them capitalised unless its head allows
    return end


def _ends_name(text: str, word: re.Match[str], capital: bool, words: int, head: str) -> bool:
    """True when ``word`` is not part of the name: the head of another body or a person,
    a verb or function word, a "và" before another capitalised name."""
    w = word.group("w")
    if capital:
        ender = _ENDERS.match(text, word.start("w")) is not None
        if w == "Phòng" and head in _PREVENTION_HEADS and _AGAINST.match(text, word.end()):
            return False  # "Ban Chỉ huy Phòng thủ dân sự - Phòng, chống thiên tai ..." goes on
        own = head in _OWN_WORD_HEADS or (w == "Phòng" and head in _PREVENTION_HEADS)
        return ender and not (words == 0 and own)
    if words == 0 and head not in _LOWER_FIRST_HEADS:
        return True
    if w == "và":  # "Chi cục Chăn nuôi và Thú y" goes on; "... và Công an tỉnh" is a list
        return _ENDERS.match(text, word.end() + 1) is not None
    if w == "về" and head == "Ban Chỉ đạo" and words:
        return False  # "Ban Chỉ đạo quốc gia về dữ liệu"
    return _STOPS.match(text, word.start("w")) is not None


# heads whose name may begin with a lower-case word ("Bảo hiểm xã hội", "Ban quản lý dự án")
_LOWER_FIRST_HEADS = frozenset(
    [
        "Ban Quản lý",
        "Ban quản lý",
        "Tòa án nhân dân",
        "Toà án nhân dân",
        "Viện Kiểm sát nhân dân",
        "Viện kiểm sát nhân dân",
        "Bảo hiểm xã hội",
        "Kho bạc Nhà nước",
        "Liên đoàn Lao động",
        "Công an",
        "Bộ Chỉ huy",
        "Ban Chỉ huy",
        "Ban Chỉ đạo",  # "Ban Chỉ đạo quốc gia về dữ liệu"
        "Ban cán sự",  # "Ban cán sự các thôn"
        "Công ty",  # "Công ty cổ phần Nước sạch Hà Đông"
        "Tổng công ty",
        "Đài",  # "Đài khí tượng thủy văn tỉnh"
    ]
)
# heads whose first name word may itself be a head word ("Văn phòng Sở", "Ban Quản lý")
_OWN_WORD_HEADS = frozenset(  # "Thanh tra Sở Xây dựng", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh"
    ["Văn phòng", "Công an", "Thanh tra", "Bộ Chỉ huy"]
)
# "Ban Chỉ huy Phòng, chống thiên tai và Tìm kiếm cứu nạn tỉnh": "Phòng" of prevention
_PREVENTION_HEADS = frozenset(["Ban Chỉ huy", "Ban Chỉ đạo"])
_AGAINST = re.compile(r",?[^\S\n]+chống(?!\w)")
# heads that name a body without more words when the level follows ("Công an tỉnh")
_STANDALONE = frozenset(
    [
        "Công an", "Tỉnh đoàn", "Thành đoàn", "Bộ đội Biên phòng", "Kho bạc Nhà nước",
        "Bảo hiểm xã hội", "Liên đoàn Lao động", "Viện Kiểm sát nhân dân", "Tòa án nhân dân",
        "Toà án nhân dân", "Ủy ban Mặt trận Tổ quốc", "Uỷ ban Mặt trận Tổ quốc", "Ủy ban MTTQ",
        "Liên minh Hợp tác xã", "Thanh tra",
    ]
)  # fmt: skip

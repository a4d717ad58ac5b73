"""The words that end the name of a body, and the edits of a list of mentions that the
passes reading unlisted bodies share (``bodies``, ``fields``, ``places``, ``classes``).

A name of a body goes on until a verb or function word (``_STOPS``), the head of another
body or a person (``_ENDERS``), or a province's name (``_PROVINCE``). The passes each read
one shape of mention and merge what they read into the mentions found so far: ``_overlaps``
asks whether words are taken, ``_with_added`` and ``_replace`` merge, all by bisection.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from chidao.extract.agencies.patterns import _PROVINCES
from chidao.extract.model import AgencyMention
from chidao.extract.segment import CAPITALS

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
    "xây dựng kế hoạch", "xây dựng phương án", "xây dựng biểu", "xây dựng quy chế",
    "xây dựng đề án", "xây dựng báo cáo", "xây dựng chương trình", "xây dựng dự thảo",
    "xây dựng hồ sơ", "xây dựng cơ sở dữ liệu", "xây dựng tiêu chí", "xây dựng lộ trình", "nắm",
    "thống kê", "thành lập", "làm", "trực tiếp", "cũng", "đều",
    "vẫn", "còn", "phụ trách", "lấy", "tạo điều kiện", "dành", "đưa", "trân trọng", "kính mời", "kính gửi", "các sở", "các cơ quan", "các đơn vị", "các địa phương", "các ngành",
    "công khai", "khắc phục", "ứng phó", "thu hồi", "rất", "hoan nghênh", "nhận được", "xin", "thông báo", "tham gia", "kiêm", "vừa",
    "tranh thủ", "khuyến cáo", "huy động", "vận động", "theo dõi", "phổ biến", "quán triệt",
    "toàn tỉnh", "toàn thành phố", "toàn huyện", "toàn quốc", "toàn ngành", "toàn lực lượng",
)  # fmt: skip
_STOPS = re.compile(
    r"(?:" + "|".join(map(re.escape, _STOP_PHRASES)) + r"|giao(?![^\S\n]+thông))(?!\w)"
)
# capitalised words that begin another body or a person: the name stops before them
_ENDERS = re.compile(
    r"(?:Sở|UBND|HĐND|Ủy|Uỷ|Công (?:an|ty)|Ban|Trung tâm|Chi cục|Cục|Phòng|Văn phòng|Viện|"
    r"Tòa|Toà|Bộ(?<!Bắc Bộ)(?<!Trung Bộ)(?<!Nam Bộ)|Kho bạc|Bảo hiểm|Liên đoàn|Hội|Đài|Báo|"
    r"Bệnh viện|Trường|Đại học|Thanh tra|"  # (a region ends no name: "Đài ... Bắc Bộ")
    r"Quỹ|Giám đốc|Chủ tịch|Phó|Trưởng|Chánh|Thủ trưởng|Đồng chí|(?:Ông|Bà)(?=[^\S\n]+["
    + CAPITALS
    + r"])|"
    r"Các|Theo|Căn cứ|Tại|"  # (a title before a person's name: "Thủy điện Thác Bà" is a place)
    r"Trong|Đề nghị|Giao|Yêu cầu|Trên|Về|Đối với|Từ|Đến|Ngày|Số|Khoản|Mục|Thực hiện|"
    r"Nhà đầu tư|Tạp chí|Tổng Liên đoàn|Tổng [Cc]ông ty|Tổng cục|Tập đoàn|Hạt Kiểm lâm|"
    r"Đội(?=[^\S\n]+(?:Kiểm lâm|Quản lý|Cảnh sát|Thanh tra|Phòng cháy|Công tác|Kiểm tra)))(?!\w)"
)
# a province written after a name ends it: "Kho bạc Nhà nước Hà Nội tạo điều kiện ..."
_PROVINCE = re.compile(
    r"[^\S\n]+(?:"
    + "|".join(map(re.escape, sorted(_PROVINCES, key=len, reverse=True)))
    + r")(?!\w)"
)
UNLISTED = "unlisted"  # the rule of a mention read here

_WORD = re.compile(r"[^\S\n]+(?P<w>[\w&]+(?:-[\w&]+)*)")


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

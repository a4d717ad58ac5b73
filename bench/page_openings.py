"""Page openings built from train (issue 9): train documents as the first 2,000 bytes of a web page.

    python bench/page_openings.py            # writes tests/data/page_openings/{pNNN,nNNN}.txt + .gold.json
    python bench/page_openings.py --check    # builds everything, writes nothing, says what differs

76 of the 91 hidden evaluation documents are the first 2,000 bytes of a web page (a
government portal, a legal library, a news site) with its clutter. For every train document
of ../shared/eval/train that is not sealed (tests/data/sealed_train.txt), this takes the
text the extractor reads (``read_file(path).text``) and makes two pages of it:

- ``pNNN`` (opening): the document from its first line behind one of several page headers
  written here (portal menus, breadcrumbs, "Đăng nhập", a legal library's table of facts
  with the document's own values, date lines, share buttons, "Cỡ chữ: A- A A+", "In bài",
  a news headline and sapo); a train text that is already a saved legal-library page keeps
  its own clutter;
- ``nNNN`` (excerpt, only where the train gold has tasks): a news report (headline, sapo
  with the document's number and date, caption) quoting the document from a paragraph
  before its first task, far enough back to name that task's assignee. Complete documents
  seldom reach a task in their first 2,000 bytes (7 tasks over 41 openings), so this
  shape is what gives the set enough tasks to measure.

Each page is cut at 2,000 bytes of UTF-8 on a character boundary. The gold is the train
gold cut to what survives:

- a task counts when its text starts inside the cut and either all of it is inside or at
  least its first 8 words are, with its leads named on the page (those its own text names
  inside the cut); a cut task's text is what is inside; lead, support, deadline and
  recurrence stay as in the train gold;
- a task is located by searching for its text (whitespace and Markdown emphasis
  normalised; list markers may differ; for a table row "task cell | product cell", the task
  cell; failing that, its first 12 words when they occur once); a task that cannot be
  located is dropped and counted;
- the document number and date stay only when the cut page shows them; a reference stays
  only when its number is in the cut document text (not in the page clutter).

Deterministic: the template and its small variations come from a CRC of the document name
(``random.Random`` seeded with it); no network.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
import unicodedata
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("CHIDAO_SHARED", ROOT.parent / "shared"))
TRAIN = SHARED / "eval" / "train"
OUT = ROOT / "tests" / "data" / "page_openings"
LIMIT = 2000  # bytes of UTF-8, as in the hidden set
MIN_WORDS = 8  # a cut task needs at least this many of its words inside

_KINDS = {
    "công văn": "Công văn",
    "kế hoạch": "Kế hoạch",
    "thông báo kết luận": "Thông báo",
    "thông báo": "Thông báo",
    "quyết định": "Quyết định",
    "công điện": "Công điện",
    "chỉ thị": "Chỉ thị",
    "tờ trình": "Tờ trình",
}
_WEEKDAYS = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"]


def sealed_names() -> set[str]:
    lines = (ROOT / "tests/data/sealed_train.txt").read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


# --- what the page header says about the document -----------------------------------------


@dataclass(frozen=True)
class Facts:
    kind: str  # "Công văn"
    number: str | None
    date: date | None
    issuer: str  # "UBND tỉnh Lâm Đồng"
    signer: str
    place: str  # "tỉnh Lâm Đồng", "Thành phố Hồ Chí Minh", "Chính phủ"
    subject: str  # "rà soát và chuẩn hóa dữ liệu số nhà ..."
    page_day: date  # the day the page was posted (a few days after the document)


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("*", " ")).strip()


def _place(issuer: str) -> str:
    if "Chính phủ" in issuer:
        return "Chính phủ"
    m = re.search(r"(tỉnh|Thành phố|thành phố)\s+([^,;()]+)$", issuer)
    if m:
        return ("Thành phố" if m.group(1).lower() == "thành phố" else "tỉnh") + " " + m.group(2)
    return issuer


def _subject(body: str) -> str:
    """The document's subject line: its "V/v ...", else the lines under its kind heading."""
    head = body[:1800]
    m = re.search(r"V/v\s+(.+?)(?:\n\s*\n|Kính gửi|\||$)", head, re.S)
    text = m.group(1) if m else ""
    if not text:
        lines = [_squash(line) for line in head.splitlines()]
        heading = re.compile(r"(KẾ HOẠCH|QUYẾT ĐỊNH|THÔNG BÁO|CÔNG ĐIỆN|CHỈ THỊ|TỜ TRÌNH)$")
        for i, line in enumerate(lines):
            if heading.match(line):
                rest = []
                for nxt in lines[i + 1 :]:
                    if not nxt:
                        if rest:
                            break
                        continue
                    if nxt.startswith(("Căn cứ", "Thực hiện", "Kính gửi", "CHỦ TỊCH", "ỦY BAN")):
                        break
                    rest.append(nxt)
                text = " ".join(rest)
                break
    # no other document's number in the page's own title (it would read as a reference)
    text = re.split(r"\s(?:số\s+)?\S*\d+/\S*", _squash(text))[0]
    text = re.sub(r"\s+(số|của|ngày)$", "", text)
    words = text.split()[:24]
    subject = " ".join(words).rstrip(".,;:")
    if subject.isupper():
        subject = subject.lower()
    return subject[:1].lower() + subject[1:] if subject else "triển khai nhiệm vụ trọng tâm"


def _page_day(name: str, doc_date: date | None, body: str) -> date:
    rng = random.Random(zlib.crc32(("day:" + name).encode()))
    if doc_date:
        return doc_date + timedelta(days=rng.randint(1, 4))
    # a draft with a blank day: posted early in the month after the one its header names
    m = re.search(r"tháng\s+(\d{1,2})\s+năm\s+(\d{4})", body[:1500])
    if m and 1 <= int(m.group(1)) <= 12:
        year, month = int(m.group(2)), int(m.group(1))
        first = date(year + month // 12, month % 12 + 1, 1)
        return first + timedelta(days=rng.randint(0, 6))
    m = re.search(r"năm\s+(20\d\d)", body[:1500])
    return date(int(m.group(1)) if m else 2026, rng.randint(1, 3), rng.randint(8, 28))


def facts_of(name: str, body: str, gold: dict) -> Facts:
    doc = gold.get("document") or {}
    issued = date.fromisoformat(doc["date"]) if doc.get("date") else None
    issuer = doc.get("issuer") or "UBND tỉnh"
    return Facts(
        kind=_KINDS.get((doc.get("kind") or "").lower(), "Văn bản"),
        number=doc.get("number") or None,
        date=issued,
        issuer=issuer,
        signer=doc.get("signer") or "Đang cập nhật",
        place=_place(issuer),
        subject=_subject(body),
        page_day=_page_day(name, issued, body),
    )


# --- page headers ------------------------------------------------------------------------------


def _dmy(d: date | None) -> str:
    return f"{d.day:02d}/{d.month:02d}/{d.year}" if d else "Đang cập nhật"


def _when(rng: random.Random) -> str:
    return f"{rng.randint(7, 17):02d}:{rng.choice([0, 5, 12, 20, 30, 41, 45, 55]):02d}"


def _site(f: Facts) -> str:
    return "CHÍNH PHỦ" if f.place == "Chính phủ" else f.place.upper()


def _title(f: Facts) -> str:
    return f"{f.kind} {f.number + ' ' if f.number else ''}{f.subject}"


def _portal(f: Facts, rng: random.Random) -> str:
    views = f"{rng.randint(120, 9800):,}".replace(",", ".")
    menu = ["Trang chủ", "Giới thiệu", "Tin tức", "Văn bản chỉ đạo điều hành", "Thủ tục hành chính"]
    menu += rng.sample(["Dịch vụ công", "Hỏi đáp", "Liên hệ", "Công khai ngân sách", "Thống kê"], 3)
    return "\n".join(
        [
            "Đăng nhập | Đăng ký | Sơ đồ cổng | English",
            f"CỔNG THÔNG TIN ĐIỆN TỬ {_site(f)}",
            " | ".join(menu),
            f"{_WEEKDAYS[f.page_day.weekday()]}, {_dmy(f.page_day)}",
            "Tìm kiếm...",
            f"Trang chủ > Văn bản chỉ đạo điều hành > Văn bản của {f.issuer}",
            _title(f),
            f"Ngày đăng: {_dmy(f.page_day)} {_when(rng)} | Lượt xem: {views}",
            "Cỡ chữ: A- A A+ | In bài | Gửi email | Chia sẻ: Facebook Zalo",
            "",
        ]
    )


def _library(f: Facts, rng: random.Random) -> str:
    year = f" năm {f.date.year}" if f.date else ""
    area = rng.choice(["Bộ máy hành chính", "Đất đai - Nhà ở", "Văn hóa - Xã hội", "Đầu tư"])
    return "\n".join(
        [
            "Đăng nhập | Đăng ký thành viên | Hỗ trợ trực tuyến",
            "THƯ VIỆN VĂN BẢN PHÁP LUẬT",
            "Trang chủ | Văn bản pháp luật | Công văn | Biểu mẫu | Hỏi đáp pháp luật | Tin tức",
            "Tìm văn bản: Nhập từ khóa, số hiệu văn bản... | Tìm kiếm",
            f"Văn bản pháp luật > {area} > {f.kind}",
            f"{f.kind} {f.number or ''}{year} {f.subject}".replace("  ", " "),
            "Tóm tắt | Nội dung | Văn bản gốc | Tiếng Anh | Hiệu lực | VB liên quan | Lược đồ | Tải về",
            f"Số hiệu: {f.number or 'Đang cập nhật'} | Loại văn bản: {f.kind}",
            f"Nơi ban hành: {f.issuer} | Người ký: {f.signer}",
            f"Ngày ban hành: {_dmy(f.date)} | Ngày hiệu lực: Đã biết",
            "Ngày công báo: Đang cập nhật | Số công báo: Đang cập nhật",
            "Tình trạng: Đã biết",
            "",
        ]
    )


def _library_markdown(f: Facts, rng: random.Random) -> str:
    """A legal library page saved as Markdown: the table of facts in pipes and bold."""
    rows = [
        ("Số hiệu:", f.number or "Đang cập nhật", "Loại văn bản:", f.kind),
        ("Nơi ban hành:", f.place[:1].upper() + f.place[1:], "Người ký:", f.signer),
        ("Ngày ban hành:", _dmy(f.date), "Ngày hiệu lực:", "Đã biết"),
        ("Ngày công báo:", "Đang cập nhật", "Số công báo:", "Đang cập nhật"),
    ]
    table = [f"| **{a}** | {b} | | **{c}** | {d} |" for a, b, c, d in rows]
    return "\n".join(
        [
            "[Đăng nhập](#) | [Đăng ký](#)",
            "# Văn bản pháp luật",
            "* [Trang chủ](#) * [Văn bản mới](#) * [Công văn](#) * [Dịch vụ pháp lý](#)",
            "Đang tải văn bản...",
            *table,
            "| **Tình trạng:** | Đã biết | | | |",
            rng.choice(
                [
                    "Lưu trữ | Ghi chú | Ý kiến | Facebook | Email | In",
                    "Theo dõi hiệu lực VB | In | Chia sẻ",
                ]
            ),
            "",
        ]
    )


def _news(f: Facts, rng: random.Random) -> str:
    where = "Hà Nội" if f.place == "Chính phủ" else re.sub(r"^(tỉnh|Thành phố) ", "", f.place)
    paper = "BÁO ĐIỆN TỬ CHÍNH PHỦ" if f.place == "Chính phủ" else f"BÁO {where.upper()} ĐIỆN TỬ"
    number = f" số {f.number}" if f.number else ""
    issued = f" ngày {_dmy(f.date)}" if f.date else ""
    author = rng.choice(["Minh Anh", "Thu Hà", "Quốc Bảo", "Hoàng Yến", "PV", "Ngọc Lan"])
    verb = rng.choice(["vừa ban hành", "đã ban hành", "mới đây ban hành"])
    return "\n".join(
        [
            paper,
            "Thời sự | Chính trị | Kinh tế | Xã hội | Pháp luật | Văn hóa | Thể thao | Media",
            f"{_WEEKDAYS[f.page_day.weekday()]}, {_dmy(f.page_day)} {_when(rng)} (GMT+7)",
            "Chính trị › Chỉ đạo - Điều hành",
            f"{f.issuer} ban hành {f.kind.lower()} về {f.subject}",
            f"{author} - {_dmy(f.page_day)}",
            "Cỡ chữ: A- A A+ | In bài | Lưu",
            "Chia sẻ: Facebook | Zalo | Sao chép liên kết",
            f"({where}) - {f.issuer} {verb} {f.kind}{number}{issued} về {f.subject}. "
            "Báo trân trọng giới thiệu nội dung văn bản.",
            "Nghe bài viết 00:00",
            "",
        ]
    )


def _department(f: Facts, rng: random.Random) -> str:
    file = re.sub(r"[^0-9A-Za-z]+", "_", f.number or "van_ban") + ".pdf"
    return "\n".join(
        [
            f"TRANG THÔNG TIN ĐIỆN TỬ {f.issuer.upper()}",
            "Trang chủ | Giới thiệu | Tin tức - Sự kiện | Văn bản | Thủ tục hành chính | Đường dây nóng | Liên hệ",
            "Đăng nhập",
            "Trang chủ / Văn bản / Văn bản chỉ đạo điều hành",
            f"Số ký hiệu: {f.number or 'Đang cập nhật'}",
            f"Ngày ban hành: {_dmy(f.date)}",
            f"Trích yếu: {f.subject}",
            f"Cơ quan ban hành: {f.issuer}",
            f"Người ký: {f.signer}",
            f"Lĩnh vực: {rng.choice(['Hành chính', 'Nông nghiệp', 'Xây dựng', 'Khác'])}",
            f"Tệp đính kèm: {file} (Tải về | Xem trực tuyến)",
            "Nội dung văn bản:",
            "",
        ]
    )


def _local(f: Facts, rng: random.Random) -> str:
    temp = rng.randint(17, 33)
    return "\n".join(
        [
            f"Chào mừng bạn đến với Cổng thông tin điện tử {f.place}",
            f"Hôm nay: {_WEEKDAYS[f.page_day.weekday()]}, ngày {_dmy(f.page_day)} | Thời tiết: {temp}°C",
            "Trang chủ | Giới thiệu | Tin tức | Văn bản chỉ đạo điều hành | Lịch công tác | Liên hệ",
            "THÔNG BÁO: Lịch tiếp công dân định kỳ của Lãnh đạo - Xem chi tiết",
            "Trang chủ » Tin tức » Chỉ đạo điều hành",
            _title(f),
            f"Cập nhật lúc: {_when(rng)}, {_dmy(f.page_day)} | Tác giả: Văn phòng",
            "Cỡ chữ: A- A A+ | In bài | Chia sẻ",
            "",
        ]
    )


Template = Callable[[Facts, random.Random], str]
TEMPLATES: dict[str, Template] = {
    "portal": _portal,
    "library": _library,
    "markdown": _library_markdown,
    "news": _news,
    "department": _department,
    "local": _local,
}


def choose_template(name: str, body: str, facts: Facts) -> str:
    """A saved legal-library page already has its clutter ("as_saved"); a department's document
    sits on that department's site half the time; otherwise any template, by the name's CRC."""
    if "THƯ VIỆN PHÁP LUẬT" in body[:800]:
        return "as_saved"
    if body.lstrip().startswith("|"):
        return "markdown"
    crc = zlib.crc32(name.encode())
    if facts.issuer.startswith("Sở ") and crc % 2:
        return "department"
    keys = ["portal", "library", "news", "local", "portal", "library"]
    return keys[crc % len(keys)]


# --- locating gold tasks in the text ------------------------------------------------------------


def _norm_map(text: str) -> tuple[str, list[int]]:
    """``text`` with whitespace runs as one space and Markdown '*' dropped, lower case, NFC;
    and for each character of the result the index of its source in ``text``."""
    out: list[str] = []
    idx: list[int] = []
    space = True
    for i, ch in enumerate(text):
        if ch == "*":
            continue
        if ch.isspace():
            if not space:
                out.append(" ")
                idx.append(i)
            space = True
            continue
        for low in ch.lower():
            out.append(low)
            idx.append(i)
        space = False
    return "".join(out), idx


def _norm(text: str) -> str:
    return _norm_map(unicodedata.normalize("NFC", text))[0].strip()


_MARKER = re.compile(r"^(?:[-+•–*]|\(?[0-9a-zđ]{1,3}[.)](?:\d+\.?)*)\s+", re.I)


def locate(task_text: str, norm_body: str) -> tuple[int, int] | None:
    """(start, end) of the task in ``norm_body`` (normalised), or None. ``end`` may be an
    estimate when only the task's opening could be found."""
    candidates = [task_text]
    if " | " in task_text:
        candidates.append(task_text.split(" | ")[0])
    for cand in list(candidates):
        stripped = _MARKER.sub("", cand.strip())
        if stripped != cand.strip():
            candidates.append(stripped)
    for cand in candidates:
        needle = _norm(cand)
        if len(needle) < 12:
            continue
        at = norm_body.find(needle)
        if at >= 0:
            return at, at + len(needle)
    # the task's opening words, when the rest differs (a merged repeat, a reflowed table)
    words = _norm(_MARKER.sub("", task_text.strip())).split()
    if len(words) >= MIN_WORDS:
        opening = " ".join(words[:12])
        at = norm_body.find(opening)
        if at >= 0 and norm_body.find(opening, at + 1) < 0:
            return at, at + len(_norm(task_text))
    return None


# --- one page --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Page:
    name: str
    shape: str  # "opening" (the document from its first line) or "excerpt" (a news report)
    template: str
    text: str  # the cut page, at most LIMIT bytes of UTF-8
    gold: dict
    tasks_in_train: int
    unlocatable: int
    lead_not_shown: int  # kept tasks whose lead the page names nowhere (kept all the same)
    cut_tasks: int  # kept tasks whose text the cut shortens


def cut_bytes(text: str, limit: int = LIMIT) -> str:
    """The longest prefix of ``text`` whose UTF-8 is at most ``limit`` bytes."""
    return text.encode("utf-8")[:limit].decode("utf-8", errors="ignore")


_DATE_FORMS = "{d}/{m}/{y}", "{d:02d}/{m:02d}/{y}", "{d}/{m:02d}/{y}", "{d:02d}/{m}/{y}"


def _shows_date(text: str, d: date) -> bool:
    flat = _squash(text)
    if any(f.format(d=d.day, m=d.month, y=d.year) in flat for f in _DATE_FORMS):
        return True
    pattern = rf"ngày\s+0?{d.day}\s+tháng\s+0?{d.month}\s+năm\s+{d.year}"
    return re.search(pattern, flat, re.I) is not None


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", text)).replace("*", "").upper()


# how the text names a group label of rule 6 (a loose test: is the assignee on the page?)
_GROUP_CUES = {
    "sở, ban, ngành": ("sở", "ngành", "cơ quan chuyên môn", "phòng, ban"),
    "địa phương": ("xã", "phường", "huyện", "quận", "địa phương", "tỉnh, thành phố"),
    "cơ quan, đơn vị": ("đơn vị", "cơ quan", "các cấp"),
    "chủ đầu tư": ("chủ đầu tư",),
    "doanh nghiệp nhà nước": ("tổng công ty", "doanh nghiệp"),
    "đoàn thể": ("đoàn thể", "chính trị - xã hội", "mặt trận"),
}


def _agency_text(text: str) -> str:
    text = _norm(text)
    for long in ("ủy ban nhân dân", "uỷ ban nhân dân"):
        text = text.replace(long, "ubnd")
    return text


def lead_shown(lead: str, norm_text: str) -> bool:
    """Whether ``norm_text`` (normalised by ``_agency_text``) names the assignee ``lead``."""
    key = _agency_text(lead)
    if key in _GROUP_CUES:
        return any(cue in norm_text for cue in _GROUP_CUES[key])
    place = re.match(r"ubnd (?:xã|phường|huyện|quận|thị xã|thành phố) (.+)$", key)
    if place and place.group(1) in norm_text:  # "UBND các xã: Đức Trọng, Hiệp Thạnh"
        return True
    words = key.split()
    # "Ban Quản lý các khu công nghiệp Bình Thuận" is named by "Ban Quản lý các khu công nghiệp"
    return any(
        " ".join(words[:n]) in norm_text for n in range(len(words), min(len(words), 3) - 1, -1)
    )


def _leads_inside(task: dict, full: str, inside: str) -> bool:
    """Every lead that the task's own text names is named in the part inside the cut."""
    for lead in task.get("lead") or []:
        key = _norm(str(lead))
        if key and key in full and key not in inside:
            return False
    return True


_ITEM = re.compile(r"(?:[-+•–*]|\(?[0-9a-zđ]{1,4}[.)]|[IVX]+\.|Điều \d+|\*\*)", re.I)


def _paragraph_starts(body: str) -> list[int]:
    """Offsets of lines that open a paragraph or an item (not a line wrapped mid-sentence)."""
    starts = []
    previous = ""
    offset = 0
    for line in body.splitlines(keepends=True):
        stripped = line.strip()
        if stripped.isdigit():  # a page number between two pages of a PDF
            offset += len(line)
            continue
        opens = not previous or previous.endswith((".", ":", "!", "?"))
        if stripped and ((opens and stripped[0].isupper()) or _ITEM.match(stripped)):
            starts.append(offset + len(line) - len(line.lstrip()))
        if stripped:
            previous = stripped.rstrip("*").rstrip()
        offset += len(line)
    return starts


def excerpt_start(body: str, first: int, first_end: int, leads: list[str]) -> int:
    """Where a news report quoting the document starts: a paragraph before its first task
    (``body[first:first_end]``), far enough back to name that task's leads when it can."""
    starts = [s for s in _paragraph_starts(body) if s <= first]
    if not starts:
        return 0
    own = starts[-1]
    before = [s for s in starts if s < own and first - s <= 900]
    for start in reversed(before):
        shown = _agency_text(body[start:first_end])
        if all(lead_shown(lead, shown) for lead in leads):
            return start
    return before[-1] if before else own


def _news_intro(f: Facts, rng: random.Random) -> str:
    """A news report's header before the part of the document it quotes."""
    caption = rng.choice(
        [
            f"Ảnh minh họa: Quang cảnh một cuộc họp của {f.issuer}. (Ảnh: PV)",
            "Ảnh: Lãnh đạo các sở, ngành dự cuộc họp. (Ảnh tư liệu)",
            "",
        ]
    )
    lines = _news(f, rng).rstrip("\n").split("\n")
    lines[-2] = lines[-2].replace("Báo trân trọng giới thiệu nội dung văn bản.", "")
    lines.insert(len(lines) - 1, caption)
    lines.append(rng.choice(["Nội dung văn bản nêu rõ:", "Văn bản nêu cụ thể:", "Theo văn bản:"]))
    return "\n".join(line for line in lines if line) + "\n"


def build_page(name: str, body: str, gold: dict, shape: str = "opening") -> Page:
    """One page of the set from one train document (``body``: the text the extractor reads)
    and its gold, cut to what the page shows. Pure and deterministic.

    ``shape="opening"``: the document from its first line behind a page header, as a portal
    or a legal library shows it. ``shape="excerpt"``: a news report that quotes the document
    from the paragraph before its first task (headline, sapo with the number and date)."""
    body = unicodedata.normalize("NFC", body)
    facts = facts_of(name, body, gold)
    rng = random.Random(zlib.crc32((shape + ":" + name).encode()))
    norm_body, where = _norm_map(body)
    spans = []
    unlocatable = 0
    for task in gold.get("tasks", []):
        span = locate(task.get("text", ""), norm_body)
        if span is None:
            unlocatable += 1
        else:
            spans.append((span, task))

    offset = 0
    if shape == "excerpt":
        template = "news_excerpt"
        header = _news_intro(facts, rng)
        if spans:
            (s0, e0), first = min(spans, key=lambda item: item[0][0])
            end = where[min(e0, len(where)) - 1] + 1
            offset = excerpt_start(body, where[s0], end, [str(x) for x in first.get("lead") or []])
    else:
        template = choose_template(name, body, facts)
        header = "" if template == "as_saved" else TEMPLATES[template](facts, rng)
    page = cut_bytes(header + body[offset:])
    assert page.startswith(header), f"{name}: the header alone is over {LIMIT} bytes"
    inside_body = page[len(header) :]
    # the part of the body inside the cut, in the coordinates of norm_body
    lo = next((k for k, i in enumerate(where) if i >= offset), len(where))
    hi = next((k for k, i in enumerate(where) if i >= offset + len(inside_body)), len(where))
    norm_inside = norm_body[:hi].rstrip()
    shown = _agency_text(inside_body)

    kept: list[dict] = []
    lead_not_shown = cut_tasks = 0
    for (start, end), task in sorted(spans, key=lambda item: item[0][0]):
        if not lo <= start < len(norm_inside):
            continue
        if end <= len(norm_inside):
            new = dict(task)
        else:
            part = norm_inside[start:]
            if (
                len(re.findall(r"\w+", part)) < MIN_WORDS
                or not _leads_inside(task, _norm(task["text"]), part)
                or not all(lead_shown(str(x), shown) for x in task.get("lead") or [])
            ):
                continue
            visible = body[where[start] : offset + len(inside_body)].replace("*", "")
            visible = re.sub(r"\s+", " ", visible).strip()
            new = {**task, "text": visible}
            cut_tasks += 1
        kept.append(new)
        lead_not_shown += not all(lead_shown(str(x), shown) for x in task.get("lead") or [])

    doc = dict(gold.get("document") or {})
    if shape == "excerpt":
        doc["kind"] = "tin bài"  # a news report: number and date are those of the text it reports
    if doc.get("number") and _compact(doc["number"]) not in _compact(page):
        doc["number"] = None
    if doc.get("date") and not _shows_date(page, date.fromisoformat(doc["date"])):
        doc["date"] = None
    compact_inside = _compact(inside_body)
    refs = [
        ref
        for ref in gold.get("references", [])
        if _compact(ref if isinstance(ref, str) else ref.get("number", "")) in compact_inside
    ]
    cut_gold = {
        "file": f"{name}.txt",
        "source": f"train/{gold.get('file', name)}: {shape}, '{template}' page, cut at {LIMIT} bytes",
        "document": doc,
        "references": refs,
        "tasks": kept,
    }
    return Page(
        name,
        shape,
        template,
        page,
        cut_gold,
        len(gold.get("tasks", [])),
        unlocatable,
        lead_not_shown,
        cut_tasks,
    )


def train_documents(train: Path = TRAIN) -> list[tuple[str, Path, Path]]:
    """(name, document, gold) for every train document that is not sealed."""
    sealed = sealed_names()
    out = []
    for gold in sorted(train.glob("*.gold.json")):
        name = gold.name.removesuffix(".gold.json")
        if name in sealed:
            continue
        docs = [p for p in sorted(train.glob(name + ".*")) if not p.name.endswith(".json")]
        if docs:
            out.append((name, docs[0], gold))
    return out


def build_all(train: Path = TRAIN) -> list[Page]:
    """Both shapes of every unsealed train document: ``pNNN`` openings, ``nNNN`` excerpts (the
    latter only where the train gold has a task)."""
    from chidao.extract.readers import read_file

    pages = []
    for name, doc, gold_path in train_documents(train):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        body = read_file(doc).text
        pages.append(build_page(f"p{name[1:]}", body, gold))
        if gold.get("tasks"):
            pages.append(build_page(f"n{name[1:]}", body, gold, shape="excerpt"))
    return pages


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 on a difference"
    )
    args = parser.parse_args()
    pages = build_all()
    differ = 0
    OUT.mkdir(parents=True, exist_ok=True)
    for page in pages:
        files = {
            OUT / f"{page.name}.txt": page.text,
            OUT / f"{page.name}.gold.json": json.dumps(page.gold, ensure_ascii=False, indent=1)
            + "\n",
        }
        for path, content in files.items():
            if path.exists() and path.read_text(encoding="utf-8") == content:
                continue
            differ += 1
            if args.check:
                print(f"differs: {path.relative_to(ROOT)}")
            else:
                path.write_text(content, encoding="utf-8")
    for shape in ("opening", "excerpt"):
        part = [p for p in pages if p.shape == shape]
        templates = sorted({p.template for p in part})
        print(
            f"{shape}: documents={len(part)} tasks_kept={sum(len(p.gold['tasks']) for p in part)} "
            f"tasks_cut={sum(p.cut_tasks for p in part)} "
            f"tasks_unlocatable={sum(p.unlocatable for p in part)} "
            f"lead_not_on_page={sum(p.lead_not_shown for p in part)} "
            f"numbers_shown={sum(bool(p.gold['document'].get('number')) for p in part)} "
            f"templates={','.join(f'{t}:{sum(p.template == t for p in part)}' for t in templates)}"
        )
    lost = [p for p in pages if p.unlocatable and p.shape == "opening"]
    for page in lost:
        print(f"  {page.name}: {page.unlocatable} task(s) of the train gold not located")
    return 1 if args.check and differ else 0


if __name__ == "__main__":
    sys.exit(main())

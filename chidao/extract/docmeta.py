"""Document metadata: kind, number, date, issuer, signer, subject.

Reads the normalised text and its blocks. An official document states its metadata in
the header ("Số: 2658/UBND-KT", "Hà Nội, ngày 16 tháng 8 năm 2021", "V/v ...") and its
signature block; a news report about a directive gives the number and date of the
directive it reports ("vừa ban hành Công văn số 3983/UBND-TKTH ngày 19-6-2020"), or
at least the day of the meeting it reports, with the year from its dateline.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from chidao.extract.agencies.patterns import _PROVINCES
from chidao.extract.deadlines import TERM_OF_TASKS
from chidao.extract.grammar import TRIGGER
from chidao.extract.model import DocumentMeta, Reference, TimeMention
from chidao.extract.segment import CAPITALS, MARKER, Block

_NUMBER_LINE = re.compile(r"^[*_\s]*Số\s*:?\s*(?P<number>[^\s*]*[\d/][^\s*]*)", re.MULTILINE)
# the kinds of letter a page or a report names by number, as written in running text
_LETTER = (
    r"(?:Công văn|Văn bản|Công điện|Thông báo|Kế hoạch|Chỉ thị|Quyết định|Hướng dẫn|Nghị quyết)"
)
# a letter's number and its day, as a citation writes them: "3570/VP-CTXD", "ngày 24/10/2025"
_NUMBER = r"(?P<n>\d+/[\w.&/-]+)"
_ON_DATE = r"ngày\s+(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})"
_PLACE_DATE = re.compile(
    r"^[*_\s]*["
    + CAPITALS
    + r"][^\n,]{1,40},\s*ngày\s*(?P<d>\d{1,2})\s*tháng\s*(?P<m>\d{1,2})\s*năm\s*(?P<y>\d{4})",
    re.MULTILINE,
)
_SUBJECT = re.compile(r"^V/v\s*:?\s*(?P<subject>.+)$", re.MULTILINE)
_KIND_TITLE = re.compile(
    r"^(KẾ HOẠCH|QUYẾT ĐỊNH|CHỈ THỊ|THÔNG BÁO|KẾT LUẬN|CÔNG ĐIỆN|BÁO CÁO|NGHỊ QUYẾT|"
    r"CHƯƠNG TRÌNH|TỜ TRÌNH|HƯỚNG DẪN|QUY ĐỊNH)\b",
    re.MULTILINE,
)
_REPORTED = re.compile(
    r"(?:(?:ban hành|banh|có|ký|gửi|phát hành|(?<=đã )ra|(?<=vừa )ra"  # ("đã ra công điện số")
    r"|(?:UBND|[ỦU][ỷy] ban [Nn]hân dân)[^\n.;]{0,40}?\s+triển khai|kết luận tại)\s+"
    r"(?:văn bản\s+)?|\(\s*(?:theo|nguồn\s*:?\s*(?:từ|theo)?)\s+)$",
    re.IGNORECASE,
)  # (a page's closing attribution too: "(Theo Công văn số 6202/UBND-KT, ngày 23/11/2023)")
_DATELINE_YEAR = re.compile(
    r"(?:^|\n)\s*(?:(?:date|Đăng ngày|Ngày đăng|Cập nhật|Đăng lúc|Thứ \w+,|Chủ nhật,)\s*:?\s*)?"
    r"(?:\d{1,2}:\d{2}\s*,?\s*)?"  # ("03:05, 04/05/2019")
    r"(?:\d{1,2}[-/.]\d{1,2}[-/.])?(?P<y>(?:19|20)\d\d)(?![\d/])",
    re.IGNORECASE,
)
# a news page's dateline anywhere near the top: "Thứ Sáu, 24/10/2025 - 17:05"
_WEEKDAY_DATE = re.compile(
    r"(?i)(?:thứ (?:hai|ba|tư|năm|sáu|bảy)|chủ nhật),?\s*(?:ngày\s*)?"
    r"\d{1,2}[-/.]\d{1,2}[-/.](?P<y>(?:19|20)\d\d)(?![\d/])"
)
# the day of the reported meeting: "Chiều 6/9", "sáng nay (11/12)" (not "trước ngày 12/9")
_EVENT_DAY = re.compile(
    r"(?<!\w)(?:sáng|chiều|tối|trưa)\s+(?:nay\s+)?(?:ngày\s+)?\(?(?P<d>\d{1,2})[/-](?P<m>\d{1,2})\)?"
    r"(?![/\d-])",
    re.IGNORECASE,
)
_CODE_KIND = {
    "QĐ": "quyết định", "KH": "kế hoạch", "CT": "chỉ thị", "TB": "thông báo",
    "KL": "kết luận", "CĐ": "công điện", "BC": "báo cáo", "NQ": "nghị quyết",
    "CTr": "chương trình", "TTr": "tờ trình", "HD": "hướng dẫn",
}  # fmt: skip
_ISSUER_LINE = re.compile(r"^(ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|UBND)\s*(?P<rest>.*)$", re.MULTILINE)
_SIGN_BLOCK = re.compile(r"^(TM\.|KT\.|TL\.|TUQ\.|Q\.|CHỦ TỊCH|PHÓ CHỦ TỊCH)")
_PERSON = re.compile(r"^[" + CAPITALS + r"][a-zà-ỹđ]+(?: [" + CAPITALS + r"][a-zà-ỹđ]+){1,4}$")


def find_meta(
    text: str,
    blocks: Sequence[Block],
    references: Sequence[Reference],
) -> DocumentMeta:
    """Metadata of the document. ``references`` are all numbered documents in the text;
    the one a news report says was just issued is taken as the document itself."""
    header = "\n".join(text[b.start : b.end] for b in blocks if b.role == "header")
    meta = DocumentMeta()
    if header:
        _from_header(meta, header)
        meta.signer = _signer(text, blocks)
    if meta.number is None and meta.date is None:
        _from_facts(meta, text)  # a legal library's or portal's table of the document's facts
    if meta.number is None and (flat := _FLAT_NUMBER.search(text, 0, 400)):
        # a text flattened to one line: "ỦY BAN NHÂN DÂN TỈNH ... Số:2639 /UBND-VP Hải Dương, ..."
        meta.number = _joined(flat.group("number").replace(" ", ""), text, flat.end("number"))
        meta.kind = _kind_from_number(meta.number) or ("công văn" if "V/v" in text[:600] else None)
        if meta.date is None and (m := _PLACE_DATE.search(text, 0, 600)):
            meta.date = _date_of(m)
    if meta.number is None and not header:
        _from_report(meta, text, references)
    if meta.number is None and not header and (bare := _BARE_REPORTED.search(text, 0, 1500)):
        # "UBND tỉnh có Công văn số 3217 yêu cầu ...", "Thủ tướng ký Công điện số 229 yêu cầu ...":
        # a report may give the directive's number without its code
        meta.number = bare.group("number")
        meta.date = (
            meta.date or _date_after_bare(text, bare) or _date_before(text, bare.start("number"))
        )
        meta.kind = "tin bài"
    if (
        meta.number is None
        and not header
        and (
            cited := _TITLE_CITE.search(text, 0, 1500)
            or _CLOSING_CITE.search(text, 0, 1500)
            or _TITLE_LINE.search(text, 0, 800)
            or _LONE_CITE.search(text)
        )
    ):
        # a news page's line "(3585/VP-KTN, ngày 23/10/2017)" under its headline
        meta.number = cited.group("n")
        meta.date = _date_of(cited)
    if meta.number is None and not header and (short := _SHORT_KIND_TITLE.search(text, 0, 800)):
        meta.number = short.group("n")
    if meta.number is None and not header and (own := _TITLE_OF.search(text, 0, 800)):
        meta.number = own.group("n")  # "Văn bản Số 338/UBND-KGVX của UBND tỉnh Bắc Ninh."
    if meta.date is None and not header and (issued := _ISSUED_ON.search(text, 0, 1500)):
        # "Ngày 9/11, UBND tỉnh ban hành văn bản ...": the day the reported text was issued
        meta.date = _date_before(text, issued.end())
    if meta.date is None and not header:
        meta.date = _dateline(text) or _event_date(text)
    if meta.kind is None:
        meta.kind = _kind_from_number(meta.number) if header else "tin bài"
    if meta.issuer is None and _CITY.search(text) and _HANOI.search(text):
        meta.issuer = "UBND Thành phố Hà Nội"  # (not another city's: "UBND TP Cần Thơ")
    return meta


_BARE_REPORTED = re.compile(
    r"(?:(?<!\w)(?:ban hành|ký|có)\s+|(?:^|\n|date \S+ )Theo\s+)"  # ("Theo Công điện số 181 ...")
    + "(?i:"
    + _LETTER
    + ")"  # ("UBND tỉnh ban hành công văn 2933 ngày 11/5/2022 về việc ...")
    + r"\s+(?:số\s+)?(?P<number>\d{1,6})(?![\w/.-])"
    r"(?:\s+ngày\s+(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})(?:[/.-](?P<y>\d{4}))?)?"
    r"[^.;\n]{0,60}?\s(?:yêu cầu|đề nghị|chỉ đạo|giao|về việc|về|gửi)(?!\w)"
)
_CITY = re.compile(r"(?i)\b(UBND|Ủy ban nhân dân|Uỷ ban nhân dân) (thành phố|TP)")
_HANOI = re.compile(r"Hà Nội")
_FLAT_NUMBER = re.compile(r"CỘNG\s+HÒA[^\n]{0,120}?Số\s*:\s*(?P<number>\d+[^\S\n]?/[^\s,;]+)")


def _from_header(meta: DocumentMeta, header: str) -> None:
    if (m := _NUMBER_LINE.search(header)) and any(c.isdigit() for c in m.group("number")):
        meta.number = _joined(m.group("number"), header, m.end("number"))  # ("Số: /TB-UBND":
        # a draft's blank number is none)
    if m := _PLACE_DATE.search(header):
        meta.date = _date_of(m)
    if m := _SUBJECT.search(header):
        meta.subject = _subject(header, m.start("subject"))
        meta.kind = "công văn"
    if m := _KIND_TITLE.search(header):
        meta.kind = m.group(1).lower()
        title = header[m.end() :].lstrip(" :\n").split("\n", 1)[0].strip()
        if meta.subject is None and title and not title.isupper():
            meta.subject = title  # KẾ HOẠCH / Triển khai công tác ...
    if m := _ISSUER_LINE.search(header):
        meta.issuer = _issuer(header, m)
    if meta.issuer == "UBND" and (place := _PLACE_OF_DATE.search(header)) is not None:
        # the header's table lost "TỈNH THANH HÓA": the place of its date line is the province
        meta.issuer = _issuer_of_place(place.group("place").strip())


_PLACE_OF_DATE = re.compile(
    r"(?<!\w)(?P<place>" + "|".join(map(re.escape, _PROVINCES)) + r"),\s*ngày\s+\d{1,2}\s+tháng"
)


def _issuer_of_place(place: str) -> str:
    """ "Thanh Hóa" → "UBND tỉnh Thanh Hóa"; Hà Nội and the central cities are cities."""
    if place == "Hà Nội":
        return "UBND Thành phố Hà Nội"
    if place in _HO_CHI_MINH:
        return "UBND Thành phố Hồ Chí Minh"
    if place in _CENTRAL_CITIES:
        return "UBND thành phố " + place
    return "UBND tỉnh " + place


_HO_CHI_MINH = frozenset(["Hồ Chí Minh", "TP.HCM", "TPHCM", "TP HCM", "HCM"])
_CENTRAL_CITIES = frozenset(["Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế"])


# a number that the layout broke: "2170 /QĐ-UBND", "2170/QĐ -UBND", "2170/QĐ-\nUBND"
_BROKEN_REST = re.compile(
    r"[^\S\n]*\n?[^\S\n]*(?P<rest>[-/][^\S\n]?[A-ZĐ][\wĐ&.-]*|[A-ZĐ][A-ZĐ&.-]+(?![\w]))"
)


def _joined(number: str, header: str, end: int) -> str:
    """The number on a "Số:" line, with the pieces the layout broke off put back."""
    number = number.rstrip(".,;")
    for _ in range(2):
        if number.count("/") and not number.endswith(("-", "/")) and "-" in number:
            break  # "2658/UBND-KT": whole
        m = _BROKEN_REST.match(header, end)
        if m is None:
            break
        rest = m.group("rest").replace(" ", "")
        if number.endswith(("-", "/")) and rest[0] in "-/":
            rest = rest[1:]
        elif not number.endswith(("-", "/")) and rest[0] not in "-/":
            rest = "-" + rest if "/" in number else "/" + rest
        number, end = number + rest, m.end()
    return number.rstrip(".,;-/")


# "Số hiệu: 4085/UBND-ĐT", "Số ký hiệu: 1385/SGDĐT-CTTT", "Ngày ban hành: 25/11/2025" above
# a document shown on a web page (its own header may be cut off or blank)
_FACT_NUMBER = re.compile(
    r"(?:Số hiệu|Số k[ýí] hiệu|K[ýí] hiệu)(?: văn bản)?\s*:?[\s|]*(?P<n>\d+[^\s|]*/[^\s|]+)"
)
_FACT_DATE = re.compile(r"Ngày ban hành\s*:?[\s|]*(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})")


def _from_facts(meta: DocumentMeta, text: str) -> None:
    top = text[:3000]
    if m := _FACT_NUMBER.search(top):
        meta.number = m.group("n").rstrip(".,;")
    if m := _FACT_DATE.search(top):
        meta.date = _date_of(m)


def _subject(header: str, start: int) -> str:
    """The V/v line and its continuation lines, up to the national motto block."""
    lines = []
    for line in header[start:].split("\n"):
        if (
            not line
            or line.isupper()
            or re.match(r"(Kính gửi|CỘNG|Độc lập)", line)
            or _PLACE_DATE.match(line)
        ):
            break
        lines.append(line.strip())
    return " ".join(lines)


_MOTTO = re.compile(r"\s*(?:CỘNG\s+HÒA|CỘNG\s+HOÀ|Số\s*:|-{3,})")


def _issuer(header: str, m: re.Match[str]) -> str:
    rest = m.group("rest").strip()
    if not rest:
        nxt = header[m.end() :].lstrip("\n").split("\n", 1)[0]
        rest = nxt.strip()
    rest = _MOTTO.split(rest, 1)[0].strip()  # a header flattened to one line goes on
    upper = rest.upper()
    if upper.startswith("THÀNH PHỐ HÀ NỘI"):
        return "UBND Thành phố Hà Nội"
    for unit, written in (("THÀNH PHỐ ", "Thành phố "), ("TỈNH ", "tỉnh "), ("QUẬN ", "quận "),
                          ("HUYỆN ", "huyện "), ("THỊ XÃ ", "thị xã ")):  # fmt: skip
        if upper.startswith(unit):
            return "UBND " + written + rest[len(unit) :].title()
    return ("UBND " + rest.title()).strip()


def _signer(text: str, blocks: Sequence[Block]) -> str | None:
    footer = [text[b.start : b.end].strip() for b in blocks if b.role == "footer"]
    for i, line in enumerate(footer):
        if _SIGN_BLOCK.match(line):
            for cand in footer[i + 1 :]:
                if _PERSON.match(cand):
                    return cand
    return None


def _from_report(meta: DocumentMeta, text: str, references: Sequence[Reference]) -> None:
    for ref in references:
        before = text[max(0, ref.start - 60) : ref.start]
        before = _NUMBER_WORD.sub("", before)
        before = _KIND_WORD.sub("", before)
        sentence = _sentence_start(text, ref.start)
        issued = _JUST_ISSUED.match(text, ref.end, ref.end + 100)
        if (
            _REPORTED.search(before)
            or _AT_START.search(before)
            or (
                (_AT_MID.search(before) or _IN_CONTENT.search(before))
                and _ASKS_AFTER_CITE.match(text, ref.end)
            )
            or issued
            or _THAT_IS.match(text, sentence, ref.start)
        ):
            meta.number = ref.number
            dashed = _DASH_DATE.match(text, ref.end)  # "Văn bản số 2122/UBND-KT2 - 10/04/2025"
            meta.date = ref.date or (_date_of(dashed) if dashed else _date_before(text, ref.start))
            if meta.date is None and (day := _DAY_MONTH.match(text, _gap_end(text, ref.end))):
                meta.date = _of_reports_year(text, day)  # "Công điện 747/CĐ-TTg ngày 16.8"
            if meta.date is None and issued and (on := _FULL_DATE.match(text, issued.end() + 1)):
                # "... được Chủ tịch UBND ... ký và ban hành ngày 20/12/2023"
                meta.date = _date_of(on)
            meta.kind = "tin bài"
            return


_DASH_DATE = re.compile(r"[^\S\n]*[-–][^\S\n]*(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})(?!\d)")
_NUMBER_WORD = re.compile(r"\(?\s*(?:số|Số)\s*:?\s*$")  # ("công văn (số 3018/UBND-KTN)")
_KIND_WORD = re.compile(
    r"(?:Công văn|Văn bản|Kế hoạch|Quyết định|Chỉ thị|Thông báo|"
    r"Công điện|Kết luận|Nghị quyết|Chương trình|Hướng dẫn)\s*$",
    re.IGNORECASE,
)


# a sentence longer than this is no sentence a report tells a directive in; the bound keeps a
# text of one endless line from being searched back to its start at every reference
_SENTENCE_REACH = 600


def _sentence_start(text: str, pos: int) -> int:
    lo = max(0, pos - _SENTENCE_REACH)
    return max(text.rfind(". ", lo, pos) + 1, text.rfind("\n", lo, pos) + 1, lo)


# "Tại Công văn số 1522/UBND-ĐTĐT, UBND tỉnh yêu cầu ...", "... Công văn số 6486/UBND-KSTT vừa
# được ban hành": the directive a report tells
_AT_START = re.compile(r"(?:^|\n|[.:]\s)Tại\s*$")
# "Nhằm chủ động ứng phó ..., tại Văn bản số 2945/UBND-NNMT, ngày 22/8/2025, UBND tỉnh đề nghị"
_AT_MID = re.compile(r",\s+tại\s*$")
# "Trong nội dung Công văn số 4913/VP-KT, ban hành ngày 15/6, UBND thành phố Hà Nội yêu cầu ..."
_IN_CONTENT = re.compile(r"(?:^|\n|[.:]\s)Trong\s+nội dung\s*$")
_ASKS_AFTER_CITE = re.compile(
    r"[^.;\n]{0,40}?,\s*(?:UBND|Ủy ban|Uỷ ban|Chủ tịch)[^.;\n]{0,60}?\s(?:đề nghị|yêu cầu|chỉ đạo|giao)\s"
)
# "Đó là chỉ đạo của UBND tỉnh đối với các sở, ... tại Công văn số 4079/UBND-KT ngày 19/6"
_THAT_IS = re.compile(
    # (after a page's date and a paper's mark: "date 2020-01 BHG - Đó là Chỉ thị 2817/CT-UBND")
    r"\s*(?:date\s+\S+\s+)?(?:(?:[A-ZĐ]{2,8}|\([^()\n]{2,30}\))\s*[-–]\s*)?"
    r"(?:Đó|Đây) là\s+(?:(?:(?:một trong (?:những|các)\s+)?(?:nội dung\s+)?(?:chỉ đạo|yêu cầu)"
    r"\s+của\s[^.\n]*\stại"
    r"|(?:những\s+)?nội dung(?:\s+chính)?\s+(?:của|tại))"  # "Đó là nội dung của Quyết định số ..."
    r"\s+)?(?:\w+(?:\s+\w+)?\s+(?:số\s*)?)?$"
)
_JUST_ISSUED = re.compile(
    r"[^.;\n]{0,40}?(?:vừa|mới)\s+(?:được\s+)?ban hành"
    r"|\s+được\s[^.;\n]{0,60}?\s(?:ký\s+(?:và\s+)?)?ban hành"  # "... được Chủ tịch UBND ... ký và ban hành"
)
_TITLE_CITE = re.compile(
    r"^\(\s*(?P<n>\d+/[\w.&-]+)\s*,\s*ngày\s+(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})\s*\)\s*$",
    re.MULTILINE,
)
# a portal's note of the letter it tells, closing the sentence: "... phòng, chống dịch
# Covid-19 (Công văn số: 1074/VP-KGVX, ngày 23/03/2020)."
_CLOSING_CITE = (
    re.compile(  # (or its number alone: "... nông thôn (3585/VP-KTN, ngày 23/10/2017).")
        r"\(\s*(?:"
        + _LETTER
        + r"\s+số\s*:?\s*)?"
        + _NUMBER
        + r"\s*,?\s*"
        + _ON_DATE
        + r"\s*\)\s*\.?\s*$",
        re.MULTILINE,
    )
)
# a portal's title line of the letter it publishes: "Công văn số 1639/SNN-CCKL ngày 23/10/2023
# của Sở Nông nghiệp và PTNT tỉnh Hưng Yên Về việc ..."
_TITLE_LINE = re.compile(
    r"^" + _LETTER + r"\s+số\s*:?\s*" + _NUMBER + r"\s+" + _ON_DATE + r"\s+của\s"
    r"[^\n]{3,150}?\s[Vv]ề\s+việc\s",
    re.MULTILINE,
)
# a page's own line of the letter it carries, alone on its line: "Công văn số 3570/VP-CTXD ngày
# 24/10/2025"
_LONE_CITE = re.compile(
    r"^[^\S\n]*" + _LETTER + r"\s+số\s*:?\s*" + _NUMBER + r"\s+" + _ON_DATE + r"[^\S\n]*$",
    re.MULTILINE,
)
# a page's title line of the letter it carries, by its issuer: "Văn bản Số 338/UBND-KGVX của
# UBND tỉnh Bắc Ninh."
_TITLE_OF = re.compile(
    r"^[^\S\n]*"
    + _LETTER
    + r"\s+[Ss]ố\s*:?\s*"
    + _NUMBER
    + r"\s+(?:của\s[^\n]{3,120}|(?:về việc|V/v)\s[^\n]{3,300})$",  # (or "... về việc dự thảo ...")
    re.MULTILINE,
)
# a portal's title of a letter by its short kind: "CV 9229/UBND-VHXH V/v Áp dụng ..."
_SHORT_KIND_TITLE = re.compile(r"^[^\S\n]*CV\s+" + _NUMBER + r"\s*\.?\s+V/v\s", re.MULTILINE)
_ISSUED_ON = re.compile(
    # (after a page's date and a paper's mark: "date 2022-01 (GLO)- Ngày 19-1, ..."; or glued
    # to a photo's caption: "... - Ảnh: THU HIẾNNgày 6-9, UBND TP.HCM có văn bản ...")
    r"(?:(?:^|\n)\s*(?:date\s+\S+\s+)?(?:\([^()\n]{2,12}\)\s*[-–]\s*)?"
    r"(?i:ngày|sáng|chiều|tối|đêm)|(?<![a-zà-ỹđ])Ngày|(?<=,\s)ngày)"  # (", ngày 14-8, UBND ...")
    r"\s+(?:nay\s+)?(?:ngày\s+)?"  # ("Chiều nay ngày 26/3/2020, ...")
    r"\d{1,2}\s?[/.-]\s?\d{1,2}(?:[/.-]\d{4})?\s*,(?:[^.\n]|\.(?=\S)){0,120}?"
    r"(?i:ban hành|có|ký|ra|phát đi)\s+"
    r"(?i:văn bản|công văn|công điện|chỉ thị|quyết định|kế hoạch|thông báo)",
    re.MULTILINE,
)
_FULL_DATE = re.compile(r"(?i)ngày\s+(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4})")
_WORDED_DATE = re.compile(
    r"(?i)ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+(?P<y>\d{4})"
)
# a date that is a sentence of its own before the one telling the letter: "Ngày 29/7/2020.
# Chủ tịch UBND tỉnh ban hành Công văn số 6732/UBND-Y ..."
_DATE_ALONE = re.compile(r"(?i)ngày\s+(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4})\s*\.\s*$")


_GAP = re.compile(r"\s*,?\s*")


def _gap_end(text: str, pos: int) -> int:
    gap = _GAP.match(text, pos)
    return gap.end() if gap else pos


def _of_reports_year(text: str, day: re.Match[str]) -> date | None:
    """A day and month a report writes without the year: of the year its page names most."""
    year = _page_year(text) or _text_year(text) or _named_year(text)
    return _safe_date(year, int(day.group("m")), int(day.group("d"))) if year else None


def _date_after_bare(text: str, bare: re.Match[str]) -> date | None:
    """ "Công điện số 181 ngày 30-9 ...": its own day, of the page's year when none is written."""
    if bare.group("d") is None:
        return None
    year = int(bare.group("y")) if bare.group("y") else (_page_year(text) or _text_year(text))
    return _safe_date(year, int(bare.group("m")), int(bare.group("d"))) if year else None


def _date_before(text: str, pos: int) -> date | None:
    """ "Ngày 04/3/2022, Văn phòng UBND Thành phố ban hành Thông báo số 95/TB-UBND"."""
    sentence_start = _sentence_start(text, pos)
    found = [*_FULL_DATE.finditer(text, sentence_start, pos)]
    found += _WORDED_DATE.finditer(text, sentence_start, pos)  # "Ngày 31 tháng 5 năm 2019, ..."
    if found:
        m = max(found, key=lambda f: f.start())
        return _date_of(m)
    alone = _DATE_ALONE.search(text, max(0, sentence_start - 24), sentence_start)
    if alone is not None:
        return _date_of(alone)
    # "Ngày 11/8, UBND tỉnh ban hành Công văn số 6812/UBND-VX": the year is the page's
    short = list(_DAY_MONTH.finditer(text, sentence_start, pos))
    return _of_reports_year(text, short[-1]) if short else None


_DAY_MONTH = re.compile(
    r"(?i)(?:(?<!\w)|(?<=[A-ZÀ-Ỹ])(?-i:(?=Ngày)))(?:ngày|sáng|chiều|tối|đêm|trưa)\s+(?:nay\s+)?(?:ngày\s+)?(?P<d>\d{1,2})\s?[/.-]\s?(?P<m>\d{1,2})(?![/.-]?\d)"
)


def _dateline(text: str) -> date | None:
    """A place-and-date line near the top of a text without the full header block."""
    for m in _PLACE_DATE.finditer(text, 0, 1500):
        line_end = text.find("\n", m.end())
        if (line_end if line_end != -1 else len(text)) - m.start() < 60:
            return _date_of(m)
    return None


def _event_date(text: str) -> date | None:
    """The day a paragraph opens on before the leader's ask ("Ngày 7/9, căn cứ ..., Chủ tịch
    UBND thành phố yêu cầu ..."), else the day of the reported meeting ("chiều 14/12"), when
    the dateline gives the year."""
    year = _page_year(text)
    if year is None:
        return None
    day = next(
        (
            m
            for m in _DAY_OPENING.finditer(text, 0, 3000)
            if TRIGGER.search(text, m.end(), _paragraph_end(text, m.end()))
        ),
        None,
    ) or _EVENT_DAY.search(text[:3000])
    if day is None:
        return None
    return _safe_date(year, int(day.group("m")), int(day.group("d")))


_DAY_OPENING = re.compile(r"(?:^|\n)[^\S\n]*Ngày\s+(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})\s*,")


def _paragraph_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end == -1 else end


_DATE_YEAR = re.compile(r"\d{1,2}[/.-]\d{1,2}[/.-]((?:19|20)\d\d)(?![\d/])")


def _text_year(text: str) -> int | None:
    """The year the dates of a page without a dateline name most ("trước ngày 05/12/2017")."""
    years = _DATE_YEAR.findall(text, 0, 5000)
    return int(max(set(years), key=years.count)) if years else None


_NAMED_YEAR = re.compile(r"(?<!\w)năm\s+((?:19|20)\d\d)(?![\d/-])")


def _named_year(text: str) -> int | None:
    """The year a page names most as "năm 2023" ("giải ngân vốn đầu tư công năm 2023")."""
    years = _NAMED_YEAR.findall(text, 0, 5000)
    return int(max(set(years), key=years.count)) if years else None


def _page_year(text: str) -> int | None:
    """The year of a page's dateline near its top ("Thứ Sáu, 24/10/2025 - 17:05")."""
    found = _DATELINE_YEAR.search(text[:2000]) or _WEEKDAY_DATE.search(text[:2000])
    return int(found.group("y")) if found else None


def _date_of(m: re.Match[str]) -> date | None:
    """The date a pattern's groups ``y``, ``m`` and ``d`` write."""
    return _safe_date(int(m.group("y")), int(m.group("m")), int(m.group("d")))


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _kind_from_number(number: str | None) -> str | None:
    if not number or "/" not in number:
        return None
    code = number.split("/")[-1].split("-")[0]
    return _CODE_KIND.get(code, "công văn")


_AND = re.compile(r"\s+và\s+")


# "nhiệm vụ trọng tâm tháng 2/2021", "nhiệm vụ, giải pháp quý 3/2025" (a quarter's or a month's
# only, bare: "nhiệm vụ, giải pháp năm 2024" is as often a plan's title)
_TASKS_OF_A_PERIOD = re.compile(
    r"(?i)nhiệm vụ (?:trọng tâm|chủ yếu)(?: của)? (?=tháng|quý|năm|\d{1,2} tháng)"
    r"|nhiệm vụ,? giải pháp (?:trọng tâm )?(?=(?:tháng|quý) )"
)


def document_period(text: str, times: Sequence[TimeMention]) -> TimeMention | None:
    """The period a document sets for all its tasks: "nhiệm vụ trọng tâm tháng 2/2021", a
    paragraph "Thời hạn thực hiện nhiệm vụ được giao trước ngày 31/7/2023".
    The year in a plan's title ("Kế hoạch ... năm 2026") is not one (rule 7)."""
    for m in _TASKS_OF_A_PERIOD.finditer(text):
        for k, t in enumerate(times):
            if t.start == m.end() and t.value is not None:
                later = times[k + 1] if k + 1 < len(times) else None
                if (
                    later is not None
                    and later.value is not None
                    and _AND.fullmatch(text, t.end, later.start)
                ):  # "nhiệm vụ trọng tâm trong tháng 4 và quý II năm 2021": through the later
                    # (whose year the first shares)
                    return later
                return t
    for m in TERM_OF_TASKS.finditer(text):  # "Thời hạn thực hiện nhiệm vụ được giao trước ..."
        at = m.start()
        if text[text.rfind("\n", 0, at) + 1 : at].strip():
            continue  # (a paragraph of its own, not an item's line: "- Thời hạn ...: ...")
        for t in times:
            if m.end() <= t.start < m.end() + 30 and t.kind == "deadline" and t.value is not None:
                return t
    for m in _ALL_ABOVE_BY.finditer(text):  # "UBND tỉnh ra thời hạn các dự án trên phải ... trước"
        line = text.rfind("\n", 0, m.start()) + 1
        if MARKER.match(text, line):
            continue  # (an item's own words: its deadline passes to no sibling, rule 8)
        for t in times:
            if m.end() <= t.start < m.end() + _ABOVE_BY_REACH and t.kind == "deadline" and t.value:
                return t
    return None


# a closing sentence that sets the day for everything above: "UBND tỉnh ra thời hạn các dự án trên
# phải đảm bảo giải ngân toàn bộ kế hoạch vốn trước ngày 31/12/2024"
_ALL_ABOVE_BY = re.compile(
    r"(?:ra thời hạn|[Yy]êu cầu)\s+(?:cho\s+)?(?:các|những)\s+"
    r"(?:dự án|nhiệm vụ|nội dung|công trình|công việc|đơn vị)\s+(?:nêu\s+|kể\s+)?trên\s+phải(?!\w)"
)
_ABOVE_BY_REACH = 150

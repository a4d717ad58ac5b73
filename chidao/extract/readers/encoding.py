"""Decode the bytes of a text file into NFC Unicode, Vietnamese legacy encodings included.

Contract of :func:`decode_text`:

1. A byte-order mark decides: UTF-8 (``"utf-8-sig"``), UTF-16 LE/BE (``"utf-16-le"``,
   ``"utf-16-be"``). The BOM is not part of the text.
2. Bytes that are valid UTF-8 are UTF-8 (``"utf-8"``); pure ASCII is reported as UTF-8.
   This is the fast path: nothing below runs for it.
3. Otherwise each legacy candidate (``"cp1258"``, ``"tcvn3"``, ``"vni"``, ``"viscii"``)
   decodes a sample and is scored by how Vietnamese the result looks (valid Vietnamese
   syllables and common words count for, impossible letter sequences against); the best
   candidate with a positive score wins.
4. When no candidate looks Vietnamese, Windows-1258 (or the caller's ``fallback``) is used
   if it can decode the bytes; if not, :class:`DecodingError` says so. There is no silent
   Latin-1 fallback: it would turn any legacy file into plausible-looking garbage.

The result is always NFC: Windows-1258 and decomposed (NFD) input carry combining tone
marks that are composed here.

Python has no codec for TCVN3, VNI or VISCII, so their tables are written out below.
:func:`encode_text` inverts them; it exists for tests and tools that need legacy bytes.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from functools import lru_cache

__all__ = [
    "CP1258",
    "LEGACY_ENCODINGS",
    "TCVN3",
    "UTF8",
    "UTF8_SIG",
    "UTF16_BE",
    "UTF16_LE",
    "VISCII",
    "VNI",
    "DecodingError",
    "decode_as",
    "decode_text",
    "encode_text",
    "vietnamese_score",
]

UTF8 = "utf-8"
UTF8_SIG = "utf-8-sig"
UTF16_LE = "utf-16-le"
UTF16_BE = "utf-16-be"
CP1258 = "cp1258"
TCVN3 = "tcvn3"
VNI = "vni"
VISCII = "viscii"

# Order matters only for ties: Windows-1258 first because it is the registered Windows
# code page (and the least surprising answer for near-ASCII text).
LEGACY_ENCODINGS: tuple[str, ...] = (CP1258, TCVN3, VNI, VISCII)

# Detection scores a sample, not the whole file: 64 KiB holds thousands of syllables,
# which is far more than the scores need to separate, and keeps big files fast.
_SAMPLE_BYTES = 64 * 1024


class DecodingError(ValueError):
    """The bytes are in no encoding this module recognises; ``str()`` says why."""


# --------------------------------------------------------------------------------------
# Tables
# --------------------------------------------------------------------------------------


def _cp1252_char(byte: int) -> str:
    """The Windows-1252 character of ``byte``; the five undefined bytes map to C1 controls.

    Files typed with TCVN3 or VNI fonts were saved by Western Windows programs, so bytes
    that are not letters in those fonts (smart quotes, dashes, the ellipsis) are cp1252.
    """
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(byte)


_CP1252_HIGH = "".join(_cp1252_char(b) for b in range(0x80, 0x100))

# VISCII (RFC 1456): a full single-byte table. Six C0 positions hold capital letters;
# the other controls keep their ASCII meaning.
_VISCII_C0 = {0x02: "Ẳ", 0x05: "Ẵ", 0x06: "Ẫ", 0x14: "Ỷ", 0x19: "Ỹ", 0x1E: "Ỵ"}
_VISCII_HIGH = (
    "ẠẮẰẶẤẦẨẬẼẸẾỀỂỄỆỐ"  # 0x80
    "ỒỔỖỘỢỚỜỞỊỎỌỈỦŨỤỲ"  # 0x90
    "Õắằặấầẩậẽẹếềểễệố"  # 0xA0
    "ồổỗỠƠộờởịỰỨỪỬơớƯ"  # 0xB0
    "ÀÁÂÃẢĂẳẵÈÉÊẺÌÍĨỳ"  # 0xC0
    "ĐứÒÓÔạỷừửÙÚỹỵÝỡư"  # 0xD0
    "àáâãảăữẫèéêẻìíĩỉ"  # 0xE0
    "đựòóôõỏọụùúũủýợỮ"  # 0xF0
)

# TCVN3 ("ABC", TCVN 5712:1993 VN3), the .VnTime font family: 0xA0-0xFF as in the
# standard (lower-case letters with every tone, the capitals Ă Â Ê Ô Ơ Ư Đ and a few toned
# capitals that fit in the gaps; 0xB0-0xB4 are the five tone marks as combining
# characters). VN3 leaves 0x80-0x9F to Windows, where they are cp1252 punctuation.
# Capitals with tones that VN3 lacks were typed with the .VnTimeH font, which draws the
# lower-case codes as capitals: see _restore_vntimeh_capitals.
_TCVN3_HIGH = (
    "\xa0ĂÂÊÔƠƯĐăâêôơưđẰ"  # 0xA0
    "\u0300\u0309\u0303\u0301\u0323àảãáạẲằẳẵắẴ"  # 0xB0
    "ẮẦẨẪẤỀặầẩẫấậèỂẻẽ"  # 0xC0
    "éẹềểễếệìỉỄẾỒĩíịò"  # 0xD0
    "Ổỏõóọồổỗốộờởỡớợù"  # 0xE0
    "ỖủũúụừửữứựỳỷỹýỵỐ"  # 0xF0
)

# VNI-Windows (the VNI-Times font family): a letter is an ASCII base letter followed by
# at most one modifier byte, read here as its cp1252 character. Per base, the modifier
# rows are: tone only (sắc, huyền, hỏi, ngã, nặng), circumflex (plain then the five
# tones) and breve (plain then the five tones). The tone order of every row below is
# sắc, huyền, hỏi, ngã, nặng, the order the VNI keyboard numbers them 1-5.
_VNI_TONE_MODS = "ùøûõï"
_VNI_CIRCUMFLEX_MODS = "âáàåãä"
_VNI_BREVE_MODS = "êéèúüë"
_TONED = {
    # toneless letter -> its five toned forms in sắc, huyền, hỏi, ngã, nặng order
    "a": "áàảãạ",
    "â": "ấầẩẫậ",
    "ă": "ắằẳẵặ",
    "e": "éèẻẽẹ",
    "ê": "ếềểễệ",
    "i": "íìỉĩị",
    "o": "óòỏõọ",
    "ô": "ốồổỗộ",
    "ơ": "ớờởỡợ",
    "u": "úùủũụ",
    "ư": "ứừửữự",
    "y": "ýỳỷỹỵ",
}
# Single-byte VNI letters: ơ and ư are one byte and take a tone modifier after them; the
# i row and ỵ have no base + modifier form at all.
_VNI_SINGLE = {
    "ô": "ơ",
    "ö": "ư",
    "ñ": "đ",
    "í": "í",
    "ì": "ì",
    "æ": "ỉ",
    "ó": "ĩ",
    "ò": "ị",
    "î": "ỵ",
}


def _build_vni_tables() -> tuple[dict[str, str], dict[str, str]]:
    """Return (decode map from cp1252-read VNI sequences to letters, encode map back)."""
    rows: list[tuple[str, str, str]] = []  # (vni base, unicode toneless letter, modifiers)
    for base in "aeouy":
        rows.append((base, base, _VNI_TONE_MODS))
    for base, letter in (("a", "â"), ("e", "ê"), ("o", "ô")):
        rows.append((base, letter, _VNI_CIRCUMFLEX_MODS))
    rows.append(("a", "ă", _VNI_BREVE_MODS))
    rows.append(("ô", "ơ", _VNI_TONE_MODS))
    rows.append(("ö", "ư", _VNI_TONE_MODS))

    decode: dict[str, str] = {}
    encode: dict[str, str] = {}
    for base, letter, mods in rows:
        # A tone-only row starts at the first tone; the others' first modifier is plain.
        forms = _TONED[letter] if mods == _VNI_TONE_MODS else letter + _TONED[letter]
        for mod, form in zip(mods, forms, strict=True):
            _add_both_cases(decode, encode, base + mod, form)
    for seq, letter in _VNI_SINGLE.items():
        _add_both_cases(decode, encode, seq, letter)
    # ỵ has a one-byte form only; old converters nevertheless write "y" + nặng.
    decode.setdefault("yï", "ỵ")
    decode.setdefault("YÏ", "Ỵ")
    return decode, encode


def _add_both_cases(decode: dict[str, str], encode: dict[str, str], seq: str, ch: str) -> None:
    """Register a VNI sequence in lower and upper case; the decoder also accepts a base
    letter whose modifier is in the other case (both glyphs exist and get mixed up)."""
    upper_seq, upper_ch = seq.upper(), ch.upper()
    for s, c in ((seq, ch), (upper_seq, upper_ch)):
        decode[s] = c
        encode.setdefault(c, s)
    if len(seq) == 2:
        decode.setdefault(seq[0] + upper_seq[1], ch)
        decode.setdefault(upper_seq[0] + seq[1], upper_ch)


_VNI_DECODE, _VNI_ENCODE = _build_vni_tables()
_VNI_RE = re.compile("|".join(sorted(map(re.escape, _VNI_DECODE), key=len, reverse=True)))


def _charmap(high: str, low: dict[int, str] | None = None) -> str:
    """A 256-character decoding table: ASCII with ``low`` overrides, then ``high`` (0x80-)."""
    chars = [chr(b) for b in range(0x80)]
    for byte, ch in (low or {}).items():
        chars[byte] = ch
    table = "".join(chars) + high
    assert len(table) == 256, len(table)
    return table


_VISCII_TABLE = _charmap(_VISCII_HIGH, _VISCII_C0)
_TCVN3_TABLE = _charmap(_CP1252_HIGH[:0x20] + _TCVN3_HIGH)
_CP1252_TABLE = _charmap(_CP1252_HIGH)


# --------------------------------------------------------------------------------------
# Decoding
# --------------------------------------------------------------------------------------


def decode_text(data: bytes, *, fallback: str = CP1258) -> tuple[str, str]:
    """Decode ``data`` and return ``(text, encoding name)``; the text is NFC.

    ``fallback`` is the encoding used when no legacy candidate looks Vietnamese (the HTML
    reader passes ``"cp1252"`` for pages that declare a Western charset). Raises
    :class:`DecodingError` when nothing fits.
    """
    bom = _decode_bom(data)
    if bom is not None:
        return _nfc(bom[0]), bom[1]
    try:
        return _nfc(data.decode(UTF8)), UTF8
    except UnicodeDecodeError:
        pass
    encoding = _detect_legacy(data)
    if encoding is not None:
        return decode_as(data, encoding), encoding
    try:
        return decode_as(data, fallback, errors="strict"), fallback
    except UnicodeDecodeError as exc:
        raise DecodingError(
            "không nhận ra bảng mã ký tự (không phải UTF-8, UTF-16, TCVN3, VNI, VISCII hay "
            f"Windows-1258) / unknown text encoding: byte {data[exc.start]:#04x} at offset "
            f"{exc.start} fits none of UTF-8, UTF-16, TCVN3, VNI, VISCII or Windows-1258"
        ) from exc


def decode_as(data: bytes, encoding: str, *, errors: str = "replace") -> str:
    """Decode ``data`` in the named encoding (this module's names or any Python codec).

    The result is NFC; TCVN3 text also gets its .VnTimeH capitals back.
    """
    if encoding == VISCII:
        text = codecs.charmap_decode(data, errors, _VISCII_TABLE)[0]
    elif encoding == TCVN3:
        text = _restore_vntimeh_capitals(codecs.charmap_decode(data, errors, _TCVN3_TABLE)[0])
    elif encoding == VNI:
        cp1252 = codecs.charmap_decode(data, errors, _CP1252_TABLE)[0]
        text = _VNI_RE.sub(lambda m: _VNI_DECODE[m.group()], cp1252)
    else:
        text = data.decode(encoding, errors)
    return _nfc(text)


def _decode_bom(data: bytes) -> tuple[str, str] | None:
    """Decode by byte-order mark, or None when there is none.

    Invalid bytes after a BOM become U+FFFD rather than an error: the BOM is a stronger
    statement about the file than a few damaged bytes.
    """
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode(UTF8, "replace"), UTF8_SIG
    if data.startswith(codecs.BOM_UTF16_LE):
        return data[2:].decode(UTF16_LE, "replace"), UTF16_LE
    if data.startswith(codecs.BOM_UTF16_BE):
        return data[2:].decode(UTF16_BE, "replace"), UTF16_BE
    return None


def _nfc(text: str) -> str:
    # is_normalized is a fast scan; most input is already NFC and is returned as is.
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def _detect_legacy(data: bytes) -> str | None:
    """The legacy encoding whose decoding of a sample looks most Vietnamese, if any does."""
    sample = data[:_SAMPLE_BYTES]
    best: str | None = None
    best_score = 0
    for encoding in LEGACY_ENCODINGS:
        try:
            text = decode_as(sample, encoding, errors="strict")
        except UnicodeDecodeError:
            continue  # cp1258 leaves a few bytes undefined: then it is not cp1258
        score = vietnamese_score(text)
        if score > best_score:
            best, best_score = encoding, score
    return best


_LINE_ALL_CAPS_MIN_LETTERS = 3


def _restore_vntimeh_capitals(text: str) -> str:
    """Upper-case words that were typed in capitals with the .VnTimeH font.

    TCVN3 has no code for most toned capitals; headings were typed with .VnTimeH, which
    draws the lower-case codes as capitals, so "QUYẾT ĐỊNH" arrives as "QUYếT ĐịNH". A line
    whose ASCII letters are all capitals (at least three) is a heading and is upper-cased;
    elsewhere a word with two or more capitals and no lower-case ASCII letter is. A single
    capital ("Sở") is left alone: it is the usual capitalised word.
    """
    if not any(ch >= "\xe0" for ch in text):
        return text
    return "\n".join(_restore_line(line) for line in text.split("\n"))


_WORD_RE = re.compile(r"\w+")


def _restore_line(line: str) -> str:
    ascii_letters = [ch for ch in line if ch.isascii() and ch.isalpha()]
    if len(ascii_letters) >= _LINE_ALL_CAPS_MIN_LETTERS and all(c.isupper() for c in ascii_letters):
        return line.upper()
    return _WORD_RE.sub(_restore_word, line)


def _restore_word(match: re.Match[str]) -> str:
    word = match.group()
    if word.isupper() or word.islower():
        return word
    capitals = sum(1 for ch in word if ch.isupper())
    lower_ascii = any(ch.isascii() and ch.islower() for ch in word)
    return word.upper() if capitals >= 2 and not lower_ascii else word


# --------------------------------------------------------------------------------------
# How Vietnamese does a text look?
# --------------------------------------------------------------------------------------


def _words(text: str) -> list[str]:
    """Split a word list written as prose (easier to read and review than a list literal)."""
    return text.split()


_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")
_ONSET = r"(?:ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|[bcdđghklmnprstvx])?"
_NUCLEI = _words(
    "a ă â e ê i o ô ơ u ư y "
    "ai ao au ay âu ây eo êu ia iê iu oa oă oe oi oo ôi ơi ua uâ uê ui uô uơ uy ưa ưi ươ ưu yê "
    "iêu yêu oai oao oay oeo uây uôi ươi ươu uya uyê uyu"
)
_CODA = r"(?:ch|ng|nh|[cmnpt])?"
_SYLLABLE_RE = re.compile(
    _ONSET + "(?:" + "|".join(sorted(_NUCLEI, key=len, reverse=True)) + ")" + _CODA
)
_COMMON_WORDS = frozenset(
    _words(
        "của và các được có cho với những này để trong theo đến người việc thực hiện ủy ban "
        "nhân dân tỉnh thành phố sở số ngày tháng năm quyết định chỉ thị kế hoạch đầu tư "
        "tài chính đơn vị cơ quan trách nhiệm chủ trì phối hợp báo cáo tổ chức triển khai "
        "nội vụ giáo dục đào tạo y tế xây dựng công thương giao thông vận tải về đã là một"
    )
)
_TOKEN_RE = re.compile(r"[^\s\d.,;:!?()\[\]{}\"'“”‘’/\\\-–—…<>*+=%&#@|_~`^$]+")


def vietnamese_score(text: str) -> int:
    """Score how Vietnamese ``text`` looks: +1 per valid syllable with a non-ASCII letter
    (+1 more for a very common word), -1 per token with a non-ASCII character that is no
    Vietnamese syllable. Pure-ASCII tokens are ignored: every candidate decodes them alike.
    """
    score = 0
    for token in _TOKEN_RE.findall(text):
        if token.isascii():
            continue
        score += _token_score(token.lower())
    return score


@lru_cache(maxsize=8192)
def _token_score(token: str) -> int:
    """+2 common word, +1 valid syllable, -1 anything else (``token`` is lower-case)."""
    if token in _COMMON_WORDS:
        return 2
    decomposed = unicodedata.normalize("NFD", token)
    tones = sum(1 for ch in decomposed if ch in _TONE_MARKS)
    if tones > 1:
        return -1
    toneless = unicodedata.normalize(
        "NFC", "".join(ch for ch in decomposed if ch not in _TONE_MARKS)
    )
    return 1 if _SYLLABLE_RE.fullmatch(toneless) else -1


# --------------------------------------------------------------------------------------
# Encoding (for tests and tools)
# --------------------------------------------------------------------------------------


def _invert(table: str) -> dict[str, int]:
    inverse: dict[str, int] = {}
    for byte, ch in enumerate(table):
        inverse.setdefault(ch, byte)
    return inverse


_VISCII_ENCODE = _invert(_VISCII_TABLE)
_TCVN3_ENCODE = _invert(_TCVN3_TABLE)


def encode_text(text: str, encoding: str) -> bytes:
    """Encode ``text`` in ``encoding`` (one of this module's names or a Python codec).

    Strict: a character the encoding cannot represent raises ``UnicodeEncodeError`` (in
    TCVN3 that includes most capitals with a tone, e.g. "Ủ"). Windows-1258 output uses
    its own canonical form: a base letter it has, followed by a combining tone mark.
    """
    text = unicodedata.normalize("NFC", text)
    if encoding == VISCII:
        return _encode_single(text, _VISCII_ENCODE, encoding)
    if encoding == TCVN3:
        return _encode_single(text, _TCVN3_ENCODE, encoding)
    if encoding == VNI:
        return _encode_vni(text)
    if encoding == CP1258:
        return "".join(_cp1258_form(ch) for ch in text).encode(CP1258)
    return text.encode(encoding)


def _encode_single(text: str, inverse: dict[str, int], encoding: str) -> bytes:
    out = bytearray()
    for index, ch in enumerate(text):
        byte = inverse.get(ch)
        if byte is None:
            raise UnicodeEncodeError(encoding, text, index, index + 1, "not in the table")
        out.append(byte)
    return bytes(out)


def _encode_vni(text: str) -> bytes:
    pieces = []
    for index, ch in enumerate(text):
        seq = _VNI_ENCODE.get(ch, ch)
        try:
            pieces.append(seq.encode("cp1252"))
        except UnicodeEncodeError:
            raise UnicodeEncodeError(VNI, text, index, index + 1, "not in VNI") from None
    return b"".join(pieces)


def _cp1258_form(ch: str) -> str:
    """``ch`` as Windows-1258 writes it: itself if the code page has it, else base + tone."""
    try:
        ch.encode(CP1258)
        return ch
    except UnicodeEncodeError:
        pass
    decomposed = unicodedata.normalize("NFD", ch)
    tone = "".join(c for c in decomposed if c in _TONE_MARKS)
    base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONE_MARKS))
    return base + tone

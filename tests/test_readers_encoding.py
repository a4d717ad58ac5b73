"""Text decoding: BOMs, UTF-8, NFC, and the Vietnamese legacy encodings and their detection."""

from __future__ import annotations

import codecs
import shutil
import subprocess
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chidao.extract.readers import encoding
from chidao.extract.readers.encoding import (
    CP1258,
    TCVN3,
    VISCII,
    VNI,
    DecodingError,
    decode_as,
    decode_text,
    encode_text,
    vietnamese_score,
)
from tests.readers_fixtures import DIRECTIVE, tcvn3_as_typed

LOWER_LETTERS = (
    "aáàảãạăắằẳẵặâấầẩẫậbcdđeéèẻẽẹêếềểễệghiíìỉĩịklmnoóòỏõọôốồổỗộơớờởỡợpqrstuúùủũụưứừửữựvxyýỳỷỹỵ"
)
ALL_LETTERS = LOWER_LETTERS + LOWER_LETTERS.upper()
TCVN3_CAPITALS = "ĂÂÊÔƠƯĐẰẲẴẮẦẨẪẤỀỂỄẾỒỔỖỐ"  # the only toned/marked capitals TCVN3 has


def test_valid_utf8_is_decoded_as_utf8() -> None:
    assert decode_text(DIRECTIVE.encode("utf-8")) == (DIRECTIVE, "utf-8")


def test_pure_ascii_is_reported_as_utf8() -> None:
    assert decode_text(b"UBND TP. Ha Noi") == ("UBND TP. Ha Noi", "utf-8")


def test_utf8_bom_is_removed_and_reported_as_utf8_sig() -> None:
    text, name = decode_text(codecs.BOM_UTF8 + DIRECTIVE.encode("utf-8"))
    assert (text, name) == (DIRECTIVE, "utf-8-sig")


@pytest.mark.parametrize(
    ("bom", "codec", "name"),
    [
        (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
    ],
)
def test_utf16_with_a_bom_is_decoded_in_its_byte_order(bom: bytes, codec: str, name: str) -> None:
    assert decode_text(bom + DIRECTIVE.encode(codec)) == (DIRECTIVE, name)


def test_decomposed_nfd_input_comes_out_composed_nfc() -> None:
    nfd = unicodedata.normalize("NFD", DIRECTIVE)
    assert nfd != DIRECTIVE  # the input really is decomposed
    text, _ = decode_text(nfd.encode("utf-8"))
    assert text == DIRECTIVE
    assert unicodedata.is_normalized("NFC", text)


@pytest.mark.parametrize("legacy", [VNI, VISCII, CP1258])
def test_a_legacy_encoded_directive_decodes_to_the_original_and_names_its_encoding(
    legacy: str,
) -> None:
    data = encode_text(DIRECTIVE, legacy)
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")  # so detection, not the UTF-8 path, is what is tested
    assert decode_text(data) == (DIRECTIVE, legacy)


def test_a_tcvn3_directive_decodes_to_the_original_but_for_capitals_tcvn3_cannot_hold() -> None:
    # TCVN3 has no "Ủ": inside a sentence the typist's lower-case code stays lower case,
    # while the all-capitals heading ("ỦY BAN ...", typed with .VnTimeH) is restored.
    data = tcvn3_as_typed(DIRECTIVE)
    expected = DIRECTIVE.replace("Ủy ban", "ủy ban")
    assert expected.startswith("ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI\nCHỈ THỊ\n")
    assert decode_text(data) == (expected, TCVN3)


def test_tcvn3_restores_capitals_of_all_caps_words_and_lines_only() -> None:
    # "QUYẾT ĐỊNH" typed with .VnTimeH arrives as "QUY" + ế + "T §" + ị + "NH".
    data = tcvn3_as_typed("QUYẾT ĐỊNH\nGiao Sở Nội vụ, Sở Tư pháp và UBND cấp huyện")
    assert decode_as(data, TCVN3) == "QUYẾT ĐỊNH\nGiao Sở Nội vụ, Sở Tư pháp và UBND cấp huyện"


def test_windows_1258_combining_tone_marks_are_composed() -> None:
    data = encode_text("Kế hoạch thực hiện", CP1258)
    assert b"\xec" in data  # the combining acute accent of cp1258: really decomposed bytes
    text, name = decode_text(data)
    assert (text, name) == ("Kế hoạch thực hiện", CP1258)
    assert not any(unicodedata.combining(ch) for ch in text)


def test_vni_bytes_match_the_published_vni_windows_layout() -> None:
    # Base letter + modifier byte, as VNI-Windows fonts draw them (read as cp1252 here).
    assert encode_text("Xin chào các bạn", VNI) == "Xin chaøo caùc baïn".encode("cp1252")
    assert encode_text("được", VNI) == "ñöôïc".encode("cp1252")
    assert encode_text("Ủy ban", VNI) == "UÛy ban".encode("cp1252")
    assert encode_text("quyết định", VNI) == "quyeát ñònh".encode("cp1252")


def test_vni_accepts_a_modifier_in_the_other_case_than_its_base_letter() -> None:
    assert decode_as("Uû ban NHAân".encode("cp1252"), VNI) == "Ủ ban NHÂn"


def test_viscii_and_tcvn3_bytes_match_their_standards_for_sample_letters() -> None:
    # RFC 1456 (VISCII) and TCVN 5712:1993 (TCVN3/ABC) code points.
    assert encode_text("ạ ẻ ư Đ", VISCII) == bytes([0xD5, 0x20, 0xEB, 0x20, 0xDF, 0x20, 0xD0])
    assert encode_text("à ạ đ ư Đ", TCVN3) == bytes(
        [0xB5, 0x20, 0xB9, 0x20, 0xAE, 0x20, 0xAD, 0x20, 0xA7]
    )


@pytest.mark.parametrize(
    ("legacy", "letters"),
    [
        (VNI, ALL_LETTERS),
        (VISCII, ALL_LETTERS),
        (CP1258, ALL_LETTERS),
        (TCVN3, LOWER_LETTERS + TCVN3_CAPITALS),
    ],
)
def test_every_vietnamese_letter_round_trips_through_each_legacy_table(
    legacy: str, letters: str
) -> None:
    spaced = " ".join(letters)  # spaces keep VNI modifiers from meeting the next letter
    assert decode_as(encode_text(spaced, legacy), legacy) == spaced


def test_each_legacy_table_gives_every_letter_its_own_bytes() -> None:
    for legacy in (VNI, VISCII, CP1258):
        encoded = {encode_text(letter, legacy) for letter in ALL_LETTERS}
        assert len(encoded) == len(ALL_LETTERS), legacy


@given(st.text(alphabet=ALL_LETTERS + " ,.;:()/-0123456789\n", max_size=200))
def test_any_vietnamese_text_round_trips_through_vni_viscii_and_cp1258(text: str) -> None:
    nfc = unicodedata.normalize("NFC", text)
    for legacy in (VNI, VISCII, CP1258):
        assert decode_as(encode_text(nfc, legacy), legacy) == nfc


@pytest.mark.skipif(shutil.which("iconv") is None, reason="needs glibc iconv as a reference")
def test_viscii_and_tcvn3_tables_agree_with_glibc_iconv() -> None:
    def iconv(name: str, byte: int) -> str:
        done = subprocess.run(
            ["iconv", "-f", name, "-t", "UTF-8"], input=bytes([byte]), capture_output=True
        )
        return done.stdout.decode("utf-8")

    for byte in range(256):
        assert decode_as(bytes([byte]), VISCII) == unicodedata.normalize(
            "NFC", iconv("VISCII", byte)
        ), hex(byte)
    # TCVN3 (VN3) is the 0xA0-0xFF part of TCVN 5712:1993; the tone marks at 0xB0-0xB4
    # are combining characters, compared as the table holds them.
    for byte in range(0xA0, 0x100):
        assert encoding._TCVN3_TABLE[byte] == iconv("TCVN5712-1", byte), hex(byte)


def test_bytes_that_fit_no_encoding_raise_a_clear_error() -> None:
    data = bytes(range(0x80, 0x100)) * 4  # not UTF-8, not Vietnamese, 0x81 not in cp1258
    with pytest.raises(DecodingError, match="unknown text encoding"):
        decode_text(data)


def test_non_vietnamese_western_text_falls_back_to_windows_1258() -> None:
    assert decode_text("Café, naïve résumé".encode("cp1252")) == (
        "Café, naïve résumé",
        CP1258,
    )


def test_vietnamese_score_prefers_real_syllables_to_mojibake() -> None:
    good = "Giao Sở Kế hoạch và Đầu tư chủ trì, phối hợp thực hiện"
    mojibake = encode_text(good, VNI).decode("cp1258")
    assert vietnamese_score(good) > 10
    assert vietnamese_score(mojibake) < 0


def test_detection_scores_only_a_sample_of_large_files() -> None:
    # A large VNI file still decodes as VNI (and the sample keeps detection cheap).
    data = encode_text((DIRECTIVE + "\n") * 400, VNI)
    assert len(data) > encoding._SAMPLE_BYTES
    text, name = decode_text(data)
    assert name == VNI
    assert text == (DIRECTIVE + "\n") * 400

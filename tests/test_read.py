"""Issue 2: ``textfix.read_text`` detects the encoding, normalises line ends, and refuses non-text."""

from __future__ import annotations

import codecs
import random
from pathlib import Path

import pytest

import textfix
from textfix import InputError, TextfixError, read_text

SIMPLIFIED = (
    "第十二届中国国际服务外包交易博览会日前在湖北武汉举行，本届博览会围绕“数字新机遇”主题展开。\n"
    "自2006年以来，我国服务外包产业发展迅速，业务执行额增长183倍，规模稳居全球第二。\n"
    "与会嘉宾指出：数字经济的迅猛发展将为服务外包产业带来新机遇（详见第3版）。\n"
)
TRADITIONAL = (
    "第十二屆中國國際服務外包交易博覽會日前在湖北武漢舉行，本屆博覽會圍繞「數字新機遇」主題展開。\n"
    "自2006年以來，我國服務外包產業發展迅速，業務執行額增長183倍，規模穩居全球第二。\n"
    "與會嘉賓指出：數字經濟的迅猛發展將為服務外包產業帶來新機遇（詳見第3版）。\n"
)


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    "name, data",
    [
        ("utf8.txt", SIMPLIFIED.encode("utf-8")),
        ("utf8-bom.txt", codecs.BOM_UTF8 + SIMPLIFIED.encode("utf-8")),
        ("utf16le-bom.txt", codecs.BOM_UTF16_LE + SIMPLIFIED.encode("utf-16-le")),
        ("utf16be-bom.txt", codecs.BOM_UTF16_BE + SIMPLIFIED.encode("utf-16-be")),
        ("utf16le.txt", SIMPLIFIED.encode("utf-16-le")),
        ("utf16be.txt", SIMPLIFIED.encode("utf-16-be")),
        ("gbk.txt", SIMPLIFIED.encode("gbk")),
        ("gb18030.txt", SIMPLIFIED.encode("gb18030")),
    ],
)
def test_simplified_text_in_every_encoding_reads_back_exactly(tmp_path: Path, name: str, data: bytes) -> None:
    text = read_text(_write(tmp_path, name, data))
    assert text == SIMPLIFIED  # no BOM left, nothing mis-decoded


def test_big5_reads_back_exactly(tmp_path: Path) -> None:
    assert read_text(_write(tmp_path, "big5.txt", TRADITIONAL.encode("big5"))) == TRADITIONAL


def test_gb18030_only_characters(tmp_path: Path) -> None:
    """Four-byte GB18030 sequences (outside GBK) must not be lost or replaced."""
    text = SIMPLIFIED + "生僻字𠀀和𪚥也要保留，欧元符号€同样。\n"
    data = text.encode("gb18030")
    with pytest.raises(UnicodeEncodeError):
        text.encode("gbk")  # really needs GB18030
    assert read_text(_write(tmp_path, "gb18030-4.txt", data)) == text


@pytest.mark.parametrize(
    "encoding, line",
    [
        ("gbk", "服务外包产业发展迅速"),  # a headline: detectors call this Korean
        ("gbk", "本届服博会参展企业超过120家，多个企业带来了自家最新的数字服务。"),
        ("big5", "服務外包產業發展迅速"),
        ("big5", "本屆服博會參展企業超過120家，多個企業帶來了自家最新的數字服務。"),
    ],
)
def test_short_legacy_lines(tmp_path: Path, encoding: str, line: str) -> None:
    assert read_text(_write(tmp_path, f"short-{encoding}.txt", line.encode(encoding))) == line


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "gbk", "big5"])
@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_crlf_and_cr_become_lf(tmp_path: Path, encoding: str, newline: str) -> None:
    text = TRADITIONAL if encoding == "big5" else SIMPLIFIED
    data = text.replace("\n", newline).encode(encoding)
    got = read_text(_write(tmp_path, "nl.txt", data))
    assert got == text
    assert "\r" not in got


def test_mixed_line_ends(tmp_path: Path) -> None:
    data = "一行\r\n二行\r三行\n四行\r\n\r\n五行".encode()
    assert read_text(_write(tmp_path, "mixed.txt", data)) == "一行\n二行\n三行\n四行\n\n五行"


def test_empty_file_is_empty_text(tmp_path: Path) -> None:
    assert read_text(_write(tmp_path, "empty.txt", b"")) == ""


def test_binary_file_raises_input_error_naming_the_file(tmp_path: Path) -> None:
    rng = random.Random(0)
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(rng.randrange(256) for _ in range(2000))
    path = _write(tmp_path, "picture.png", png)
    with pytest.raises(InputError) as info:
        read_text(path)
    assert str(path) in str(info.value)
    assert "\n" not in str(info.value)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_undecodable_bytes_raise_input_error_naming_the_file(tmp_path: Path, seed: int) -> None:
    """No NUL bytes, not UTF-8, and garbage in every legacy codec."""
    rng = random.Random(seed)
    data = bytes(rng.randrange(1, 256) for _ in range(3000))
    assert b"\x00" not in data
    path = _write(tmp_path, f"noise-{seed}.bin", data)
    with pytest.raises(InputError) as info:
        read_text(path)
    assert str(path) in str(info.value)


def test_missing_file_and_directory_raise_input_error(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    with pytest.raises(InputError, match="nope.txt"):
        read_text(missing)
    with pytest.raises(InputError, match=str(tmp_path.name)):
        read_text(tmp_path)


def test_input_error_is_the_public_textfix_error() -> None:
    assert textfix.InputError is InputError
    assert issubclass(InputError, TextfixError)


def test_accepts_str_and_pathlike(tmp_path: Path) -> None:
    path = _write(tmp_path, "p.txt", SIMPLIFIED.encode())
    assert read_text(str(path)) == read_text(path) == SIMPLIFIED


# --- issue 12: detection must not depend on what the detector guesses ---------------------------


class _Guess:
    """What charset_normalizer.from_bytes(...).best() returns, reduced to the one field the reader uses."""

    def __init__(self, encoding: str) -> None:
        self.encoding = encoding


def _detector_says(monkeypatch: pytest.MonkeyPatch, encoding: str) -> None:
    import charset_normalizer

    class Matches:
        def best(self) -> _Guess:
            return _Guess(encoding)

    monkeypatch.setattr(charset_normalizer, "from_bytes", lambda data: Matches())


def _model_json() -> str:
    from textfix.model import default_model

    return default_model().to_json().replace("\n", "\r\n")


def test_gb18030_model_json_reads_back_exactly(tmp_path: Path) -> None:
    """charset-normalizer 3.5.3 calls this file mac_iceland (``£•`` for ``％``)."""
    text = _model_json()
    got = read_text(_write(tmp_path, "model.json", text.encode("gb18030")))
    assert got == text.replace("\r\n", "\n")


@pytest.mark.parametrize("guess", ["mac_iceland", "cp1252", "euc_kr", "big5"])
def test_chinese_is_read_whatever_the_detector_guesses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, guess: str) -> None:
    _detector_says(monkeypatch, guess)
    model = _model_json().replace("\r\n", "\n")
    assert read_text(_write(tmp_path, "model.json", model.encode("gb18030"))) == model
    assert read_text(_write(tmp_path, "page.txt", SIMPLIFIED.encode("gbk"))) == SIMPLIFIED
    if guess != "big5":
        assert read_text(_write(tmp_path, "big5.txt", TRADITIONAL.encode("big5"))) == TRADITIONAL


@pytest.mark.parametrize(
    "encoding, text",
    [
        ("cp1251", "Все люди рождаются свободными и равными в своем достоинстве и правах. " * 3),
        ("shift_jis", "日本国民は、正当に選挙された国会における代表者を通じて行動し、われらとわれらの子孫のために。" * 2),
    ],
)
def test_other_legacy_text_is_left_to_the_detector(tmp_path: Path, encoding: str, text: str) -> None:
    """Asking the CJK codecs first must not read Russian or Japanese as Chinese."""
    assert read_text(_write(tmp_path, f"other-{encoding}.txt", text.encode(encoding))) == text


def test_latin_text_with_accents_is_not_read_as_chinese(tmp_path: Path) -> None:
    """cp1252 "été" is E9 74 E9, a valid GB18030 pair: a few accents must not make ideographs.

    (Which Latin code page the detector picks, cp1250 or cp1252, is its business.)
    """
    text = "Il était agréable et élégant; il préférait rester dans la région chaque matin. " * 2
    assert text.encode("cp1252").decode("gb18030")  # the trap: it decodes, to rare ideographs
    got = read_text(_write(tmp_path, "latin.txt", text.encode("cp1252")))
    assert "Il " in got and not any("\u3400" <= ch <= "\u9fff" for ch in got)

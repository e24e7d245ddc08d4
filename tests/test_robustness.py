"""Robustness of every command on bad input: one error line, a documented exit code, no lost data.

Each command (``align``, ``learn``, ``repair``, ``split``, ``eval``) is run
in-process through :func:`textfix.cli.main` (a traceback there would fail the
test) on missing files, directories, empty, binary and undecodable files,
every supported encoding and line ending, random Unicode, malformed models,
a clean twin that is not in the page, and ``-o`` naming an input.  After
every run: the inputs are byte-for-byte and mtime unchanged, no temporary
``.NAME.*.tmp`` file is left, and a failed run leaves no output file.  A few
runs go through a real ``python -m textfix`` process to see exactly what a
user sees.  Exit codes are documented in :mod:`textfix.errors`.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import stat
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from _cli import assert_one_error_line, run
from textfix.cli import main
from textfix.errors import AlignmentError, InputError, ModelError, TextfixError
from textfix.io import decode_bytes, read_text, write_text_atomic
from textfix.model import default_model

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "corpora" / "pairs" / "seed"
HANG = 200  # seconds: a subprocess past ten times the 20 s the slowest command takes on a loaded machine has hung
PAGES = REPO / "corpora" / "pages"
ARTICLES = REPO / "corpora" / "texts" / "articles.json"

OK, INPUT, MODEL, ALIGN = 0, InputError.exit_code, ModelError.exit_code, AlignmentError.exit_code


def test_exit_codes_are_the_documented_ones() -> None:
    assert (TextfixError.exit_code, InputError.exit_code, ModelError.exit_code, AlignmentError.exit_code) == (2, 3, 4, 5)
    import textfix.errors

    for code in ("2", "3", "4", "5", "130"):
        assert f"\n{code} " in textfix.errors.__doc__


# --- helpers ----------------------------------------------------------------------------------



def snapshot(directory: Path) -> dict[str, tuple[bytes, int, int]]:
    """Every file under *directory*: bytes, mtime and mode."""
    out = {}
    for p in sorted(directory.rglob("*")):
        if p.is_file() and not p.is_symlink():
            st = p.stat()
            out[str(p.relative_to(directory))] = (p.read_bytes(), st.st_mtime_ns, st.st_mode)
    return out


def assert_untouched(directory: Path, before: dict, *, new: tuple[str, ...] = ()) -> None:
    """Nothing under *directory* changed, no temporary file remains, and only the files *new* appeared."""
    after = snapshot(directory)
    leftovers = [name for name in after if name.endswith(".tmp") or ".tmp" in Path(name).name]
    assert not leftovers, leftovers
    assert {k: v for k, v in after.items() if k not in new} == before
    assert set(after) - set(before) <= set(new), set(after) - set(before)


@pytest.fixture
def work(tmp_path: Path) -> Path:
    """The seed pair, a gold page and its split, in a fresh directory."""
    shutil.copy(SEED / "clean.txt", tmp_path / "clean.txt")
    shutil.copy(SEED / "noisy.txt", tmp_path / "noisy.txt")
    shutil.copy(PAGES / "synth-001.gold.json", tmp_path / "gold.json")
    shutil.copy(PAGES / "synth-001.txt", tmp_path / "page.txt")
    assert main(["split", str(tmp_path / "page.txt"), "-o", str(tmp_path / "out.json")]) == 0
    return tmp_path


BAD_FILES = {
    "missing": None,
    "directory": "dir",
    "binary": random.Random(7).randbytes(4096) + b"\x00\x00",
    "undecodable": bytes(0x80 + b % 0x80 for b in random.Random(8).randbytes(3001)),  # no NUL, no ASCII
    "rare-characters-only": "礵".encode("gbk") * 1500,  # decodes, but to nothing a Chinese page contains
    "bad-utf16-bom": b"\xff\xfe\xfd\x80\x81abc\xc3",
    "bad-utf8-bom": b"\xef\xbb\xbf\xff\xfe\xfa",
    "utf8-with-nul": "中文\x00测试".encode(),
}


def make_bad(directory: Path, kind: str) -> Path:
    path = directory / f"bad-{kind}.txt"
    content = BAD_FILES[kind]
    if content == "dir":
        path.mkdir()
        (path / "notes.md").write_text("not a page", encoding="utf-8")
    elif content is not None:
        path.write_bytes(content)
    return path


def commands(work: Path, bad: Path) -> dict[str, tuple[list, str | None]]:
    """Each command with *bad* in one input position: (argv, the output it would write)."""
    c, n, g, o = work / "clean.txt", work / "noisy.txt", work / "gold.json", work / "out.json"
    return {
        "align-clean": (["align", bad, n, "--html", work / "report.html"], "report.html"),
        "align-noisy": (["align", c, bad, "--html", work / "report.html"], "report.html"),
        "learn-clean": (["learn", "--pair", bad, n, "-o", work / "model.json"], "model.json"),
        "learn-noisy": (["learn", "--pair", c, bad, "-o", work / "model.json"], "model.json"),
        "repair": (["repair", bad, "-o", work / "repaired.txt"], "repaired.txt"),
        "split": (["split", bad, "-o", work / "split.json"], "split.json"),
        "eval-gold": (["eval", bad, o], None),
        "eval-out": (["eval", g, bad], None),
    }


COMMANDS = ["align-clean", "align-noisy", "learn-clean", "learn-noisy", "repair", "split", "eval-gold", "eval-out"]


# --- bad input files --------------------------------------------------------------------------


@pytest.mark.parametrize("kind", list(BAD_FILES))
@pytest.mark.parametrize("command", COMMANDS)
def test_bad_input_file(work: Path, kind: str, command: str) -> None:
    if kind == "directory" and command in ("repair", "split"):
        pytest.skip("a directory is a batch input for repair and split: see test_directory_batch_*")
    bad = make_bad(work, kind)
    argv, output = commands(work, bad)[command]
    before = snapshot(work)
    code, out, err = run(*argv)
    assert_one_error_line(code, err, INPUT, bad.name)
    assert_untouched(work, before)
    assert output is None or not (work / output).exists()


def test_directory_batch_without_pages_fails_cleanly(work: Path) -> None:
    bad = make_bad(work, "directory")
    for command in ("repair", "split"):
        before = snapshot(work)
        code, out, err = run(command, bad)
        assert code != 0 and code != 1
        assert err.startswith("textfix: error: ") and err.count("\n") == 1 and "Traceback" not in err, err
        assert_untouched(work, before)


def test_directory_batch_without_pages_leaves_no_output(work: Path) -> None:
    bad = make_bad(work, "directory")
    code, out, err = run("repair", bad, "-o", work / "repaired")
    assert code != 0
    assert not (work / "repaired").exists()


def test_traceback_never_reaches_a_real_process(work: Path) -> None:
    """What a user sees, through a real interpreter: one line and the code, for a library error and a usage error."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    env.pop("TEXTFIX_DEBUG", None)
    for argv, code in (
        (["repair", str(work / "missing.txt")], INPUT),
        (["split", str(make_bad(work, "binary"))], INPUT),
        (["repair", str(work / "noisy.txt"), "--model", str(work / "clean.txt")], MODEL),
        (["align", str(work / "gold.json"), str(work / "noisy.txt")], ALIGN),
    ):
        proc = subprocess.run([sys.executable, "-m", "textfix", *argv], capture_output=True, text=True, env=env, timeout=60)
        assert_one_error_line(proc.returncode, proc.stderr, code)
        assert proc.stdout == ""
    proc = subprocess.run([sys.executable, "-m", "textfix", "frobnicate"], capture_output=True, text=True, env=env, timeout=60)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr  # argparse: a usage line, then the error
    assert proc.stderr.rstrip("\n").splitlines()[-1].startswith("textfix: error: ")


def test_standard_input_in_a_legacy_encoding(work: Path) -> None:
    """``textfix repair -`` decodes standard input like a file: GB18030 with CRLF gives the UTF-8 result."""
    noisy = (work / "noisy.txt").read_text(encoding="utf-8")
    code, expected, err = run("repair", work / "noisy.txt")
    proc = subprocess.run([sys.executable, "-m", "textfix", "repair", "-"], input=noisy.replace("\n", "\r\n").encode("gb18030"),
                          capture_output=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.decode("utf-8") == expected


def test_a_missing_dependency_is_no_internal_error(work: Path, monkeypatch) -> None:
    """An install without a package textfix needs is exit 2 and one line naming it, not a bug to report."""
    import textfix.model

    def missing(*args, **kwargs):
        raise ModuleNotFoundError("jieba is required for garble repair: pip install jieba", name="jieba")

    monkeypatch.setattr(textfix.model, "default_model", missing)
    before = snapshot(work)
    code, out, err = run("repair", work / "noisy.txt", "-o", work / "repaired.txt")
    assert_one_error_line(code, err, 2, "jieba", "missing")
    assert "internal error" not in err
    assert_untouched(work, before)


def test_internal_errors_are_one_line_too(work: Path, monkeypatch) -> None:
    """A bug (an unexpected exception) is exit 1 and one line; TEXTFIX_DEBUG=1 shows the traceback."""
    import textfix.model

    def broken(*args, **kwargs):
        raise ZeroDivisionError("float division by zero")

    monkeypatch.setattr(textfix.model, "default_model", broken)
    monkeypatch.delenv("TEXTFIX_DEBUG", raising=False)
    before = snapshot(work)
    code, out, err = run("repair", work / "noisy.txt", "-o", work / "repaired.txt")
    assert_one_error_line(code, err, 1, "internal error", "ZeroDivisionError")
    assert_untouched(work, before)
    monkeypatch.setenv("TEXTFIX_DEBUG", "1")
    with pytest.raises(ZeroDivisionError):
        main(["repair", str(work / "noisy.txt")])


# --- encodings and line ends ------------------------------------------------------------------

ENCODINGS = {
    "gb18030": lambda t: t.encode("gb18030"),
    "gbk": lambda t: t.encode("gbk"),
    "utf-16": lambda t: t.encode("utf-16"),
    "utf-16-be-bom": lambda t: "\ufeff".encode("utf-16-be") + t.encode("utf-16-be"),
    "utf-16-le-no-bom": lambda t: t.encode("utf-16-le"),
    "utf-32": lambda t: t.encode("utf-32"),
    "utf-8-bom": lambda t: t.encode("utf-8-sig"),
    "crlf": lambda t: t.replace("\n", "\r\n").encode("utf-8"),
    "cr": lambda t: t.replace("\n", "\r").encode("utf-8"),
    "gb18030-crlf": lambda t: t.replace("\n", "\r\n").encode("gb18030"),
}


def _outputs(directory: Path) -> dict[str, object]:
    """What every command produces from the files in *directory* (same names in every directory)."""
    results: dict[str, object] = {}
    for name, argv in (
        ("repair", ["repair", directory / "noisy.txt"]),
        ("repair-keep-lines", ["repair", directory / "noisy.txt", "--keep-lines"]),
        ("split", ["split", directory / "noisy.txt"]),
        ("align", ["align", directory / "clean.txt", directory / "noisy.txt", "--json"]),
        ("eval", ["eval", directory / "gold.json", directory / "out.json", "--json"]),
    ):
        code, out, err = run(*argv)
        assert code == 0, (name, err)
        results[name] = out
    code, out, err = run("learn", "--pair", directory / "clean.txt", directory / "noisy.txt", "-o", directory / "model.json")
    assert code == 0, err
    results["learn"] = (directory / "model.json").read_bytes()
    return results


@pytest.fixture(scope="module")
def utf8_outputs(tmp_path_factory) -> dict[str, object]:
    directory = tmp_path_factory.mktemp("utf8")
    for name, source in (("clean.txt", SEED / "clean.txt"), ("noisy.txt", SEED / "noisy.txt"),
                         ("gold.json", PAGES / "synth-001.gold.json"), ("out.json", PAGES / "synth-002.gold.json")):
        shutil.copy(source, directory / name)
    return _outputs(directory)


@pytest.mark.parametrize("encoding", list(ENCODINGS))
def test_decodable_inputs_give_the_utf8_result(tmp_path: Path, utf8_outputs, encoding: str) -> None:
    encode = ENCODINGS[encoding]
    for name, source in (("clean.txt", SEED / "clean.txt"), ("noisy.txt", SEED / "noisy.txt"),
                         ("gold.json", PAGES / "synth-001.gold.json"), ("out.json", PAGES / "synth-002.gold.json")):
        (tmp_path / name).write_bytes(encode(source.read_text(encoding="utf-8")))
    before = snapshot(tmp_path)
    assert _outputs(tmp_path) == utf8_outputs
    assert_untouched(tmp_path, before, new=("model.json",))


@pytest.mark.parametrize("encoding", ["gb18030", "gbk", "big5", "utf-16", "utf-8-sig"])
@pytest.mark.parametrize("length", [2, 8, 20, 60])
def test_short_texts_decode(encoding: str, length: int) -> None:
    """Detectors guess wrong on short texts (a GBK line read as Korean): the most Chinese reading wins."""
    source = "臺灣的報紙，新聞。今天天氣很好，我們去公園散步。" if encoding == "big5" else (
        SEED / "noisy.txt").read_text(encoding="utf-8").replace("\n", "")
    text = source[:length]
    assert decode_bytes(text.encode(encoding)) == text


# --- empty input ------------------------------------------------------------------------------


@pytest.mark.parametrize("content", [b"", b"   \n\n \t \r\n", "\u3000\n".encode()])
def test_empty_page(work: Path, content: bytes) -> None:
    """Empty (or blank) page: repair prints nothing, split a page without text, align and learn refuse."""
    empty = work / "empty.txt"
    empty.write_bytes(content)
    before = snapshot(work)
    code, out, err = run("repair", empty)
    assert (code, out, err) == (0, "", "")
    code, out, err = run("repair", empty, "--keep-lines")
    assert code == 0 and out.strip() == "" and err == ""
    code, out, err = run("split", empty)
    assert code == 0 and err == ""
    page = json.loads(out)
    assert page["header"] is None and page["changes"] == []
    assert all(not a["title"] and not a["byline"] and not a["blocks"] for a in page["articles"])
    for argv, words in (
        (["align", empty, work / "noisy.txt"], ("clean article is empty",)),
        (["align", work / "clean.txt", empty], ("noisy page is empty",)),
        (["learn", "--pair", empty, work / "noisy.txt"], ("empty",)),
        (["learn", "--pair", work / "clean.txt", empty], ("empty",)),
    ):
        code, out, err = run(*argv)
        assert_one_error_line(code, err, ALIGN, *words)
    code, out, err = run("eval", empty, work / "out.json")
    assert_one_error_line(code, err, INPUT, "not valid JSON")
    assert_untouched(work, before)


def test_empty_page_splits_into_no_articles(work: Path) -> None:
    (work / "empty.txt").write_bytes(b"")
    code, out, err = run("split", work / "empty.txt")
    assert json.loads(out)["articles"] == []


# --- models -----------------------------------------------------------------------------------


def _model_variant(kind: str) -> bytes:
    data = default_model().to_dict()
    if kind == "not-json":
        return b"{not json"
    if kind == "empty":
        return b""
    if kind == "binary":
        return random.Random(5).randbytes(4000) + b"\x00"
    if kind == "json-list":
        return b"[]"
    if kind == "other-schema":
        data["schema"] = "something.else"
    elif kind == "unknown-version":
        data["schema_version"] = 99
    elif kind == "version-as-string":
        data["schema_version"] = "1"
    elif kind == "version-true":
        data["schema_version"] = True
    elif kind == "missing-mechanisms":
        del data["mechanisms"]
    elif kind == "mechanisms-not-a-list":
        data["mechanisms"] = 5
    elif kind == "mechanism-null":
        data["mechanisms"] = [None]
    elif kind == "unknown-codec":
        data["mechanisms"][0]["codec"] = "ebcdic"
    elif kind == "zero-confidence":
        data["mechanisms"][0]["confidence"] = 0
    elif kind == "negative-opportunities":
        data["mechanisms"][0]["opportunities"] = -1
    elif kind == "two-character-family-entry":
        data["mechanisms"][0]["family"][0]["garbled"] = "袁袁"
    elif kind == "unknown-substitution-kind":
        data["substitutions"][0]["kind"] = "magic"
    elif kind == "count-not-a-number":
        data["substitutions"][0]["count"] = "many"
    elif kind == "style-not-a-dict":
        data["style"] = ["%"]
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


MODEL_KINDS = ["not-json", "empty", "binary", "json-list", "other-schema", "unknown-version", "version-as-string",
               "version-true", "missing-mechanisms", "mechanisms-not-a-list", "mechanism-null", "unknown-codec",
               "zero-confidence", "negative-opportunities", "two-character-family-entry", "unknown-substitution-kind",
               "count-not-a-number", "style-not-a-dict"]


@pytest.mark.parametrize("kind", MODEL_KINDS)
def test_bad_model(work: Path, kind: str) -> None:
    model = work / "model.json"
    model.write_bytes(_model_variant(kind))
    expected = INPUT if kind == "binary" else MODEL
    for argv, output in (
        (["repair", work / "noisy.txt", "--model", model, "-o", work / "repaired.txt"], "repaired.txt"),
        (["split", work / "noisy.txt", "--model", model, "-o", work / "split.json"], "split.json"),
        (["align", work / "clean.txt", work / "noisy.txt", "--model", model, "--html", work / "r.html"], "r.html"),
    ):
        before = snapshot(work)
        code, out, err = run(*argv)
        assert_one_error_line(code, err, expected, "model.json")
        assert_untouched(work, before)
        assert not (work / output).exists()
    if kind == "unknown-version":
        assert "schema_version 99" in err


def test_good_model_in_other_encodings_is_read(work: Path) -> None:
    text = default_model().to_json()
    code, reference, err = run("repair", work / "noisy.txt")
    for encoding in ("utf-8-sig", "utf-16", "gb18030"):
        (work / "model.json").write_bytes(text.replace("\n", "\r\n").encode(encoding))
        code, out, err = run("repair", work / "noisy.txt", "--model", work / "model.json")
        assert (code, out) == (0, reference), err


# --- alignment --------------------------------------------------------------------------------


def test_clean_twin_not_in_page(work: Path) -> None:
    other = work / "other.txt"
    other.write_text("这是一篇完全不同的文章，讲的是天气和农业。" * 20, encoding="utf-8")
    before = snapshot(work)
    code, out, err = run("align", other, work / "noisy.txt", "--html", work / "r.html")
    assert_one_error_line(code, err, ALIGN, "not found")
    code, out, err = run("learn", "--pair", work / "clean.txt", work / "noisy.txt", "--pair", other, work / "noisy.txt",
                         "-o", work / "model.json")
    assert_one_error_line(code, err, ALIGN, "not found")
    assert_untouched(work, before)
    assert not (work / "r.html").exists() and not (work / "model.json").exists()


# --- outputs ----------------------------------------------------------------------------------


def _aliases(work: Path, target: Path) -> list[Path]:
    """Other names of *target*: relative, with ``..``, a symlink and a hard link."""
    (work / "sub").mkdir(exist_ok=True)
    link, hard = work / "sub" / f"link-{target.name}", work / "sub" / f"hard-{target.name}"
    if not link.exists():
        link.symlink_to(target)
        os.link(target, hard)
    return [target, work / "sub" / ".." / target.name, link, hard]


def test_output_naming_an_input_is_refused(work: Path, monkeypatch) -> None:
    monkeypatch.chdir(work)
    c, n = work / "clean.txt", work / "noisy.txt"
    for target in (c, n):
        for alias in _aliases(work, target) + [Path(target.name)]:
            argvs = [["learn", "--pair", c, n, "-o", alias], ["align", c, n, "--html", alias]]
            if target == n:
                argvs += [["repair", n, "-o", alias], ["split", n, "-o", alias], ["repair", alias, "-o", n]]
            for argv in argvs:
                before = snapshot(work)
                code, out, err = run(*argv)
                assert_one_error_line(code, err, INPUT, "overwrite the input")
                assert_untouched(work, before)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_output_to_a_device_or_pipe_is_written_into_not_replaced(work: Path) -> None:
    """``-o /dev/null`` or a named pipe: renaming a temporary file over it would replace the device with a file."""
    import threading

    pipe = work / "pipe"
    os.mkfifo(pipe)
    read: list[str] = []
    reader = threading.Thread(target=lambda: read.append(pipe.read_text(encoding="utf-8")), daemon=True)
    reader.start()
    code, out, err = run("repair", work / "noisy.txt", "-o", pipe)
    reader.join(10)
    assert code == 0, err
    assert stat.S_ISFIFO(os.stat(pipe).st_mode)
    assert read and read[0].strip()
    assert not [p for p in work.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("command", ["repair", "split", "learn"])
def test_output_in_a_missing_directory(work: Path, command: str) -> None:
    argv = {"repair": ["repair", work / "noisy.txt"], "split": ["split", work / "noisy.txt"],
            "learn": ["learn", "--pair", work / "clean.txt", work / "noisy.txt"]}[command]
    before = snapshot(work)
    code, out, err = run(*argv, "-o", work / "no" / "such" / "dir" / "out.txt")
    assert_one_error_line(code, err, INPUT, "does not exist")
    assert_untouched(work, before)
    assert not (work / "no").exists()


def test_failed_run_keeps_the_previous_output(work: Path) -> None:
    previous = work / "repaired.txt"
    previous.write_text("the previous result\n", encoding="utf-8")
    before = snapshot(work)
    for argv in (["repair", work / "missing.txt", "-o", previous],
                 ["repair", work / "noisy.txt", "--model", work / "clean.txt", "-o", previous]):
        code, out, err = run(*argv)
        assert code in (INPUT, MODEL)
        assert_untouched(work, before)


def test_atomic_write_cleans_up_after_a_failure(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old\n", encoding="utf-8")

    def fail_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail_replace)
    with pytest.raises(InputError, match="No space left"):
        write_text_atomic(target, "new\n")
    assert target.read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]

    def interrupted(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_text_atomic(target, "new\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]
    monkeypatch.undo()
    with pytest.raises(UnicodeEncodeError):
        write_text_atomic(target, "a lone surrogate \ud800")
    assert target.read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]


def test_output_is_a_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory"):
        write_text_atomic(tmp_path, "text")


def test_output_permissions(tmp_path: Path) -> None:
    """A new output is 0o666 less the umask (not mkstemp's 0o600); a replaced file keeps its mode."""
    umask = os.umask(0o022)
    try:
        write_text_atomic(tmp_path / "new.txt", "x")
        assert stat.S_IMODE((tmp_path / "new.txt").stat().st_mode) == 0o644
        existing = tmp_path / "existing.txt"
        existing.write_text("old", encoding="utf-8")
        existing.chmod(0o640)
        write_text_atomic(existing, "new")
        assert stat.S_IMODE(existing.stat().st_mode) == 0o640
        assert existing.read_text(encoding="utf-8") == "new"
    finally:
        os.umask(umask)


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root can write anywhere")
def test_unwritable_output_directory(work: Path) -> None:
    locked = work / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        code, out, err = run("repair", work / "noisy.txt", "-o", locked / "out.txt")
        assert_one_error_line(code, err, INPUT, "cannot write")
    finally:
        locked.chmod(0o700)


# --- random Unicode ---------------------------------------------------------------------------


def _random_texts() -> list[str]:
    """Fixed random texts over all planes, with control characters, combining marks and Chinese."""
    rng = random.Random(20240607)
    pools = [
        lambda: chr(rng.choice([rng.randrange(0x20, 0xD800), rng.randrange(0xE000, 0x110000)])),
        lambda: chr(rng.choice([*range(1, 0x20), 0x7F, 0x85, 0x2028, 0x2029, 0x200B, 0x200D, 0xFEFF, 0xFFFD])),
        lambda: chr(rng.randrange(0x300, 0x370)),  # combining marks
        lambda: rng.choice("袁遥尧野冶叶曳院渊冤豫，。、“”：（）0123456789 \n服务外包产业发展"),
    ]
    return ["".join(rng.choice(pools)() for _ in range(rng.randrange(1, 400))) for _ in range(6)]


@pytest.mark.parametrize("index", range(6))
def test_random_unicode_pages(work: Path, index: int) -> None:
    text = _random_texts()[index]
    page = work / "random.txt"
    page.write_text(text, encoding="utf-8", newline="")
    before = snapshot(work)
    for argv in (["repair", page], ["repair", page, "--keep-lines"], ["split", page], ["split", page, "--format", "markdown"]):
        code, out, err = run(*argv)
        assert code == 0, err
    code, out, err = run("align", page, work / "noisy.txt")
    assert code in (OK, ALIGN) and (code == OK or err.count("\n") == 1), err
    code, out, err = run("learn", "--pair", work / "clean.txt", page)
    assert code in (OK, ALIGN) and (code == OK or err.count("\n") == 1), err
    code, out, err = run("eval", page, work / "out.json")
    assert_one_error_line(code, err, INPUT)
    assert_untouched(work, before)
    # Repair through the CLI keeps what the library gives: the file is read exactly as written.
    assert read_text(page) == text.replace("\r\n", "\n").replace("\r", "\n")


# --- very large input -------------------------------------------------------------------------


def _clean_prose(size: int) -> str:
    """At least *size* bytes (UTF-8) of real article text, on one line."""
    articles = json.loads(ARTICLES.read_text(encoding="utf-8"))
    body = "".join(b["text"] for a in articles for b in a["blocks"]).replace("\n", "")
    return body * (size // len(body.encode("utf-8")) + 1)


def _nonspace_counts(text: str) -> Counter[str]:
    counts = Counter(text)
    for ch in [ch for ch in counts if ch.isspace()]:
        del counts[ch]
    return counts


def test_twenty_megabyte_single_line(tmp_path: Path) -> None:
    """A 20 MB page on one line: repair and split finish, keeping every character.

    How long they take is a benchmark's figure (BENCHMARKS.md, "Limits: time and memory by input size"), not
    this test's: a timed assertion fails on a loaded machine, not on slower code.
    """
    text = _clean_prose(20 * 1024 * 1024)
    page = tmp_path / "huge.txt"
    page.write_text(text, encoding="utf-8")
    assert page.stat().st_size >= 20 * 1024 * 1024
    for command, output in (("repair", "huge.out.txt"), ("split", "huge.json")):
        code, out, err = run(command, page, "-o", tmp_path / output)
        assert code == 0, err
    repaired = (tmp_path / "huge.out.txt").read_text(encoding="utf-8")
    assert _nonspace_counts(repaired) == _nonspace_counts(text)
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_twenty_megabyte_single_line_of_garbled_print(tmp_path: Path) -> None:
    """The seed page, garbles and all, repeated to 20 MB on one line: repair, then split, each finish.

    The slowest test here (about 14 s per command on 2 cores, 20 s and more at a load of 8); their time is
    BENCHMARKS.md's figure ("Limits"); the timeout (HANG) only stops a hang.
    """
    noisy = (SEED / "noisy.txt").read_text(encoding="utf-8").replace("\n", "")
    size = 20 * 1024 * 1024
    page = tmp_path / "huge.txt"
    page.write_text(noisy * (size // len(noisy.encode("utf-8")) + 1), encoding="utf-8")
    for command in ("repair", "split"):
        proc = subprocess.run([sys.executable, "-m", "textfix", command, str(page), "-o", str(tmp_path / f"out.{command}")],
                              capture_output=True, text=True, timeout=HANG)
        assert proc.returncode == 0, proc.stderr

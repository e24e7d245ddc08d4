"""The OCR chain of corpora/ocr: tiles, scan degradation, twins, and the engines on a small image.

The engine tests skip without Tesseract's chi_sim data or RapidOCR (the ``ocr``
extra; see corpora/ocr/README.md), the image tests without numpy and Pillow,
the rendering test without the Noto CJK fonts.
"""

from __future__ import annotations

import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

OCR = Path(__file__).resolve().parent.parent / "corpora" / "ocr"
sys.path.insert(0, str(OCR))

import make_scans  # noqa: E402  (stdlib at import time)

TEXT = ["今年以来，各地积极落实", "大规模设备更新政策。"]


def test_twin_text_drops_form_feeds_and_ends_with_one_line_end():
    assert make_scans.twin_text("标题\n正文。\n\f\n\n") == "标题\n正文。\n"


def test_check_twin_finds_gold_text_whitespace_ignored():
    gold = {"articles": [{"title": "候鸟归来", "blocks": [{"kind": "paragraph", "text": "初冬时节，江西鄱阳湖畔"}]}]}
    assert make_scans.check_twin("候鸟\n归来\n初冬时节，江西\n鄱阳湖畔\n", gold) == []
    assert make_scans.check_twin("候鸟归来\n初冬时节\n", gold) == ["初冬时节，江西鄱阳湖畔"]


def test_tiles_cut_at_the_lightest_row_and_cover_the_page():
    np = pytest.importorskip("numpy")
    page = np.full((5000, 100), 255, dtype=np.uint8)
    for top in range(0, 5000, 50):  # text lines of 40 rows, gaps of 10
        page[top:top + 40, 10:90] = 0
    cuts = make_scans.tiles(page, height=1600, window=400)
    assert cuts[0][0] == 0 and cuts[-1][1] == 5000
    assert all(a[1] == b[0] for a, b in zip(cuts, cuts[1:]))
    assert all(bottom - top <= 1600 for top, bottom in cuts)
    assert all(page[cut].min() == 255 for _, cut in cuts[:-1])  # every cut in a gap between lines


def test_degrade_is_seeded(tmp_path):
    pytest.importorskip("numpy")
    image_mod = pytest.importorskip("PIL.Image")
    png = tmp_path / "page.png"
    image_mod.new("L", (200, 300), 255).save(png)
    params = make_scans.scan_params(random.Random(4))
    assert params == make_scans.scan_params(random.Random(4))
    assert -1.2 <= params["rotate_deg"] <= 1.2 and 35 <= params["jpeg_quality"] <= 75
    make_scans.degrade(png, tmp_path / "a.jpg", params)
    make_scans.degrade(png, tmp_path / "b.jpg", params)
    assert (tmp_path / "a.jpg").read_bytes() == (tmp_path / "b.jpg").read_bytes()


@pytest.fixture(scope="module")
def text_image(tmp_path_factory) -> Path:
    """Two lines of text in Noto Sans CJK at about 300 dpi, 10 pt."""
    pytest.importorskip("PIL.Image")
    from PIL import Image, ImageDraw, ImageFont

    if not shutil.which("fc-match"):
        pytest.skip("fontconfig not installed")
    font_file = subprocess.run(["fc-match", "-f", "%{file}", "Noto Sans CJK SC"], capture_output=True, text=True).stdout
    if "CJK" not in font_file:
        pytest.skip("Noto CJK fonts not installed (fonts-noto-cjk)")
    font = ImageFont.truetype(font_file, 42)
    img = Image.new("L", (620, 180), 255)
    draw = ImageDraw.Draw(img)
    for i, line in enumerate(TEXT):
        draw.text((30, 30 + 62 * i), line, font=font, fill=0)
    path = tmp_path_factory.mktemp("ocr") / "lines.png"
    img.save(path)
    return path


@pytest.mark.parametrize("engine", make_scans.ENGINES)
def test_engine_reads_two_lines(engine, text_image):
    if not make_scans.have_engine(engine):
        pytest.skip(f"{engine} not installed (corpora/ocr/README.md, Install)")
    from textfix.evaluate import text_cer

    out = make_scans.run_engine(engine, text_image)
    assert text_cer("\n".join(TEXT), out).cer <= 0.1, out


def _measure_module():
    """corpora/ocr/measure.py by its path (corpora/typeset has a measure.py too)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("ocr_measure", OCR / "measure.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_measure_sorts_edits_by_kind():
    measure = _measure_module()

    assert measure.kind_of("）", ")") == "ascii-for-fullwidth"
    assert measure.kind_of("“", '"') == "ascii-for-fullwidth"
    assert measure.kind_of("（", "〈") == "mark-shape"
    assert measure.kind_of("平", "乎") == "look-alike-ideograph"
    assert measure.kind_of("—", "一") == "mark-as-ideograph"
    assert measure.kind_of("6", "b") == "latin-digit"
    # 习近平 read as 习近乎 and a comma as ASCII; the spaces are no edits.
    assert measure.edits("习近平，总书记", "习 近 乎 , 总书记") == [
        ("look-alike-ideograph", "平", "乎"), ("ascii-for-fullwidth", "，", ",")]
    assert measure.edits("一二三", "一三") == [("deleted-ideograph", "二", "")]
    assert measure.spacing("经 济 ， 运行 A B") == {"cjk_spaces": 1, "mark_spaces": 2}

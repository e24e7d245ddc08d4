"""Scanned newspaper pages and what OCR engines read of them, with their clean twins.

    python corpora/ocr/make_scans.py --source realdev-train --count 4 --seed 5 --out /tmp/ocr/train \\
        [--engines tesseract,rapidocr] [--dpi 200,300] [--degrade 0.5] [--columns 1]

Per page, in OUT:

* ``NAME.pdf``, ``NAME.gold.json`` — a typeset page from ``corpora/typeset/make_pages.py``
  (no garble font: the PDF's text layer is the clean text as printed);
* ``NAME.clean.txt`` — the twin: the text layer in content-stream order
  (``pdftotext -raw``, which is document order, every block whole), checked
  against the gold (every gold title and block is in it, whitespace ignored);
* ``NAME.png`` — the page rendered by ``pdftoppm`` at the page's resolution,
  grey; on degraded pages ``NAME.scan.jpg`` — slightly rotated, blurred, with
  grain, saved as JPEG (the "scan" the engines read);
* ``NAME.<engine>.txt`` — what each OCR engine reads of the scan;
* ``MANIFEST.json`` — every page's typesetting and scan parameters.

Everything is drawn from seeded generators (``random.Random(seed)`` for the
page, ``random.Random(seed * 1000 + page)`` for the scan), so a seed gives the
same images; the engines themselves are deterministic on one machine.

Engines (``--engines``):

* ``tesseract`` — ``tesseract IMG - -l chi_sim --psm 6`` (a subprocess; Debian
  ``tesseract-ocr tesseract-ocr-chi-sim``, whose chi_sim config sets
  ``preserve_interword_spaces 1``);
* ``tesseract-spaced`` — the same with ``-c preserve_interword_spaces=0``: a
  space between the engine's "words" of one or a few ideographs, the habit of
  tessdata_best, tesseract.js and OCRmyPDF's PDF text layers (tesseract-ocr
  issues 991, 4031);
* ``rapidocr`` — RapidOCR (``rapidocr-onnxruntime``, PP-OCR models shipped in
  the wheel, runs offline): one line per detected text box, in its order.

Pages of one column by default: ``--psm 6`` reads the page as one block of
lines, so columns side by side would be interleaved line by line.

Real-dev text (``--source realdev-*``) must stay outside the repository: the
script refuses an ``--out`` inside it, as make_pages.py does.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(HERE.parent / "typeset"))
sys.path.insert(0, str(HERE.parent))

ENGINES = ("tesseract", "tesseract-spaced", "rapidocr")


# --------------------------------------------------------------------------- engines


def have_engine(name: str) -> bool:
    """Whether *name* can run here (binary and language data, or the Python package)."""
    if name in ("tesseract", "tesseract-spaced"):
        if not shutil.which("tesseract"):
            return False
        out = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True)
        return "chi_sim" in out.stdout.split()
    if name == "rapidocr":
        try:
            import rapidocr_onnxruntime  # noqa: F401
        except ImportError:
            return False
        return True
    raise ValueError(f"unknown engine {name!r}")


def ocr_tesseract(image: Path, psm: int = 6, *config: str) -> str:
    options = [arg for c in config for arg in ("-c", c)]
    out = subprocess.run(["tesseract", str(image), "-", "-l", "chi_sim", "--psm", str(psm), *options],
                         capture_output=True, text=True, check=True)
    return out.stdout.replace("\f", "")


def ocr_tesseract_spaced(image: Path) -> str:
    """Tesseract without chi_sim's ``preserve_interword_spaces 1``: a space between its "words"
    of one or a few ideographs, as tessdata_best, tesseract.js and OCRmyPDF's PDF text layers give."""
    return ocr_tesseract(image, 6, "preserve_interword_spaces=0")


_RAPID = None


def tiles(pixels: Any, height: int = 1600, window: int = 400) -> list[tuple[int, int]]:
    """Row ranges cutting a tall grey page into tiles of at most *height* rows.

    Each cut is at the lightest row (fewest dark pixels) of the *window* rows
    before the limit: a gap between lines, or on a rotated scan the row that
    crosses the fewest strokes.
    """
    import numpy as np

    dark = (np.asarray(pixels) < 128).sum(axis=1)
    cuts, top, rows = [], 0, len(dark)
    while rows - top > height:
        lo = top + height - window
        cut = lo + int(np.argmin(dark[lo:top + height]))
        cuts.append((top, cut))
        top = cut
    cuts.append((top, rows))
    return cuts


def ocr_rapidocr(image: Path) -> str:
    """RapidOCR on tiles of the page: it shrinks any image to 2000 pixels on its long side
    (``max_side_len``), which leaves a tall newspaper column unreadable."""
    global _RAPID
    import numpy as np
    from PIL import Image

    if _RAPID is None:
        from rapidocr_onnxruntime import RapidOCR

        _RAPID = RapidOCR()
    pixels = np.asarray(Image.open(image).convert("RGB"))
    lines = []
    for top, bottom in tiles(pixels.min(axis=2)):
        result, _ = _RAPID(np.ascontiguousarray(pixels[top:bottom]))
        lines.extend(text for _box, text, _score in (result or []))
    return "".join(line + "\n" for line in lines)


def run_engine(name: str, image: Path) -> str:
    return {"tesseract": ocr_tesseract, "tesseract-spaced": ocr_tesseract_spaced, "rapidocr": ocr_rapidocr}[name](image)


# --------------------------------------------------------------------------- images


def render(pdf: Path, png: Path, dpi: int) -> None:
    """The first page of *pdf* as a grey PNG at *dpi* (poppler's pdftoppm)."""
    stem = png.with_suffix("")
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", "-singlefile", str(pdf), str(stem)], check=True)


def scan_params(rng: random.Random) -> dict[str, Any]:
    """What a scan does to a page: a slight rotation, blur, grain and JPEG quality."""
    return {
        "rotate_deg": round(rng.uniform(-1.2, 1.2), 2),
        "blur_radius": round(rng.uniform(0.3, 0.9), 2),
        "grain_sigma": round(rng.uniform(4.0, 14.0), 1),
        "jpeg_quality": rng.randint(35, 75),
        "noise_seed": rng.randrange(2**31),
    }


def degrade(png: Path, out: Path, params: dict[str, Any]) -> None:
    """Write *png* as a scan would look (*params* from :func:`scan_params`) to *out* (JPEG)."""
    import numpy as np
    from PIL import Image, ImageFilter

    img = Image.open(png).convert("L")
    img = img.rotate(params["rotate_deg"], resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)
    img = img.filter(ImageFilter.GaussianBlur(params["blur_radius"]))
    pixels = np.asarray(img, dtype=np.float32)
    grain = np.random.default_rng(params["noise_seed"]).normal(0.0, params["grain_sigma"], pixels.shape)
    img = Image.fromarray(np.clip(pixels + grain, 0, 255).astype(np.uint8), mode="L")
    img.save(out, format="JPEG", quality=params["jpeg_quality"])


# --------------------------------------------------------------------------- twins


def twin_text(raw: str) -> str:
    """The clean twin from the text layer: form feeds and trailing blank lines gone, one final line end."""
    return raw.replace("\f", "").rstrip() + "\n"


def check_twin(twin: str, gold: dict[str, Any]) -> list[str]:
    """Gold titles and blocks not found in *twin* (whitespace ignored): empty when the twin is right."""
    from textfix.evaluate import squash

    flat = squash(twin)
    for article in gold["articles"]:  # a dateline's byline is printed inside the first paragraph
        printed = squash(article.get("byline_printed") or "")
        if printed and article.get("byline_form") == "dateline":
            flat = flat.replace(printed, "", 1)
    missing = []
    for article in gold["articles"]:
        for text in [article["title"]] + [b["text"] for b in article["blocks"]]:
            if squash(text) not in flat:
                missing.append(text[:30])
    return missing


# --------------------------------------------------------------------------- pages


def make_scan(out: Path, name: str, dpi: int, degraded: bool, seed: int, engines: list[str]) -> dict[str, Any]:
    """Render, maybe degrade and OCR the page ``out/NAME.pdf``; its scan parameters."""
    pdf, png = out / f"{name}.pdf", out / f"{name}.png"
    render(pdf, png, dpi)
    entry: dict[str, Any] = {"dpi": dpi, "scan": None, "image": png.name}
    image = png
    if degraded:
        entry["scan"] = scan_params(random.Random(seed))
        image = out / f"{name}.scan.jpg"
        degrade(png, image, entry["scan"])
        entry["image"] = image.name
    for engine in engines:
        (out / f"{name}.{engine}.txt").write_text(run_engine(engine, image), encoding="utf-8")
    return entry


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--source", required=True, help="realdev-train, realdev-test or a corpora/texts/*.json pool")
    ap.add_argument("--count", type=int, default=4)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--prefix", default="scan")
    ap.add_argument("--engines", default=",".join(ENGINES), help=f"comma-separated, of: {', '.join(ENGINES)}")
    ap.add_argument("--dpi", default="200,300", help="resolutions to draw from (comma-separated)")
    ap.add_argument("--degrade", type=float, default=0.5, help="share of pages degraded as scans (default 0.5)")
    ap.add_argument("--columns", type=int, default=1, help="columns per article (default 1: see --psm 6)")
    ap.add_argument("--articles", type=int, default=None, help="articles per page (default: the page maker's 2-4)")
    args = ap.parse_args(argv)
    engines = [e for e in args.engines.split(",") if e]
    if set(engines) - set(ENGINES):
        ap.error(f"--engines: choose among {', '.join(ENGINES)}")
    missing = [e for e in engines if not have_engine(e)]
    if missing:
        ap.error(f"engine(s) not installed: {', '.join(missing)} (see corpora/ocr/README.md, Install)")
    if args.source.startswith("realdev-") and args.out.resolve().is_relative_to(REPO.resolve()):
        ap.error("pages from real-dev text must not go into the repository: choose --out outside it")
    dpis = [int(d) for d in args.dpi.split(",")]

    import make_pages

    fonts = make_pages.find_fonts()
    pool = [a for a in make_pages.load_articles(args.source) if make_pages.usable(a)]
    rng = random.Random(args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    overrides: dict[str, Any] = {"columns": args.columns, "garble_font": False, "titles": "before"}
    if args.articles:
        overrides["n_articles"] = args.articles
    manifest = []
    for i in range(1, args.count + 1):
        name = f"{args.prefix}-{i:03d}"
        entry = make_pages.make_page(rng, pool, fonts, args.out, name, ["pdftotext-raw"], **overrides)
        raw = args.out / f"{name}.pdftotext-raw.txt"
        twin = twin_text(raw.read_text(encoding="utf-8"))
        raw.unlink()
        gold = json.loads((args.out / f"{name}.gold.json").read_text(encoding="utf-8"))
        lost = check_twin(twin, gold)
        if lost:
            raise RuntimeError(f"{name}: the text layer lacks gold text: {lost[:3]}")
        (args.out / f"{name}.clean.txt").write_text(twin, encoding="utf-8")
        scan_rng = random.Random(args.seed * 1000 + i)
        dpi = scan_rng.choice(dpis)
        degraded = scan_rng.random() < args.degrade
        entry.update(make_scan(args.out, name, dpi, degraded, scan_rng.randrange(2**31), engines))
        manifest.append(entry)
        print(f"{name}: {entry['dpi']} dpi, {'degraded' if degraded else 'clean render'}, "
              f"{len(twin)} characters", file=sys.stderr)
    make_pages.write_manifest(args.out, {"source": args.source, "seed": args.seed, "engines": engines, "pages": manifest})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

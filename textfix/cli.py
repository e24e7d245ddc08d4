"""The ``textfix`` command line: a thin layer over the public API.

Each subcommand parses its arguments and calls one undecorated ``run_*``
function that does the work and returns an exit code.  Any
:class:`~textfix.errors.TextfixError` becomes one ``textfix: error: …`` line
on stderr and the error's exit code — never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from .errors import InputError, TextfixError

EXIT_OK = 0
EXIT_USAGE = 2  # argparse's own code for bad arguments


def _model(path: str | None):
    from .model import default_model, load_model

    return load_model(path) if path else default_model()


def _emit(text: str, output: str | None, inputs: tuple[str, ...]) -> None:
    from .io import write_text_atomic

    if output and output != "-":
        write_text_atomic(output, text, inputs=inputs)
    else:
        sys.stdout.write(text)


def run_align(args: argparse.Namespace) -> int:
    from .align import align
    from .io import read_text

    clean, noisy = read_text(args.clean), read_text(args.noisy)
    result = align(clean, noisy, _model(args.model) if args.model else None)
    if args.html:
        from .io import write_text_atomic
        from .report import alignment_html

        write_text_atomic(args.html, alignment_html(result, args.clean, args.noisy), inputs=(args.clean, args.noisy))
    if args.json:
        sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(_align_summary(result, noisy))
    return EXIT_OK


def _align_summary(result, noisy: str) -> str:
    start, end = result.noisy_span
    first, last = noisy.count("\n", 0, start) + 1, noisy.count("\n", 0, max(start, end - 1)) + 1
    counts = ", ".join(f"{k} {v}" for k, v in result.counts().items() if v)
    subs = result.substitutions().most_common(8)
    lines = [
        f"span: lines {first}–{last} of the page (characters {start}–{end})",
        f"similarity: {result.similarity:.4f}",
        f"differences: {counts or 'none'}",
        f"mechanisms: {', '.join(m.name for m in result.mechanisms) or 'none'}",
        "most frequent substitutions: " + (", ".join(f"{c}→{n} ×{k}" for (c, n), k in subs) or "none"),
    ]
    return "\n".join(lines) + "\n"


def run_learn(args: argparse.Namespace) -> int:
    from .learn import Pair, learn

    pairs = [Pair.from_files(clean, noisy) for clean, noisy in args.pair]
    model = learn(pairs)
    inputs = tuple(p for pair in args.pair for p in pair)
    _emit(model.to_json(), args.output, inputs)
    if args.output and args.output != "-":
        names = ", ".join(r.name for r in model.mechanisms) or "none"
        print(f"learned {len(model.substitutions)} substitutions, mechanisms: {names} → {args.output}", file=sys.stderr)
    return EXIT_OK


def run_repair(args: argparse.Namespace) -> int:
    from .io import read_text
    from .repair import repair

    text = read_text(args.input)
    model = _model(args.model)
    result = repair(text, model)
    out = result.text
    if not args.keep_lines:
        from .split import rejoin

        out = rejoin(text, result, model)
    _emit(out, args.output, (args.input,))
    if args.explain:
        sys.stderr.write(result.explain() + ("\n" if result.changes else ""))
    return EXIT_OK


def run_split(args: argparse.Namespace) -> int:
    import os

    from .formats import render
    from .io import read_text
    from .split import split_page

    text = read_text(args.input)
    source = None if args.input == "-" else os.path.basename(args.input)
    page = split_page(text, _model(args.model), source=source)
    _emit(render(page, args.format), args.output, (args.input,))
    return EXIT_OK


def run_eval(args: argparse.Namespace) -> int:
    from .evaluate import evaluate_files

    score = evaluate_files(args.gold, args.output_json)
    sys.stdout.write(json.dumps(score.to_dict(), ensure_ascii=False) + "\n" if args.json else score.to_text() + "\n")
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="textfix", description="Repair the text of printed Chinese newspaper pages.")
    parser.add_argument("--version", action="version", version=f"textfix {_version()}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("align", help="align a clean article with the noisy page that contains it")
    p.add_argument("clean")
    p.add_argument("noisy")
    p.add_argument("--json", action="store_true", help="print the alignment as one JSON object")
    p.add_argument("--html", metavar="REPORT.html", help="write a side-by-side report")
    p.add_argument("--model", metavar="M", help="a model whose mechanisms also explain garbles")
    p.set_defaults(run=run_align)

    p = sub.add_parser("learn", help="learn a noise model from clean/noisy pairs")
    p.add_argument("--pair", nargs=2, action="append", required=True, metavar=("CLEAN", "NOISY"))
    p.add_argument("-o", "--output", metavar="MODEL.json", help="write the model here (default: stdout)")
    p.set_defaults(run=run_learn)

    p = sub.add_parser("repair", help="repair garbles and spacing; print the page with lines rejoined")
    p.add_argument("input", metavar="FILE|-")
    p.add_argument("--model", metavar="M")
    p.add_argument("-o", "--output", metavar="OUT")
    p.add_argument("--explain", action="store_true", help="list every change on stderr")
    p.add_argument("--keep-lines", action="store_true", help="keep the printed line breaks")
    p.set_defaults(run=run_repair)

    p = sub.add_parser("split", help="split a page into articles")
    p.add_argument("input", metavar="FILE|-")
    p.add_argument("--model", metavar="M")
    p.add_argument("--format", choices=("json", "jsonl", "markdown", "text"), default="json")
    p.add_argument("-o", "--output", metavar="OUT")
    p.set_defaults(run=run_split)

    p = sub.add_parser("eval", help="score a page split against a gold file")
    p.add_argument("gold", metavar="GOLD.json")
    p.add_argument("output_json", metavar="OUT.json")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_eval)
    return parser


def _version() -> str:
    from . import __version__

    return __version__


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except TextfixError as exc:
        print(f"textfix: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("textfix: error: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except (OSError, UnicodeError, MemoryError, RecursionError) as exc:
        print(f"textfix: error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return InputError.exit_code

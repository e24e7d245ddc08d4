"""The ``textfix`` command line: a thin layer over the public API.

Each subcommand parses its arguments and calls one undecorated ``run_*``
function that does the work and returns an exit code.  Any
:class:`~textfix.errors.TextfixError` becomes one ``textfix: error: …`` line
on stderr and the error's exit code — never a traceback.

``repair`` and ``split`` also take many inputs or JSONL streams (the work is
in :mod:`textfix.batch`, :mod:`textfix.workers` and :mod:`textfix.sinks`):
there a failed input or record is reported on one line and skipped, and the
exit code is 6 (``sinks.EXIT_SOME_FAILED``) if any failed.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .errors import InputError, TextfixError

if TYPE_CHECKING:
    from contextlib import AbstractContextManager

    from .batch import Source, Task
    from .sinks import Sink
    from .workers import Executor
    from .model import NoiseModel

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

    if len(args.files) % 2:
        raise TextfixError("learn takes its files in pairs: CLEAN NOISY [CLEAN NOISY …]")
    given = [*(args.pair or []), *zip(args.files[::2], args.files[1::2])]
    if not given:
        raise TextfixError("learn needs at least one pair: CLEAN NOISY, or --pair CLEAN NOISY")
    pairs = [Pair.from_files(clean, noisy) for clean, noisy in given]
    model = learn(pairs)
    inputs = tuple(p for pair in given for p in pair)
    _emit(model.to_json(), args.output, inputs)
    if args.output and args.output != "-":
        names = ", ".join(r.name for r in model.mechanisms) or "none"
        engine = f", OCR confusions: {len(model.engine.confusions)}" if model.engine is not None else ""
        print(f"learned {len(model.substitutions)} substitutions, mechanisms: {names}{engine} → {args.output}", file=sys.stderr)
    return EXIT_OK


def run_repair(args: argparse.Namespace) -> int:
    from .batch import Task

    return _run_pages(args, Task("repair", jsonl=args.jsonl, keep_lines=args.keep_lines, explain=args.explain, layout=args.layout))


def run_split(args: argparse.Namespace) -> int:
    from .batch import Task

    return _run_pages(args, Task("split", jsonl=args.jsonl, fmt=args.format or _format_of(args.output, args.jsonl)))


# -o FILE's extension → split's output format, when --format is not given
FORMAT_OF_EXTENSION = {".json": "json", ".jsonl": "jsonl", ".md": "markdown", ".markdown": "markdown", ".txt": "text"}


def _format_of(output: str | None, jsonl: bool) -> str:
    """The format ``-o out.md`` asks for; json for stdout, a directory, an unknown extension or --jsonl records."""
    import os

    if not output or output == "-" or jsonl or output.endswith(os.sep) or os.path.isdir(output):
        return "json"
    return FORMAT_OF_EXTENSION.get(os.path.splitext(output)[1].lower(), "json")


def _run_pages(args: argparse.Namespace, task: Task) -> int:
    """One page file keeps the one-page behaviour (errors are fatal); anything more is a batch (see textfix.batch)."""
    import os

    from . import batch

    _take_input_from_dask(args)
    if args.dask is not None:  # say now, before any page is read, that Dask is missing
        from .dask import require_dask

        require_dask()
    model = _model(args.model)
    many = batch.names_many(args.inputs) or bool(args.output and os.path.isdir(args.output))
    if not task.jsonl and not many:
        return _run_one_page(args, task, model)
    from .io import AtomicStream  # (a batch's modules imported here: one page, the commonest run, does without them)
    from .progress import make_progress
    from .sinks import run_batch
    from .workers import process_items

    sources = batch.expand_inputs(args.inputs, args.include or (batch.JSONL_INCLUDE if task.jsonl else batch.TEXT_INCLUDE))
    sink = _batch_sink(args, task, sources, many)
    errors = None
    try:
        errors = AtomicStream(args.errors, [s.path for s in sources]) if args.errors else None
        with _executor(args, task, model) as executor:
            results = process_items(batch.iter_items(sources, task.jsonl), task, model, args.jobs, executor)
            progress = make_progress(None if task.jsonl else len(sources), "record" if task.jsonl else "page", not args.quiet)
            return run_batch(results, sink, progress, errors).exit_code
    except BaseException:
        sink.close(ok=False)
        if errors is not None:
            errors.abort()
        raise


def _take_input_from_dask(args: argparse.Namespace) -> None:
    """``--dask pages/*.txt`` makes argparse read the first page as ADDRESS: give it back to the inputs."""
    import re

    value = args.dask
    if value and not re.fullmatch(r"(\w+://)?[\w.\-\[\]:]+:\d+/?|\w+://\S+", value):
        args.inputs.insert(0, value)
        args.dask = ""
    if not args.inputs:
        _default_to_stdin(args)


def _default_to_stdin(args: argparse.Namespace) -> None:
    """No INPUT: read standard input when something is piped in (``cat page | textfix repair``), as ``-`` does.

    A terminal on stdin means the user forgot the input: waiting for typed text
    would look like a hang, so that is a usage error.
    """
    if not _stdin_is_terminal():
        args.inputs.append("-")
        return
    raise TextfixError("no INPUT given: name page files, directories, globs, or - for stdin (or pipe a page in)")


def _stdin_is_terminal() -> bool:
    """True also when there is no usable stdin (closed, or not a file): nothing can be piped in then."""
    stdin = sys.stdin
    try:
        return stdin is None or stdin.closed or stdin.isatty()
    except (AttributeError, OSError, ValueError):
        return True


def _run_one_page(args: argparse.Namespace, task: Task, model: NoiseModel) -> int:
    import os

    from .batch import do_page
    from .io import read_text
    from .pages import PAGE_BREAK

    (path,) = args.inputs
    if path != "-" and args.dask is None:  # a PDF is one process's work: its pages share the font verdict
        from .io import looks_like_pdf

        if looks_like_pdf(path):
            return _run_pdf(args, task, model, path)
    text, source = read_text(path), None if path == "-" else os.path.basename(path)
    if args.dask is not None:  # asked for Dask: the page (or each page of the file) is done there
        with _executor(args, task, model) as executor:
            output, explain = _pages_on_workers(text, task, model, path, args.jobs, executor)
    elif args.jobs > 1 and PAGE_BREAK in text:
        output, explain = _pages_on_workers(text, task, model, path, args.jobs)
    else:
        output, explain = do_page(text, task, model, source)
    _emit(output, args.output, (path,))
    if explain:
        sys.stderr.write(explain + "\n")
    return EXIT_OK


def _run_pdf(args: argparse.Namespace, task: Task, model: NoiseModel, path: str) -> int:
    from .batch import do_pdf

    output, explain = do_pdf(path, task, model)
    _emit(output, args.output, (path,))
    if explain:
        sys.stderr.write(explain + "\n")
    return EXIT_OK


def _pages_on_workers(
    text: str, task: Task, model: NoiseModel, path: str, jobs: int, executor: Executor | None = None
) -> tuple[str, str]:
    """A file of many pages (form feeds) done on *jobs* workers or *executor*, a page each: the same output as in one process.

    A file of one page is one item, done whole as in one process (``do_page``).
    """
    from .batch import InputItem, join_pages, pages_to_do
    from .pages import PAGE_BREAK
    from .workers import process_items

    named = None if path == "-" else path  # the worker names the split's source after it
    if PAGE_BREAK not in text:
        items = [InputItem(0, path, 0, path=named, payload=text)]
    else:
        items = [
            InputItem(n, f"{path}, page {i + 1}", 0, path=named, payload=t, page=(i, offset), furniture=found)
            for n, (i, offset, t, found) in enumerate(pages_to_do(text, task))
        ]
    results = list(process_items(items, task, model, jobs, executor))
    failed = next((r for r in results if not r.ok), None)
    if failed is not None:  # a page of text cannot be bad input: as in one process, it is a bug (exit 1)
        raise RuntimeError(f"{failed.id}: {failed.error}")
    if PAGE_BREAK not in text:
        return results[0].output, results[0].explain
    return join_pages([(r.output, r.explain) for r in results], task)


def _batch_sink(args: argparse.Namespace, task: Task, sources: list[Source], many: bool) -> Sink:
    """-o DIR (one output per input) when there are many inputs, else one stream: -o FILE or stdout."""
    import os

    from .io import AtomicStream
    from .sinks import DirectorySink, StreamSink, plan_outputs

    if args.output and args.output != "-" and (many or args.output.endswith(os.sep)):
        # The directory is made when the first output is written: a batch with nothing to do leaves none.
        return DirectorySink(plan_outputs(sources, task, args.output), sources, task.jsonl)
    if many and not (task.jsonl or task.fmt == "jsonl" and task.kind == "split"):
        raise TextfixError("several inputs: give -o DIR to write one output per input")
    if args.output and args.output != "-":
        return StreamSink(AtomicStream(args.output, [s.path for s in sources]))
    return StreamSink(sys.stdout)


def _executor(args: argparse.Namespace, task: Task, model: NoiseModel) -> AbstractContextManager[Executor | None]:
    """A Dask executor for --dask (a LocalCluster of --jobs workers, or the scheduler at ADDRESS), else none."""
    from contextlib import contextmanager, nullcontext

    if args.dask is None:
        return nullcontext(None)

    @contextmanager
    def dask_executor():
        from .dask import DaskExecutor, connect

        with connect(args.dask or None, workers=args.jobs if args.jobs > 1 else None) as client:
            yield DaskExecutor(client, task, model)

    return dask_executor()


def run_eval(args: argparse.Namespace) -> int:
    from .evaluate import evaluate_files, evaluate_text_files

    if args.keep_whitespace and not args.text:
        raise TextfixError("--keep-whitespace needs --text")
    if args.text:
        score = evaluate_text_files(args.gold, args.output_json, keep_whitespace=args.keep_whitespace)
    else:
        score = evaluate_files(args.gold, args.output_json)
    sys.stdout.write(json.dumps(score.to_dict(), ensure_ascii=False) + "\n" if args.json else score.to_text() + "\n")
    return EXIT_OK


def run_doctor(args: argparse.Namespace) -> int:
    from .doctor import diagnose

    report = diagnose(args.file)
    sys.stdout.write(json.dumps(report.to_dict(), ensure_ascii=False) + "\n" if args.json else report.to_text())
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
    p.add_argument("files", nargs="*", metavar="CLEAN NOISY",
                   help="pairs of a clean twin and its noisy print or OCR text (an engine's model when no codec shift shows)")
    p.add_argument("--pair", nargs=2, action="append", metavar=("CLEAN", "NOISY"))
    p.add_argument("-o", "--output", metavar="MODEL.json", help="write the model here (default: stdout)")
    p.set_defaults(run=run_learn)

    p = sub.add_parser("repair", help="repair garbles and spacing; print the page with lines rejoined", epilog=BATCH_EPILOG)
    _add_batch_arguments(p)
    p.add_argument("--explain", action="store_true", help="list every change on stderr")
    p.add_argument("--keep-lines", action="store_true", help="keep the printed line breaks")
    p.add_argument("--layout", choices=("auto", "print", "paragraphs"), default="auto",
                   help="what the lines are: print-column lines to rejoin, or paragraphs to keep (default: measured)")
    p.set_defaults(run=run_repair)

    p = sub.add_parser("split", help="split a page into articles", epilog=BATCH_EPILOG)
    _add_batch_arguments(p)
    p.add_argument("--format", choices=("json", "jsonl", "markdown", "text"),
                   help="output for page files (default: from -o FILE's extension, .json .jsonl .md .txt, else json); "
                        "with --jsonl each record gets the page as JSON in \"page\"")
    p.set_defaults(run=run_split)

    p = sub.add_parser("eval", help="score a page split against a gold file, or an output text against a gold text")
    p.add_argument("gold", metavar="GOLD.json", help="the gold page (with --text: the gold text)")
    p.add_argument("output_json", metavar="OUT.json", help="the split page (with --text: the output text)")
    p.add_argument("--text", action="store_true",
                   help="plain texts: character error rate of OUT against GOLD, whitespace ignored")
    p.add_argument("--keep-whitespace", action="store_true", help="with --text: spaces and line ends count too")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_eval)

    p = sub.add_parser("doctor", help="report what is wrong with a PDF's or a text file's text layer, page by page")
    p.add_argument("file", metavar="FILE", help="a PDF or a text file (form feeds separate pages)")
    p.add_argument("--json", action="store_true", help="print the report as one JSON object")
    p.set_defaults(run=run_doctor)
    return parser


BATCH_EPILOG = (
    "Many inputs (files, directories, globs, - for stdin) are a batch, written one output per input under -o DIR "
    "in input order. A bad input or record is reported on stderr (and in --errors FILE) and skipped; the exit code "
    'is then 6. With --jsonl each input is JSONL of {"id", "text", ...} records; each output record keeps every '
    'field, text included, and adds "repaired" and "changes" (repair) or "page" (split). A file with form feeds '
    "(as pdftotext writes) is several pages, each laid out on its own; split prints them as a JSON array."
)


def _add_batch_arguments(p: argparse.ArgumentParser) -> None:
    """The arguments repair and split share: inputs, model, output, and how a batch runs."""
    p.add_argument("inputs", nargs="*", metavar="INPUT", help="page files, directories, globs, or - for stdin (the default when a page is piped in)")
    p.add_argument("--model", metavar="M")
    p.add_argument("-o", "--output", metavar="OUT", help="output file; a directory (one output per input) for many inputs")
    p.add_argument("--jsonl", action="store_true", help='inputs are JSONL records {"id", "text", ...}, read as a stream')
    p.add_argument("--include", metavar="GLOB", help="files to take from directories (default *.txt, with --jsonl *.jsonl)")
    p.add_argument("-j", "--jobs", type=_jobs, default=1, metavar="N", help="worker processes, for many inputs or the pages of one file (0: one per core; default 1)")
    p.add_argument("--dask", nargs="?", const="", metavar="ADDRESS",
                   help="run on Dask: the scheduler at ADDRESS (host:port or tcp://host:port), else a LocalCluster of --jobs workers")
    p.add_argument("--errors", metavar="FILE", help="write failed inputs and records here as JSONL {id, error}")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")


def _jobs(value: str) -> int:
    import os

    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if n < 0:
        raise argparse.ArgumentTypeError("must be 0 (one per core) or more")
    return n or (os.cpu_count() or 1)


def _version() -> str:
    from . import __version__

    return __version__


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)

    def one_line(exc: BaseException) -> str:  # a file name or message with a newline must not break the line
        return " ".join(str(exc).split())

    try:
        return args.run(args)
    except TextfixError as exc:
        print(f"textfix: error: {one_line(exc)}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("textfix: error: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except ModuleNotFoundError as exc:  # an install without a package textfix needs: no bug to report
        print(f"textfix: error: a package textfix needs is missing ({one_line(exc)}); "
              "install textfix with pip, which installs what it needs", file=sys.stderr)
        return TextfixError.exit_code
    except (OSError, UnicodeError, MemoryError, RecursionError) as exc:
        print(f"textfix: error: {type(exc).__name__}: {one_line(exc)}", file=sys.stderr)
        return InputError.exit_code
    except Exception as exc:  # a bug in textfix: still one line and exit 1, no traceback unless asked for
        import os

        if os.environ.get("TEXTFIX_DEBUG"):
            raise
        print(f"textfix: error: internal error ({type(exc).__name__}: {one_line(exc)}); "
              "please report it (TEXTFIX_DEBUG=1 shows the traceback)", file=sys.stderr)
        return 1

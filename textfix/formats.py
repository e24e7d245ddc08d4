"""Writing a split page: JSON for programs, JSONL for pipelines, Markdown and text for people."""

from __future__ import annotations

import json

from .pages import PAGE_BREAK
from .split import Page


def render(page: Page, fmt: str) -> str:
    """*page* in format *fmt*: ``json``, ``jsonl``, ``markdown`` or ``text``."""
    return _RENDERERS[fmt](page)


def join_rendered(outputs: list[str], fmt: str) -> str:
    """The rendered pages of a file of several as one output: a JSON array, JSON lines one after
    another, Markdown and text pages separated by form feeds, as the input was."""
    if len(outputs) == 1:
        return outputs[0]
    if fmt == "json":
        return "[\n" + ",\n".join(out.rstrip("\n") for out in outputs) + "\n]\n"
    return ("" if fmt == "jsonl" else PAGE_BREAK).join(outputs)


def to_json(page: Page) -> str:
    return page.to_json()


def to_jsonl(page: Page) -> str:
    """One line per article, each carrying the page's source and header."""
    lines = []
    for index, article in enumerate(page.articles):
        record = {"source": page.source, "header": page.header, "article": index, **article.to_dict()}
        if page.index is not None:
            record = {"page_index": page.index, "offset": page.offset, **record}
        lines.append(json.dumps(record, ensure_ascii=False))
    return "".join(line + "\n" for line in lines)


def to_markdown(page: Page) -> str:
    out = []
    if page.header:
        h = page.header
        out.append(f"<!-- page {h['page']} · {h['section']} {h.get('section_en', '')} -->".replace("  ", " "))
    for article in page.articles:
        out.append(f"# {article.title or '(untitled)'}")
        for block in article.blocks:
            out.append(f"## {block.text}" if block.kind == "heading" else block.text)
        if article.byline:
            out.append(f"*{article.byline}*")
        if article.source_line:
            out.append(article.source_line)
    return "\n\n".join(out) + "\n"


def to_text(page: Page) -> str:
    """The page as plain text, one paragraph a line: what ``split`` reads back into the same articles.

    The header line comes first (without it, a title shaped like a header
    would be read as one), and two blank lines separate articles.
    """
    out = [page.header_line] if page.header_line else []
    for article in page.articles:
        parts = [article.title] if article.title else []
        parts += [b.text for b in article.blocks]
        if article.byline:
            parts.append(f"（{article.byline}）")
        if article.source_line:
            parts.append(article.source_line)
        out.append("\n\n".join(parts))
    return "\n\n\n".join(out) + "\n"


_RENDERERS = {"json": to_json, "jsonl": to_jsonl, "markdown": to_markdown, "text": to_text}

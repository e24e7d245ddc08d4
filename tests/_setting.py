"""Paragraphs set in print lines as WeasyPrint sets them, for pages written by hand in the tests."""

from __future__ import annotations


def set_lines(paragraph: str, width: int = 12, indent: int = 2) -> list[str]:
    """*paragraph* set in lines of *width* characters, the first indented by *indent*; a closing mark
    opens no line: it pulls the character before it onto the next (as WeasyPrint sets them)."""
    lines, room, line = [], width - indent, ""
    for ch in paragraph:
        if len(line) == room:
            carry = line[-1] if ch in "，。、；：？！）”" else ""
            lines.append(line[: len(line) - len(carry)])
            line, room = carry, width
        line += ch
    return lines + [line]

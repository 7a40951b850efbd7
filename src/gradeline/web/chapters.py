"""Narrative chapters: Markdown bodies rendered to HTML with anchored headings, and split into sections."""

import re
from dataclasses import dataclass
from functools import lru_cache

from markdown_it import MarkdownIt

from gradeline.web.text import slug

_HEADING = re.compile(r"^(#{2,6})\s+(.*)$")


@lru_cache(maxsize=1)
def _markdown() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False, "typographer": False})


def render_markdown(body: str) -> str:
    """Markdown to HTML (raw HTML in the source is escaped); headings get ids from their text."""
    md = _markdown()
    tokens = md.parse(body)
    used: set[str] = set()
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            anchor = slug(tokens[index + 1].content)
            while anchor in used:
                anchor += "-2"
            used.add(anchor)
            token.attrSet("id", anchor)
    return str(md.renderer.render(tokens, md.options, {}))


@dataclass(frozen=True)
class Section:
    """A part of a chapter under one heading (the first has no heading)."""

    heading: str
    anchor: str
    text: str


def sections(body: str) -> list[Section]:
    """The chapter's text by heading, with the anchors render_markdown gives those headings."""
    found: list[Section] = []
    heading, anchor = "", ""
    lines: list[str] = []
    used: set[str] = set()
    for line in body.splitlines():
        match = _HEADING.match(line)
        if match:
            if lines:
                found.append(Section(heading, anchor, " ".join(lines)))
            heading, anchor, lines = match.group(2).strip(), slug(match.group(2)), []
            while anchor in used:
                anchor += "-2"
            used.add(anchor)
        elif line.strip():
            lines.append(line.strip().removeprefix("- ").strip())
    if lines:
        found.append(Section(heading, anchor, " ".join(lines)))
    return found

"""Comment Markdown to safe HTML: markdown-it (raw HTML off) and then nh3 with a small allow-list.

Scripts, event-handler attributes, style, iframes and javascript:/data: URLs never survive; links get
rel="nofollow noopener noreferrer ugc".
"""

import nh3
from markdown_it import MarkdownIt

_MD = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable(
    "strikethrough"
)
TAGS = {
    "p",
    "br",
    "em",
    "strong",
    "del",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "a",
    "h3",
    "h4",
    "hr",
}
ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}
SCHEMES = {"http", "https", "mailto"}


def render_comment(text: str) -> str:
    """Safe HTML for a comment's Markdown (headings are demoted so they fit the page outline)."""
    html = _MD.render(text)
    for level in (1, 2, 3, 4, 5, 6):
        target = 3 if level <= 3 else 4
        html = html.replace(f"<h{level}>", f"<h{target}>").replace(f"</h{level}>", f"</h{target}>")
    return nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=SCHEMES,
        link_rel="nofollow noopener noreferrer ugc",
    )

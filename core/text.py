"""Light formatting for text people type: paragraphs, lists and links, nothing else.

Submitters write plain text. Everything is escaped first; blank lines make
paragraphs, lines starting with "- " or "* " make a bulleted list, "1. " a numbered
one, and addresses become links. nh3 then cleans the result against an allow-list,
so no HTML from a user can reach a page even if this code had a bug.
"""

import re

import nh3
from django.utils.html import urlize
from django.utils.safestring import mark_safe

ALLOWED_TAGS = {"p", "br", "ul", "ol", "li", "a"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
BULLET = re.compile(r"^\s*[-*•]\s+")
NUMBER = re.compile(r"^\s*\d{1,3}[.)]\s+")


def _inline(line):
    return urlize(line.strip(), trim_url_limit=60, nofollow=False, autoescape=True)


def _kind(line):
    if BULLET.match(line):
        return "ul"
    if NUMBER.match(line):
        return "ol"
    return "p"


def _block(lines):
    """One block (lines without a blank between) as runs of paragraph and list lines:
    "Results:" followed by "- …" lines is a paragraph and then a list."""
    html, run, kind = [], [], None
    for line in [*lines, None]:
        line_kind = _kind(line) if line is not None else None
        if run and line_kind != kind:
            if kind == "p":
                html.append("<p>" + "<br>".join(_inline(item) for item in run) + "</p>")
            else:
                marker = BULLET if kind == "ul" else NUMBER
                items = "".join(f"<li>{_inline(marker.sub('', item))}</li>" for item in run)
                html.append(f"<{kind}>{items}</{kind}>")
            run = []
        kind = line_kind
        if line is not None:
            run.append(line)
    return "".join(html)


def render_richtext(text):
    if not text:
        return mark_safe("")
    blocks, current = [], []
    for line in str(text).replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if line.strip():
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    html = "".join(_block(block) for block in blocks)
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow ugc",
    )
    return mark_safe(cleaned)  # noqa: S308 - cleaned by nh3 just above


def plain_excerpt(text, length=200):
    """Text for meta descriptions and cards: one line, no markup, cut at a word."""
    lines = (BULLET.sub("", line) for line in str(text or "").splitlines())
    flat = " ".join(" ".join(lines).split())
    if len(flat) <= length:
        return flat
    return flat[:length].rsplit(" ", 1)[0] + "…"

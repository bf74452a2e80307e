"""Show where a deed matched: the original words marked, not their base forms."""

from django.utils.html import escape
from django.utils.safestring import mark_safe

from core.analysis import analyse_word, is_stop_word, words

SNIPPET_WORDS = 32


def _hits(text, terms, language):
    return [
        (
            span,
            bool(analyse_word(word, language).terms & terms) and not is_stop_word(word, language),
        )
        for word, span in words(text)
    ]


def _render(text, marked, start_char=0, end_char=None):
    end_char = len(text) if end_char is None else end_char
    html, position = [], start_char
    for (start, end), hit in marked:
        if not hit or start < start_char or end > end_char:
            continue
        html.append(escape(text[position:start]))
        html.append(f"<mark>{escape(text[start:end])}</mark>")
        position = end
    html.append(escape(text[position:end_char]))
    return "".join(html)


def highlight(text, terms, language):
    """The whole text with matching words in <mark>."""
    text = str(text or "")
    return mark_safe(_render(text, _hits(text, terms, language)))  # noqa: S308 - escaped


def _window(text, marked, size):
    flags = [hit for _, hit in marked]
    # The first window of `size` words with the most hits.
    window = (
        max(range(max(1, len(flags) - size + 1)), key=lambda i: (sum(flags[i : i + size]), -i))
        if marked
        else 0
    )
    last = min(len(marked), window + size) - 1
    start_char = marked[window][0][0] if window else 0
    end_char = marked[last][0][1] if 0 <= last < len(marked) - 1 else len(text)
    prefix = "… " if start_char else ""
    suffix = " …" if end_char < len(text) else ""
    html = _render(text, marked, start_char, end_char)
    return mark_safe(prefix + html + suffix)  # noqa: S308 - every piece escaped in _render


def snippet(texts, terms, language, size=SNIPPET_WORDS):
    """About ``size`` words around the hits of the first text that has any (the
    summary, then the story's sections); without hits, the start of the first text."""
    first = None
    for text in texts:
        text = " ".join(str(text or "").split())
        if not text:
            continue
        marked = _hits(text, terms, language)
        if any(hit for _, hit in marked):
            return _window(text, marked, size)
        first = first or (text, marked)
    return _window(*first, size) if first else mark_safe("")


def mark_matches(deeds, parsed):
    """Give each deed of a result page its highlighted title and a snippet."""
    terms = parsed.all_terms
    for deed in deeds:
        deed.title_html = highlight(deed.title, terms, deed.language)
        deed.snippet_html = snippet(
            [deed.summary, *(text for _n, _l, text in deed.sections)], terms, deed.language
        )

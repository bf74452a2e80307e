"""Reading what someone typed into the search box.

Anything can arrive: quotes, FTS or SQL syntax, emoji, control characters, 500
words. Only analysed terms (letters and digits) ever reach the database's query
language, so there is nothing to escape and nothing that can raise; what cannot be
searched for is left out with a message.
"""

import re
import unicodedata
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.analysis import phrase_variants, query_terms, words
from core.stopwords import ANY_LANGUAGE

MAX_LENGTH = 1000  # characters read from the box
MAX_WORDS = 12  # words (and phrase words) searched for
PHRASE = re.compile(r'"([^"]*)"')


@dataclass
class QueryWord:
    word: str  # lowercase, as typed
    terms: frozenset  # any of these matches


@dataclass
class ParsedQuery:
    text: str
    words: list = field(default_factory=list)
    # Each phrase: its variants (one per language's primary terms), each a term list.
    phrases: list = field(default_factory=list)
    notes: list = field(default_factory=list)

    @property
    def is_empty(self):
        return not self.words and not self.phrases

    @property
    def all_terms(self):
        """Every term that counts as a hit, for highlighting and field ranking."""
        terms = set()
        for word in self.words:
            terms |= word.terms
        for phrase in self.phrases:
            for variant in phrase:
                terms.update(variant)
        return terms

    @property
    def plain_words(self):
        return [w.word for w in self.words]


def _clean(text):
    text = unicodedata.normalize("NFC", str(text or ""))[:MAX_LENGTH]
    # Control and format characters (including zero-width ones) become spaces.
    return "".join(" " if unicodedata.category(ch)[0] == "C" else ch for ch in text)


def parse_query(text):
    text = _clean(text)
    parsed = ParsedQuery(text=" ".join(text.split()))
    budget = MAX_WORDS
    dropped_common, dropped_extra = False, 0

    def usable(tokens):
        nonlocal dropped_common
        kept = [w for w in tokens if w not in ANY_LANGUAGE]
        dropped_common |= len(kept) < len(tokens)
        return kept

    phrase_texts = PHRASE.findall(text)
    rest = PHRASE.sub(" ", text).replace('"', " ")
    for phrase_text in phrase_texts:
        tokens = usable([w for w, _span in words(phrase_text)])
        if len(tokens) > budget:
            dropped_extra += len(tokens) - budget
            tokens = tokens[:budget]
        budget -= len(tokens)
        if len(tokens) == 1:
            parsed.words.append(QueryWord(tokens[0], frozenset(query_terms(tokens[0]))))
        elif tokens:
            parsed.phrases.append(phrase_variants(tokens))
    seen = set()
    for word in usable([w for w, _span in words(rest)]):
        if word in seen:
            continue
        seen.add(word)
        if budget <= 0:
            dropped_extra += 1
            continue
        budget -= 1
        parsed.words.append(QueryWord(word, frozenset(query_terms(word))))

    if dropped_extra:
        parsed.notes.append(
            ngettext(
                "Only the first %(max)d words were used; %(count)d word was left out.",
                "Only the first %(max)d words were used; %(count)d words were left out.",
                dropped_extra,
            )
            % {"max": MAX_WORDS, "count": dropped_extra}
        )
    if parsed.is_empty and text.strip():
        if dropped_common:
            parsed.notes.append(
                _("The search words are too common to search for. Try more specific words.")
            )
        else:
            parsed.notes.append(_("The search has no words to look for. Use letters or numbers."))
    return parsed


def with_words_replaced(parsed, replacements):
    """The same query with some words replaced (typo corrections)."""
    corrected = ParsedQuery(text=parsed.text, phrases=parsed.phrases, notes=[])
    for word in parsed.words:
        new = replacements.get(word.word)
        corrected.words.append(QueryWord(new, frozenset(query_terms(new))) if new else word)
        if new:
            corrected.text = re.sub(rf"(?i)\b{re.escape(word.word)}\b", new, corrected.text)
    return corrected

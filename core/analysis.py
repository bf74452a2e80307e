"""Text analysis for search: the same on deeds and on queries.

Finnish words change shape ("työhyvinvointi", "työhyvinvoinnin", "työhyvinvointia")
and are glued together ("työhyvinvointi" = "työ" + "hyvinvointi"). Each word is
turned into index *terms*: its base forms from Voikko morphology (pyvoikko), plus
the base forms of its compound parts, so that "hyvinvointi" finds "työhyvinvoinnin".
Words Voikko does not know (new words, some names) fall back to a Snowball stem.
Swedish and English text is stemmed with Snowball.

Each word also has one *primary* term (its first base form), used for phrases:
a quoted phrase matches when the primary terms follow each other.

Voikko is slow in pure Python (about a millisecond a word), so analyses are cached
per word; deeds are analysed when they are saved, never when they are read.
"""

import re
from dataclasses import dataclass
from functools import lru_cache

import Stemmer

from core.stopwords import STOP_WORDS

# Letters and digits; underscores and every other character separate words.
WORD = re.compile(r"[^\W_]+")
LANGUAGES = ("fi", "sv", "en")
_STEMMERS = {"fi": "finnish", "sv": "swedish", "en": "english"}
MAX_WORD = 60  # longer "words" are noise (hashes, pasted data); not indexed


@dataclass(frozen=True)
class WordAnalysis:
    primary: str
    bases: frozenset  # base forms (or the stem): what a query word stands for
    terms: frozenset  # bases and the base forms of compound parts: what a text is indexed by


@lru_cache(maxsize=8)
def _stemmer(language):
    return Stemmer.Stemmer(_STEMMERS[language])


def _base(form):
    # Voikko marks lexicalised compound boundaries with "=" ("hyvin=vointi").
    return form.replace("=", "").lower()


def _compound_terms(parts):
    """Every run of consecutive parts: "varhais|kasvatus|yksikkö" gives "varhaiskasvatus"
    and "kasvatusyksikkö" as well as the single parts, so a search for a shorter
    compound finds the longer one."""
    return {"".join(parts[i:j]) for i in range(len(parts)) for j in range(i + 1, len(parts) + 1)}


# Bump when the analysis changes, so analyses stored in the database are redone.
ANALYSER_VERSION = 1
_CACHE_LIMIT = 500_000
_cache = {}


def analyse_word(word, language):
    """Terms of one lowercase word in one language (cached in the process)."""
    key = (word, language)
    found = _cache.get(key)
    if found is None:
        if len(_cache) >= _CACHE_LIMIT:
            _cache.clear()
        found = _cache[key] = _analyse(word, language)
    return found


def cached(word, language):
    return _cache.get((word, language))


@lru_cache(maxsize=1)
def voikko():
    """pyvoikko, imported on first use: importing it loads the Finnish dictionary
    (about 1.3 s), which management commands, the worker and pages without search
    should not pay. App servers load it before taking traffic (tori.runtime.warm_up)."""
    import pyvoikko

    return pyvoikko


def remember(word, language, analysis):
    """Put an analysis made earlier (stored in the database) into the process cache."""
    _cache[(word, language)] = analysis


def _analyse(word, language):
    if language == "fi" and not word.isdigit():
        analyses = voikko().analyse(word)
        if analyses:
            bases = {_base(a.BASEFORM) for a in analyses}
            terms = set(bases)
            for analysis in analyses:
                terms.update(
                    _compound_terms([_base(p.BASEFORM) for p in analysis.COMPOUND_PARTS or ()])
                )
            return WordAnalysis(_base(analyses[0].BASEFORM), frozenset(bases), frozenset(terms))
    stem = word if word.isdigit() else _stemmer(language).stemWord(word)
    return WordAnalysis(stem, frozenset({stem}), frozenset({stem}))


def words(text):
    """Lowercase words of a text, with their character spans (for highlighting)."""
    for match in WORD.finditer(text or ""):
        word = match.group().lower()
        if len(word) <= MAX_WORD:
            yield word, match.span()


def is_stop_word(word, language):
    return word in STOP_WORDS[language]


@dataclass
class AnalysedText:
    terms: list  # every term of every word, in order (duplicates kept: cheap, simple)
    primary: list  # one primary term per word, in order, for phrases


def analyse_text(text, language):
    terms, primary = [], []
    for word, _span in words(text):
        if is_stop_word(word, language):
            continue
        analysis = analyse_word(word, language)
        primary.append(analysis.primary)
        terms.extend(sorted(analysis.terms))
    return AnalysedText(terms, primary)


def query_terms(word):
    """Every term a query word could stand for, in any of the content languages.

    A query has no language of its own ("Liminka", "kotihoito", "hemvård"), so the
    word is analysed as Finnish, Swedish and English and any of the results may match.
    Only base forms: the index holds compound parts, so "hyvinvointi" finds
    "työhyvinvoinnin", but "työhyvinvointi" must not find every text about "työ".
    """
    terms = set()
    for language in LANGUAGES:
        terms |= analyse_word(word, language).bases
    return terms


def phrase_variants(phrase_words):
    """A phrase as primary terms, once per content language (duplicates dropped)."""
    variants = {
        tuple(analyse_word(word, language).primary for word in phrase_words)
        for language in LANGUAGES
    }
    return [list(variant) for variant in sorted(variants)]

"""Word analyses kept in the database between processes (see StoredAnalysis)."""

from core.analysis import ANALYSER_VERSION, MAX_WORD, WordAnalysis, analyse_word, cached, remember

from .models import StoredAnalysis

BATCH = 900  # below SQLite's limit of variables per statement, with room to spare


def warm(word_languages):
    """Make sure these (word, language) pairs are analysed, asking Voikko only for
    words no process has analysed before; new analyses are stored for the next one."""
    missing = {
        (w, lang) for w, lang in word_languages if len(w) <= MAX_WORD and cached(w, lang) is None
    }
    by_language = {}
    for word, language in missing:
        by_language.setdefault(language, []).append(word)
    for language, words in by_language.items():
        for start in range(0, len(words), BATCH):
            rows = StoredAnalysis.objects.filter(
                version=ANALYSER_VERSION, language=language, word__in=words[start : start + BATCH]
            ).values_list("word", "primary", "bases", "terms")
            for word, primary, bases, terms in rows:
                remember(
                    word,
                    language,
                    WordAnalysis(primary, frozenset(bases.split()), frozenset(terms.split())),
                )
                missing.discard((word, language))
    new = []
    for word, language in missing:
        analysis = analyse_word(word, language)
        new.append(
            StoredAnalysis(
                version=ANALYSER_VERSION,
                language=language,
                word=word,
                primary=analysis.primary[:120],
                bases=" ".join(sorted(analysis.bases)),
                terms=" ".join(sorted(analysis.terms)),
            )
        )
    StoredAnalysis.objects.bulk_create(new, batch_size=1000, ignore_conflicts=True)
    return len(new)

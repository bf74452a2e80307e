"""The search index: analysed text of published deeds, and its vocabulary.

``SearchEntry`` holds one published deed's text after analysis (terms separated by
spaces). The database's own full-text engine indexes it: an FTS5 table kept in step
by triggers on SQLite, generated tsvector columns with GIN indexes on PostgreSQL
(migration 0002). Both index exactly these terms, so both find the same deeds.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from deeds.models import Deed


class SearchEntry(models.Model):
    deed = models.OneToOneField(
        Deed, primary_key=True, on_delete=models.CASCADE, related_name="search_entry"
    )
    language = models.CharField(max_length=2)
    title = models.TextField()
    summary = models.TextField()
    body = models.TextField()
    # Organisation, partners, unit, places and tags, in every language they have.
    meta = models.TextField()
    # One primary term per word of title, summary and body, in order: for phrases.
    phrase = models.TextField()
    # Distinct lowercase words as written, for the vocabulary (see SearchVocabulary).
    words = models.TextField()
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("search index entry")
        verbose_name_plural = _("search index entries")

    def __str__(self):
        return str(self.deed_id)


class SearchVocabulary(models.Model):
    """How many published deeds contain each word (as written) and each term.

    Words give "Did you mean …" suggestions for typos; terms tell how distinctive a
    term is when looking for related deeds. Kept up to date as deeds are indexed.
    """

    WORD, TERM = "w", "t"
    kind = models.CharField(max_length=1, choices=[(WORD, "word"), (TERM, "term")])
    token = models.CharField(max_length=60)
    deeds = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("search vocabulary entry")
        verbose_name_plural = _("search vocabulary")
        constraints = [
            models.UniqueConstraint(fields=["kind", "token"], name="search_vocabulary_unique")
        ]

    def __str__(self):
        return f"{self.kind}:{self.token}"


class StoredAnalysis(models.Model):
    """A word's analysis, kept so that a new process or a rebuild need not ask Voikko
    again (about a millisecond a word in pure Python) for words seen before."""

    version = models.PositiveSmallIntegerField()
    language = models.CharField(max_length=2)
    word = models.CharField(max_length=60)
    primary = models.CharField(max_length=120)
    bases = models.TextField()
    terms = models.TextField()

    class Meta:
        verbose_name = _("stored word analysis")
        verbose_name_plural = _("stored word analyses")
        constraints = [
            models.UniqueConstraint(
                fields=["version", "language", "word"], name="search_storedanalysis_unique"
            )
        ]

    def __str__(self):
        return f"{self.language}:{self.word}"

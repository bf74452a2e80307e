"""Word analyses outlive the process that made them (search/word_store.py)."""

import pytest
from django.core.management import call_command

from core import analysis
from search.models import StoredAnalysis
from tests.deeds.factories import DeedFactory

pytestmark = pytest.mark.django_db


def test_a_new_process_reuses_stored_analyses_instead_of_voikko(monkeypatch, capsys):
    # Earlier tests may have analysed these words in this process (and rolled back
    # their stored rows), so start from an empty memory as a new process would.
    monkeypatch.setattr(analysis, "_cache", {})
    DeedFactory(title="Työhyvinvoinnin kehittäminen kotihoidossa")
    assert StoredAnalysis.objects.filter(word="työhyvinvoinnin", language="fi").exists()
    stored = StoredAnalysis.objects.get(word="kotihoidossa", language="fi")
    assert stored.primary == "kotihoito" and "hoito" in stored.terms.split()

    # A fresh process: nothing in memory, and Voikko must not be needed for known words.
    monkeypatch.setattr(analysis, "_cache", {})

    def no_voikko(word, language):
        raise AssertionError(f"analysed again: {word}")

    monkeypatch.setattr(analysis, "_analyse", no_voikko)
    call_command("rebuild_search_index", verbosity=0)
    assert "Indexed 1 published deeds" in capsys.readouterr().out


def test_a_new_analyser_version_analyses_again(monkeypatch):
    DeedFactory(title="Etätyöhön siirtyminen")
    monkeypatch.setattr(analysis, "_cache", {})
    monkeypatch.setattr("search.word_store.ANALYSER_VERSION", analysis.ANALYSER_VERSION + 1)
    call_command("rebuild_search_index", verbosity=0)
    assert StoredAnalysis.objects.filter(
        word="etätyöhön", version=analysis.ANALYSER_VERSION + 1
    ).exists()

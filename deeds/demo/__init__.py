"""Fictional demo data for Tekojen tori: ``manage.py seed_demo``.

``generator.seed`` is the entry point. The text corpora (``corpus_*.py``) and the
sentence frames (``pack_*.py``) are Finnish and Swedish; ``plan.py`` and ``tags.py``
hold the distributions the programme's reports describe.
"""

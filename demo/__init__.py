"""Fictional demo data for Tekojen tori: ``manage.py seed_demo``.

The demo app seeds every other app and is imported by none of them (a leaf above the
domain apps), so no domain app carries fixtures. ``generator.seed`` writes the
organisations and deeds, ``recognition.seed_recognition`` the campaigns, results,
galas and highlights. The text corpora and the sentence frames (``corpus/``) are
Finnish and Swedish; ``plan.py`` and ``tags.py`` hold the distributions the
programme's reports describe.
"""

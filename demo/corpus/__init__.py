"""The demo stories' text: topic corpora (``corpus_*.py``), built from the blocks in
``parts.py``, and the Finnish and Swedish sentence frames that join them
(``pack_fi.py``, ``pack_sv.py``)."""

"""Finnish alphabetical order that both databases agree on.

Finnish sorts å, ä and ö after z (A–Ö), treats w as v and ü as y. Neither SQLite's
binary order nor a PostgreSQL server's locale can be relied on for that, so the
key is computed in Python at write time and stored as a string of two-digit codes:
digits compare the same way in every collation, so ``ORDER BY sort_key`` gives the
same A–Ö order on SQLite and PostgreSQL.
"""

import unicodedata

_ALPHABET = "0123456789abcdefghijklmnopqrstuvxyzåäö"
_CODES = {ch: f"{i + 10:02d}" for i, ch in enumerate(_ALPHABET)}
_FOLD = {"w": "v", "ü": "y", "æ": "ä", "ø": "ö", "ß": "s"}
_SPACE = "01"
KEY_LENGTH = 120  # 60 characters decide the order; longer titles tie-break on id


def finnish_sort_key(text: str) -> str:
    codes = []
    for ch in (text or "").strip().lower():
        ch = _FOLD.get(ch, ch)
        if ch not in _CODES:
            # Strip accents that Finnish ignores (é -> e) but keep å, ä, ö whole.
            base = unicodedata.normalize("NFD", ch)[0]
            ch = _FOLD.get(base, base)
        code = _CODES.get(ch)
        if code:
            codes.append(code)
        elif ch.isspace() and codes and codes[-1] != _SPACE:
            codes.append(_SPACE)
    return "".join(codes)[:KEY_LENGTH]

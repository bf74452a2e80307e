"""Secret links in emails: ``<id>.<HMAC(SECRET_KEY, purpose, id, salt)>``.

Only the salt is stored, so the database alone opens nothing; every email can
repeat the same link; a new salt makes old links stop working. ``purpose`` keeps a
link made for one thing (a draft) from opening another (an invitation).

Links are signed with ``SECRET_KEY`` and also open when made with one of
``SECRET_KEY_FALLBACKS``, so rotating the key (old one moved to the fallbacks) does
not break every link already in someone's inbox; removing the old key does.
"""

import hmac

from django.conf import settings


def link_signature(purpose, pk, salt, key=None):
    message = f"{purpose}:{pk}:{salt}".encode()
    key = settings.SECRET_KEY if key is None else key
    return hmac.new(key.encode(), message, "sha256").hexdigest()[:40]


def link_token(purpose, obj, salt):
    return f"{obj.pk}.{link_signature(purpose, obj.pk, salt)}"


def _signature_matches(signature, purpose, pk, salt):
    keys = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    # Compare against every key without stopping early, like Django's signer.
    return any(
        [hmac.compare_digest(signature, link_signature(purpose, pk, salt, key)) for key in keys]
    )


def object_by_token(queryset, purpose, token, salt_of):
    """The object a token was made for, or None for anything forged or outdated."""
    pk, _, signature = str(token).partition(".")
    # isdecimal() alone accepts other scripts' digits; 18 digits fit a 64-bit id.
    if not (pk.isascii() and pk.isdecimal()) or len(pk) > 18:
        return None
    obj = queryset.filter(pk=int(pk)).first()
    if obj is None or not _signature_matches(signature, purpose, obj.pk, salt_of(obj)):
        return None
    return obj

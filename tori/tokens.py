"""Secret links in emails: ``<id>.<HMAC(SECRET_KEY, purpose, id, salt)>``.

Only the salt is stored, so the database alone opens nothing; every email can
repeat the same link; a new salt makes old links stop working. ``purpose`` keeps a
link made for one thing (a draft) from opening another (an invitation).
"""

import hmac

from django.conf import settings


def link_signature(purpose, pk, salt):
    message = f"{purpose}:{pk}:{salt}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, "sha256").hexdigest()[:40]


def link_token(purpose, obj, salt):
    return f"{obj.pk}.{link_signature(purpose, obj.pk, salt)}"


def object_by_token(queryset, purpose, token, salt_of):
    """The object a token was made for, or None for anything forged or outdated."""
    pk, _, signature = str(token).partition(".")
    # isdecimal() alone accepts other scripts' digits; 18 digits fit a 64-bit id.
    if not (pk.isascii() and pk.isdecimal()) or len(pk) > 18:
        return None
    obj = queryset.filter(pk=int(pk)).first()
    if obj is None or not hmac.compare_digest(
        signature, link_signature(purpose, obj.pk, salt_of(obj))
    ):
        return None
    return obj

"""Editor-entered names in several languages (name_fi, name_sv, name_en).

The active language wins; otherwise Finnish, then Swedish, then English: every
label and organisation has a Finnish name, most a Swedish one.

Also ``days``, the one wording of a number of days that retention periods use.
"""

from django.utils.translation import get_language, ngettext

FALLBACK = ("fi", "sv", "en")


def language_order(language=None):
    current = (language or get_language() or "fi")[:2]
    return (current, *(code for code in FALLBACK if code != current))


def localized_with_language(obj, field="name", language=None):
    """``(text, language code)`` of the text shown: the code is the language the text
    is really in, which differs from the page's after a fallback; templates mark it
    with ``lang`` (WCAG 2.1 SC 3.1.2, language of parts). ``("", "")`` when empty.

    Two shapes of staff-entered texts: ``name_fi``/``name_sv``/``name_en``, or a plain
    ``name`` holding the Finnish text beside ``name_sv``/``name_en`` (recognition's)."""
    for code in language_order(language):
        key = f"{field}_{code}"
        if isinstance(obj, dict):
            value = obj.get(key, "")
        else:
            value = getattr(obj, key, None)
            if value is None and code == FALLBACK[0]:
                value = getattr(obj, field, "")
        if value:
            return value, code
    return "", ""


def localized(obj, field="name", language=None):
    return localized_with_language(obj, field, language)[0]


class LocalizedNameMixin:
    """For models with name_fi/name_sv/name_en: ``obj.name`` in the active language."""

    @property
    def name(self):
        return localized(self)

    def __str__(self):
        return self.name


def days(n):
    """ "90 days" in the active language: the privacy notice's retention periods, which
    each app's privacy module writes (docs/privacy.md)."""
    return ngettext("%(n)s day", "%(n)s days", n) % {"n": n}

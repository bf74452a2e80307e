"""Editor-entered names in several languages (name_fi, name_sv, name_en).

The active language wins; otherwise Finnish, then Swedish, then English: every
label and organisation has a Finnish name, most a Swedish one.
"""

from django.utils.translation import get_language

FALLBACK = ("fi", "sv", "en")


def language_order(language=None):
    current = (language or get_language() or "fi")[:2]
    return (current, *(code for code in FALLBACK if code != current))


def localized(obj, field="name", language=None):
    for code in language_order(language):
        value = (
            getattr(obj, f"{field}_{code}", "")
            if not isinstance(obj, dict)
            else obj.get(f"{field}_{code}", "")
        )
        if value:
            return value
    return ""


class LocalizedNameMixin:
    """For models with name_fi/name_sv/name_en: ``obj.name`` in the active language."""

    @property
    def name(self):
        return localized(self)

    def __str__(self):
        return self.name

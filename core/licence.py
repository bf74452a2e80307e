"""The licence the portal publishes deeds under (CC BY 4.0), in one place for the
footer, deed pages, feeds and the share form's agreement."""

from django.utils.translation import get_language

NAME = "CC BY 4.0"
URL = "https://creativecommons.org/licenses/by/4.0/"
# Creative Commons has its summary ("deed") in Finnish, Swedish and English.
DEED_LANGUAGES = ("fi", "sv", "en")


def deed_url(language=None):
    """The human-readable summary of the licence in the page's language."""
    language = (language or get_language() or "fi")[:2]
    return f"{URL}deed.{language if language in DEED_LANGUAGES else 'en'}"

from django import template
from django.conf import settings
from django.utils.translation import get_language

from core.formguard import started_token

register = template.Library()


@register.inclusion_tag("newsletter/_footer_form.html")
def newsletter_footer_form():
    """The short subscribe form at the foot of every page: the address and consent; the
    language is the page's and the choice the whole newsletter (the newsletter page has
    the rest). It reads nothing from the database, so it adds no query to any page."""
    return {
        "started": started_token(),
        "language": (get_language() or settings.LANGUAGE_CODE)[:2],
    }

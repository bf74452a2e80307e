"""Staff-entered recognition texts (campaigns, galas, highlights, results) in the page's
language with a fallback to Finnish: ``{{ campaign|tr:"name" }}`` is the text and
``{{ campaign|tr_lang:"name" }}`` its language, for a ``lang`` attribute."""

from django import template

from recognition.models import translated

register = template.Library()


@register.filter
def tr(obj, field):
    return translated(obj, field)[0]


@register.filter
def tr_lang(obj, field):
    return translated(obj, field)[1]

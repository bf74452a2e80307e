from django import template
from django.templatetags.static import static
from django.utils.formats import number_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from core import licence
from core.i18n import FALLBACK, localized_with_language
from core.text import plain_excerpt, render_richtext

register = template.Library()


@register.simple_tag
def icon(name, css_class="icon", label=""):
    """An icon from the vendored Suomi.fi sprite; decorative unless given a label."""
    href = static("vendor/suomifi-icons/sprite.svg") + "#" + name
    if label:
        return format_html(
            '<svg class="{}" role="img" aria-label="{}"><use href="{}"></use></svg>',
            css_class,
            label,
            href,
        )
    return format_html(
        '<svg class="{}" aria-hidden="true" focusable="false"><use href="{}"></use></svg>',
        css_class,
        href,
    )


@register.filter
def richtext(text):
    return render_richtext(text)


@register.filter
def excerpt(text, length=200):
    return plain_excerpt(text, int(length))


@register.simple_tag
def listing_query(listing, **changes):
    """The current list address with some parameters changed: {% listing_query listing page=2 %}."""
    return listing.query_string(**changes)


@register.filter
def page_range(paginator, number):
    """Page numbers around the current one, with None for a gap: 1 … 4 5 6 … 20."""
    return [
        n if isinstance(n, int) else None
        for n in paginator.get_elided_page_range(number, on_each_side=2, on_ends=1)
    ]


@register.simple_tag
def query_with(query, **changes):
    """A QueryDict's query string with some parameters replaced."""
    query = query.copy()
    for key, value in changes.items():
        query[key] = value
    return query.urlencode()


@register.filter
def control(field):
    """A form field's widget tied to its help text and error message for screen readers
    (WCAG 2.1 SC 1.3.1 and 3.3.1: the error is announced with the field)."""
    described = []
    if field.help_text:
        described.append(f"{field.auto_id}_help")
    if field.errors:
        described.append(f"{field.auto_id}_error")
    attrs = {"aria-describedby": " ".join(described)} if described else {}
    if field.errors:
        attrs["aria-invalid"] = "true"
    return field.as_widget(attrs=attrs)


@register.filter
def option_control(choice):
    """One radio button or checkbox of a group, without the aria-invalid Django gives
    each option: the group's fieldset carries the mark once (one mark per mistake)."""
    attrs = {k: v for k, v in choice.data["attrs"].items() if k != "aria-invalid"}
    context = {"widget": {**choice.data, "attrs": attrs, "wrap_label": False}}
    return choice.parent_widget._render(choice.template_name, context, choice.renderer)


@register.simple_tag
def licence_url():
    """The content licence's summary in the page's language (core/licence.py)."""
    return licence.deed_url()


@register.simple_tag
def facet_choices(name, options):
    """The checkboxes of one filter group, with their counts.

    Built here rather than in a template loop: a list page has about a hundred of
    them, and the loop took a third of the page's rendering time.
    """
    return format_html_join(
        "",
        '<li class="facet__option"><input type="checkbox" id="f-{0}-{1}" name="{0}"'
        ' value="{1}"{2}><label for="f-{0}-{1}">{3} <span class="facet__count">{4}'
        '<span class="visually-hidden"> {5}</span></span></label></li>',
        (
            (
                name,
                option.key,
                mark_safe(" checked") if option.selected else "",
                option.label,
                number_format(option.count, force_grouping=True),
                option.count_text,
            )
            for option in options
        ),
    )


@register.filter
def shown_language(obj, field="name"):
    """The language code of ``obj``'s text as shown in the active language, for a ``lang``
    attribute (WCAG 2.1 SC 3.1.2): ``lang="{{ organisation|shown_language }}"``,
    ``lang="{{ campaign|shown_language:'description' }}"``.

    Staff-entered texts fall back to Finnish when the page's language is missing, so
    the code is the fallback's. A plain field without a ``_fi`` twin (``name`` beside
    ``name_sv``, or alone) holds Finnish, the service's first language.
    """
    if obj is None:
        return FALLBACK[0]
    return localized_with_language(obj, field)[1] or FALLBACK[0]


@register.simple_tag
def lang_attr(code):
    """`` lang="sv"`` when a text's language differs from the page's, else nothing:
    ``<a href="…"{% lang_attr organisation|shown_language %}>`` keeps markup unchanged
    where the languages agree."""
    if code and code != (get_language() or "")[:2]:
        return format_html(' lang="{}"', code)
    return ""


class GroupedCount(int):
    """A count that prints with the language's thousands separator (1 234 in Finnish
    and Swedish, 1,234 in English) yet stays a number, so that
    ``{% blocktranslate count counter=total|thousands %}`` still picks the plural form.

    Django groups digits only with USE_THOUSAND_SEPARATOR, which would also group
    years (2 026) and ids written into forms; this groups just the counts it wraps.
    """

    def __str__(self):
        return number_format(int(self), force_grouping=True)


@register.filter
def thousands(value):
    """Counts on every page: ``{{ total|thousands }}`` (the same as humanize's
    ``intcomma``, which cannot feed a plural form)."""
    try:
        return GroupedCount(value)
    except (TypeError, ValueError):
        return value

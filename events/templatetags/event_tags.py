from django import template

from events.display import event_when, moment

register = template.Library()


@register.filter
def when(event):
    """ "ti 9.3.2027 klo 9.00–11.00" in Finnish time."""
    return event_when(event)


@register.filter
def at(value):
    """ "ti 9.3.2027 klo 9.00" in Finnish time."""
    return moment(value) if value else ""

from django import template

from audit import labels

register = template.Library()


@register.filter
def action_label(action):
    return labels.action_label(action)


@register.filter
def actor_label(entry):
    return labels.actor_label(entry)

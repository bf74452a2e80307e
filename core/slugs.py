"""URL slugs from Finnish and Swedish names: "Hämeenkyrön kunta" -> "hameenkyron-kunta"."""

from django.utils.text import slugify

MAX_LENGTH = 80


def unique_slug(instance, text, *, field="slug", max_length=MAX_LENGTH):
    base = slugify(text, allow_unicode=False)[:max_length].strip("-") or "x"
    model = type(instance)
    others = model._default_manager.all()
    if instance.pk:
        others = others.exclude(pk=instance.pk)
    slug, n = base, 2
    while others.filter(**{field: slug}).exists():
        suffix = f"-{n}"
        slug = f"{base[: max_length - len(suffix)]}{suffix}"
        n += 1
    return slug

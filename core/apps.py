from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Helpers every app may use: text, collation, slugs, signed links, rate limits,
    languages, Finnish word analysis, share cards, SVG charts, template tags. Imports no
    app of the project (tests/tori/test_layers.py)."""

    name = "core"
    verbose_name = "Core"

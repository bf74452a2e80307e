from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language


def site(request):
    """What base.html needs on every page: site address and language switch links."""
    current = get_language()
    path = request.get_full_path()
    languages = [
        {"code": code, "name": name, "url": translate_url(path, code), "current": code == current}
        for code, name in settings.LANGUAGES
    ]
    return {
        "SITE_URL": settings.SITE_URL,
        "site_languages": languages,
        "canonical_url": settings.SITE_URL + request.path,
    }

from django.shortcuts import render

from search.related import similar_deed_ids

from .index import get_catalogue
from .views import deeds_in_order

MAX_TEXT = 2000


def similar(request):
    """Possibly similar published deeds for a title and summary being typed.

    An htmx fragment for the share form ("Is this the same as …?"); also usable
    without JavaScript as a plain page listing the candidates.
    """
    text = " ".join(request.GET.get(name, "")[:MAX_TEXT] for name in ("title", "summary"))
    ids = similar_deed_ids(text, get_catalogue()) if text.strip() else []
    return render(request, "search/_fragment_similar.html", {"similar": deeds_in_order(ids)})

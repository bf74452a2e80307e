from django.shortcuts import render

from .finder import clean_query, find_organisations

FINDER_OPTIONS = 10  # the share form's combobox: a short list to arrow through


def organisation_find(request):
    """Options for the share form's organisation combobox (an htmx fragment).

    The combobox's input is the form field itself, so htmx sends its value as
    ``organisation_name``; ``q`` serves any other caller.
    """
    q = request.GET.get("q") or request.GET.get("organisation_name") or ""
    found = find_organisations(clean_query(q), limit=FINDER_OPTIONS) if q.strip() else []
    context = {"found": found, "q": clean_query(q), "listbox_id": "organisation-options"}
    return render(request, "organisations/_finder_options.html", context)

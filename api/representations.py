"""JSON shapes of the open data API (plain functions: no framework needed for reads)."""

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from core.i18n import localized


def names(obj, languages=("fi", "sv", "en")):
    return {
        code: getattr(obj, f"name_{code}", "")
        for code in languages
        if getattr(obj, f"name_{code}", "")
    }


def when(value):
    return timezone.localtime(value).isoformat() if value else None


def absolute(path):
    return settings.SITE_URL + path


# Text fields the summary needs from the database; everything else about a published
# deed (organisation, places, tags) is already in the in-memory catalogue.
SUMMARY_FIELDS = ("id", "title", "summary", "slug", "kind", "published_at")
# What a search snippet may quote, besides the summary.
SNIPPET_FIELDS = ("language", "background", "description", "implementation", "results", "tips")


def _choice(choice, key_name, language):
    return {key_name: choice.key, "name": choice.label(language)} if choice else None


def deed_summary(values, catalogue, language):
    """A published deed's list entry from its text fields and the catalogue."""
    row = catalogue.row_of(values["id"])
    columns = catalogue.columns

    def single(name):
        found = columns[name].values_of(row)
        return found[0] if found else None

    def many(name):
        return [_choice(c, "slug", language) for c in columns[name].values_of(row)]

    path = reverse("deeds:detail", kwargs={"pk": values["id"], "slug": values["slug"] or "-"})
    return {
        "id": values["id"],
        "title": values["title"],
        "summary": values["summary"],
        "organisation": _choice(single("organisation"), "slug", language),
        "municipality": _choice(single("municipality"), "code", language),
        "region": _choice(single("region"), "code", language),
        "sectors": many("sector"),
        "themes": many("theme"),
        "customer_groups": many("customer_group"),
        "kind": values["kind"],
        "published_at": when(values["published_at"]),
        "url": absolute(path),
    }


def deed_full(deed, catalogue, language):
    values = {name: getattr(deed, "pk" if name == "id" else name) for name in SUMMARY_FIELDS}
    data = deed_summary(values, catalogue, language)
    row = catalogue.row_of(deed.pk)
    data.update(
        {
            "language": deed.language,
            "sections": {name: text for name, _, text in deed.sections},
            "unit": deed.unit,
            "partners": [
                {"slug": p.slug, "name": localized(p, language=language)}
                for p in deed.partners.all()
            ],
            "subthemes": [
                _choice(c, "slug", language) | {"theme": c.group}
                for c in catalogue.columns["subtheme"].values_of(row)
            ],
            "project": {
                "funding": deed.funding or None,
                "funder": deed.funder or None,
                "start": deed.project_start.isoformat() if deed.project_start else None,
                "end": deed.project_end.isoformat() if deed.project_end else None,
            }
            if deed.has_project_details
            else None,
            "links": [{"url": link.url, "title": link.title} for link in deed.links.all()],
            "images": [
                {
                    "url": absolute(image.image.url),
                    "width": image.width,
                    "height": image.height,
                    "alt": image.alt_text,
                    "caption": image.caption,
                }
                for image in deed.images.all()
            ],
            # Only people who consented to publication appear (the same rule as the page).
            "contacts": [
                {"name": c.name, "role": c.role, "email": c.email, "phone": c.phone}
                for c in deed.contacts.all()
                if c.publish_consent
            ],
            "updated_at": when(deed.updated_at),
        }
    )
    return data


def search_info(search):
    return {
        "text": search.parsed.text,
        "corrected_from": search.corrected_from or None,
        "messages": [str(note) for note in search.notes],
    }


def snippet_of(values, search):
    """Where the deed matched, as HTML: escaped text with <mark> around the words."""
    from search.snippets import snippet

    texts = [values["summary"], *(values[name] for name in SNIPPET_FIELDS[1:])]
    return str(snippet(texts, search.parsed.all_terms, values["language"]))


NO_REGISTRATIONS = {"registrations": 0, "attendees": 0, "waitlisted": 0, "listed": 0, "unlisted": 0}


def event_summary(event, counts):
    """A public event with its figures (api.events.registration_counts); no person."""
    counts = counts or NO_REGISTRATIONS
    series = event.series
    return {
        "id": event.pk,
        "title": event.title,
        "kind": event.kind,
        "cancelled": event.is_cancelled,
        "series": {"slug": series.slug, "name": series.name} if series else None,
        "starts_at": when(event.starts_at),
        "ends_at": when(event.ends_at),
        "online": event.online,
        "capacity": event.capacity,
        "registrations": counts["registrations"],
        "attendees": counts["attendees"],
        "organisations": counts["listed"] + counts["unlisted"],
        "waitlisted": counts["waitlisted"],
        "url": absolute(event.get_absolute_url()),
        "ics": absolute(event.get_ics_url()),
    }

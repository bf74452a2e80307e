"""The admin's gala and award category forms as a browser posts them, with their inline
rows (existing rows carry their ``id``; ``DELETE: "on"`` ticks the removal box)."""

from zoneinfo import ZoneInfo

HELSINKI = ZoneInfo("Europe/Helsinki")


def inline(prefix, rows):
    rows = sorted(rows, key=lambda row: "id" not in row)  # existing rows come first
    data = {
        f"{prefix}-TOTAL_FORMS": len(rows),
        f"{prefix}-INITIAL_FORMS": sum("id" in row for row in rows),
    }
    for number, row in enumerate(rows):
        data.update({f"{prefix}-{number}-{name}": value for name, value in row.items()})
    return data


def category_row(category, **changes):
    row = {
        "id": category.pk,
        "gala": category.gala_id,
        "position": category.position,
        "name": category.name,
        "name_sv": category.name_sv,
        "name_en": category.name_en,
        "kind": category.kind,
        "sector": category.sector_id or "",
        "theme": category.theme_id or "",
    }
    return {**row, **changes}


def mention_row(mention, **changes):
    row = {
        "id": mention.pk,
        "gala": mention.gala_id,
        "organisation": mention.organisation_id,
        "unit": mention.unit,
        "text": mention.text,
        "text_sv": mention.text_sv,
        "text_en": mention.text_en,
    }
    return {**row, **changes}


def gala_form(gala, *, categories=None, mentions=None):
    """The gala's change form as it stands, with the given inline rows (by default
    its categories and mentions unchanged)."""
    if categories is None:
        categories = [category_row(c) for c in gala.categories.all()]
    if mentions is None:
        mentions = [mention_row(m) for m in gala.mentions.all()]
    public = gala.results_public_at.astimezone(HELSINKI) if gala.results_public_at else None
    return {
        "year": gala.year,
        "name": gala.name,
        "name_sv": gala.name_sv,
        "name_en": gala.name_en,
        "date": gala.date.isoformat(),
        "place": gala.place,
        "stream_url": gala.stream_url,
        "results_public_at_0": public.date().isoformat() if public else "",
        "results_public_at_1": public.time().isoformat() if public else "",
        **inline("categories", categories),
        **inline("mentions", mentions),
    }


def category_form(category, *, shortlist=None, awards=None):
    """The award category's change form with its shortlist and awards rows (by default
    as they stand)."""
    if shortlist is None:
        shortlist = [shortlist_row(s) for s in category.shortlist.all()]
    if awards is None:
        awards = [award_row(a) for a in category.awards.all()]
    return {
        "name": category.name,
        "name_sv": category.name_sv,
        "name_en": category.name_en,
        "kind": category.kind,
        "sector": category.sector_id or "",
        "theme": category.theme_id or "",
        "position": category.position,
        **inline("shortlist", shortlist),
        **inline("awards", awards),
    }


def shortlist_row(shortlisting, **changes):
    row = {
        "id": shortlisting.pk,
        "category": shortlisting.category_id,
        "deed": shortlisting.deed_id,
        "jury_notes": shortlisting.jury_notes,
    }
    return {**row, **changes}


def award_row(award, **changes):
    row = {
        "id": award.pk,
        "category": award.category_id,
        "deed": award.deed_id,
        "door": award.door or "",
    }
    return {**row, **changes}


def shown_messages(response):
    return [str(message) for message in response.context["messages"]]

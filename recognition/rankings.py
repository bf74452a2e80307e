"""Rankings of municipalities and organisations by deeds published in a window.

Counted by the organisation's home municipality because that is the municipality the
deed's work is credited to in the programme's "most inventive municipality" (the
deed's own municipality may be a neighbour it served). With the "partners" rule a
deed counts once for each distinct home municipality of its organisation and partners.
"""

from collections import Counter
from dataclasses import dataclass

from core.places import competition_places
from deeds.models import Deed
from organisations.models import Municipality, Organisation

from .models import RankingRule, window


@dataclass
class Place:
    place: int
    key: str  # municipality code or organisation slug
    name: str
    count: int


def _deeds(starts_on, ends_on):
    start, end = window(starts_on, ends_on)
    return Deed.objects.published().filter(published_at__gte=start, published_at__lt=end)


def _partners(deeds):
    through = Deed.partners.through.objects.filter(deed__in=deeds)
    pairs = {}
    for deed_id, organisation_id, municipality_id in through.values_list(
        "deed_id", "organisation_id", "organisation__municipality_id"
    ):
        pairs.setdefault(deed_id, []).append((organisation_id, municipality_id))
    return pairs


def _places(counts, names):
    """Most first, then by name; ties share a place (1, 2, 2, 4)."""
    ordered = sorted(counts.items(), key=lambda item: (-item[1], names[item[0]][1]))
    places = competition_places(count for _, count in ordered)
    return [
        Place(place, names[pk][0], names[pk][2], count)
        for place, (pk, count) in zip(places, ordered, strict=True)
    ]


def municipality_ranking(starts_on, ends_on, rule=RankingRule.HOME):
    deeds = _deeds(starts_on, ends_on)
    homes = dict(deeds.values_list("id", "organisation__municipality_id"))
    extra = _partners(deeds) if rule == RankingRule.PARTNERS else {}
    counts = Counter()
    for deed_id, home in homes.items():
        places = {home, *(municipality for _, municipality in extra.get(deed_id, ()))}
        counts.update(p for p in places if p is not None)
    names = {
        m.pk: (m.code, m.sort_key, m.name)
        for m in Municipality.objects.filter(pk__in=counts).only(
            "code", "sort_key", "name_fi", "name_sv"
        )
    }
    return _places(counts, names)


def organisation_ranking(starts_on, ends_on, rule=RankingRule.HOME):
    deeds = _deeds(starts_on, ends_on)
    owners = dict(deeds.values_list("id", "organisation_id"))
    extra = _partners(deeds) if rule == RankingRule.PARTNERS else {}
    counts = Counter()
    for deed_id, owner in owners.items():
        counts.update({owner, *(organisation for organisation, _ in extra.get(deed_id, ()))})
    names = {
        o.pk: (o.slug, o.sort_key, o.name)
        for o in Organisation.objects.filter(pk__in=counts).only(
            "slug", "sort_key", "name_fi", "name_sv", "name_en"
        )
    }
    return _places(counts, names)

"""Sectors, topics and themes for the planned deeds.

Both are drawn from an urn: each term starts with its quota of the total and a deed
draws in proportion to what is left (times how well the term suits the deed), so the
totals come out at the planned shares for every seed while single deeds still vary.
"""

from organisations.models import OrganisationType

from .places import COUNTIES_START_YEAR
from .plan import (
    RELATED_SECTORS,
    SECOND_SECTOR_SHARE,
    SECTOR_SHARES,
    THEME_AFFINITY,
    THEME_COUNTS,
    THEME_SHARES,
    apportion,
    shuffled_quota,
)

CARE = "sosiaali-ja-terveys"
WHOLE = "koko-organisaatio"
TYPE_AFFINITY = {
    OrganisationType.WELLBEING_COUNTY: {CARE: 6.0, WHOLE: 0.3},
    OrganisationType.COMPANY: {WHOLE: 0.15},
    OrganisationType.JOINT_AUTHORITY: {WHOLE: 0.15},
    OrganisationType.OTHER: {WHOLE: 0.5},
}
# Helsinki is outside the wellbeing services counties and still runs social and health care.
KEEPS_CARE = {"091"}


def care_allowed(deed, spec):
    """Municipalities handed social and health care to the counties on 1 January 2023."""
    if spec.type == OrganisationType.WELLBEING_COUNTY or spec.municipality in KEEPS_CARE:
        return True
    if spec.type != OrganisationType.MUNICIPALITY:
        return False
    return deed.published is not None and deed.published.year < COUNTIES_START_YEAR


def assign(deeds, specs, rng, packs):
    """Set each deed's sectors, topic and themes."""
    eligible_cache = {}

    def eligible(deed):
        spec = specs[deed.org]
        care = care_allowed(deed, spec)
        key = (deed.org, deed.language, care)
        if key not in eligible_cache:
            options = {}
            for topic in packs[deed.language].topics:
                if topic.owners & spec.owners and (care or topic.sector != CARE):
                    options.setdefault(topic.sector, []).append(topic)
            eligible_cache[key] = options
        return eligible_cache[key]

    # About 30 % of deeds name a second, related sector; the quotas cover both tags.
    second = shuffled_quota(
        rng, len(deeds), {True: SECOND_SECTOR_SHARE, False: 1 - SECOND_SECTOR_SHARE}
    )
    total = len(deeds) + sum(second)
    remaining = dict(zip(SECTOR_SHARES, apportion(total, SECTOR_SHARES.values()), strict=True))
    fixed, without_care, with_care = [], [], []
    for deed in deeds:
        spec = specs[deed.org]
        if spec.type != OrganisationType.MUNICIPALITY:
            fixed.append(deed)
        elif CARE in eligible(deed):
            with_care.append(deed)
        else:
            without_care.append(deed)
    # Deeds that cannot be about care draw first, so that the care quota is left
    # for the deeds that can.
    for group in (fixed, without_care, with_care):
        rng.shuffle(group)
        for deed in group:
            options = eligible(deed)
            sectors = list(options)
            affinity = TYPE_AFFINITY.get(specs[deed.org].type, {})
            weights = [max(remaining[s], 0) * affinity.get(s, 1.0) for s in sectors]
            if not any(weights):
                weights = [SECTOR_SHARES[s] * affinity.get(s, 1.0) for s in sectors]
            sector = rng.choices(sectors, weights)[0]
            remaining[sector] -= 1
            deed.sectors = [sector]
            deed.topic = rng.choice(options[sector])
    order = list(range(len(deeds)))
    rng.shuffle(order)
    for i in order:
        deed = deeds[i]
        if not second[i]:
            continue
        care = care_allowed(deed, specs[deed.org])
        related = [s for s in RELATED_SECTORS[deed.sectors[0]] if care or s != CARE]
        weights = [max(remaining[s], 0) for s in related]
        if any(weights):
            sector = rng.choices(related, weights)[0]
            remaining[sector] -= 1
            deed.sectors.append(sector)

    counts = shuffled_quota(rng, len(deeds), THEME_COUNTS)
    left = dict(zip(THEME_SHARES, apportion(sum(counts), THEME_SHARES.values()), strict=True))
    order = list(range(len(deeds)))
    rng.shuffle(order)
    for i in order:
        deed = deeds[i]
        affinity = THEME_AFFINITY.get(deed.sectors[0], {})
        chosen = []
        for _ in range(counts[i]):
            themes = [t for t in THEME_SHARES if t not in chosen]
            weights = [max(left[t], 0) * affinity.get(t, 1.0) for t in themes]
            if not any(weights):
                weights = [THEME_SHARES[t] * affinity.get(t, 1.0) for t in themes]
            theme = rng.choices(themes, weights)[0]
            left[theme] -= 1
            chosen.append(theme)
        deed.themes = chosen

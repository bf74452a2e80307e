"""Who published what and when: the demo's distributions, decided before any text.

The shares below follow the programme's reports. Counts
that tests and later features rely on are apportioned exactly (largest remainder)
rather than drawn at random, so they hold for every seed: the leading
municipalities, the September campaigns, the order of sectors and themes.
"""

import calendar
import datetime as dt
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from organisations.models import OrganisationType

from .places import BIG_CITIES, COUNTIES_START_YEAR, LEADERS

HELSINKI = ZoneInfo("Europe/Helsinki")
DEFAULT_DEEDS = 1100
FIRST_DAY = dt.date(2015, 1, 1)
LAST_DAY = dt.date(2026, 11, 20)

# Published deeds per year at the default size (1,056 published of 1,100).
YEAR_WEIGHTS = {
    2015: 3,
    2016: 4,
    2017: 6,
    2018: 9,
    2019: 13,
    2020: 21,
    2021: 186,
    2022: 186,
    2023: 186,
    2024: 186,
    2025: 186,
    2026: 70,
}
# September is the programme's campaign month; July is the summer holiday.
MONTH_WEIGHTS = (None, 1.0, 1.05, 1.1, 1.0, 1.1, 0.7, 0.25, 0.75, 2.6, 1.25, 1.15, 0.55)

LIMINKA, KANGASALA, LEMPAALA = "425", "211", "418"
# The campaign history the "most inventive municipality" feature must reproduce:
# September 2021 and September–October 2022, by the organisation's home municipality.
CAMPAIGN_2021 = {LIMINKA: 30, KANGASALA: 20, LEMPAALA: 11}
CAMPAIGN_2022 = {LIMINKA: 68}
CAMPAIGN_2022_SEPTEMBER_SHARE = 0.65

LEADER_SHARES = (0.096, 0.076, 0.060, 0.050, 0.042)
BIG_CITY_SHARE = 0.003
COUNTY_SHARE = 0.13
UNPUBLISHED_SHARE = 0.04
SWEDISH_SHARE = 0.07
UNPUBLISHED_STATUSES = {"in_review": 0.45, "returned": 0.2, "draft": 0.2, "rejected": 0.15}
KIND_SHARES = {"improvement": 0.60, "project": 0.25, "experiment": 0.15}
SECTOR_SHARES = {
    # Care is capped by who may provide it (municipalities until 2022, counties from
    # 2023), so its quota is set above what it reaches; education follows it closely.
    "sosiaali-ja-terveys": 0.30,
    "kasvatus-ja-opetus": 0.19,
    "koko-organisaatio": 0.11,
    "hallinto-ja-talous": 0.09,
    "kulttuuri-ja-vapaa-aika": 0.09,
    "tekniset-palvelut": 0.08,
    "elinkeino-ja-tyollisyys": 0.06,
    "siivous-ja-ruokapalvelut": 0.03,
    "liikenne-ja-logistiikka": 0.025,
    "asuminen-ja-kiinteistot": 0.025,
}
RELATED_SECTORS = {
    "sosiaali-ja-terveys": ("koko-organisaatio", "kasvatus-ja-opetus"),
    "kasvatus-ja-opetus": ("kulttuuri-ja-vapaa-aika", "sosiaali-ja-terveys"),
    "kulttuuri-ja-vapaa-aika": ("kasvatus-ja-opetus",),
    "tekniset-palvelut": ("asuminen-ja-kiinteistot", "hallinto-ja-talous"),
    "siivous-ja-ruokapalvelut": ("kasvatus-ja-opetus", "sosiaali-ja-terveys"),
    "liikenne-ja-logistiikka": ("kasvatus-ja-opetus", "tekniset-palvelut"),
    "asuminen-ja-kiinteistot": ("tekniset-palvelut", "sosiaali-ja-terveys"),
    "hallinto-ja-talous": ("koko-organisaatio",),
    "elinkeino-ja-tyollisyys": ("kasvatus-ja-opetus", "hallinto-ja-talous"),
    "koko-organisaatio": ("hallinto-ja-talous",),
}
SECOND_SECTOR_SHARE = 0.3
THEME_SHARES = {
    "innovaatiot": 0.21,
    "luottamus": 0.16,
    "osaaminen": 0.135,
    "tyohyvinvointi": 0.115,
    "johtaminen": 0.075,
    "digitalisaatio": 0.07,
    "asiakaslahtoisyys": 0.065,
    "yhteiskehittaminen": 0.06,
    "palvelujen-laatu": 0.045,
    "tyoturvallisuus": 0.035,
    "rekrytointi": 0.03,
}
THEME_COUNTS = {1: 0.35, 2: 0.45, 3: 0.20}
THEME_AFFINITY = {
    "tekniset-palvelut": {"tyoturvallisuus": 2.0, "digitalisaatio": 1.5},
    "siivous-ja-ruokapalvelut": {"tyoturvallisuus": 2.0, "tyohyvinvointi": 1.5},
    "asuminen-ja-kiinteistot": {"tyoturvallisuus": 1.5, "asiakaslahtoisyys": 1.5},
    "hallinto-ja-talous": {"digitalisaatio": 2.5, "johtaminen": 1.5},
    "sosiaali-ja-terveys": {"asiakaslahtoisyys": 1.5, "tyohyvinvointi": 1.3},
    "kasvatus-ja-opetus": {"osaaminen": 1.4},
    "koko-organisaatio": {"johtaminen": 2.0, "tyohyvinvointi": 1.5, "rekrytointi": 1.5},
    "elinkeino-ja-tyollisyys": {"yhteiskehittaminen": 2.0, "rekrytointi": 2.0},
}


@dataclass(slots=True)
class DeedPlan:
    org: int  # index into the organisation specs
    anchor: str = ""  # "2021" or "2022": part of a campaign count
    status: str = "published"
    published: dt.datetime | None = None
    language: str = "fi"
    kind: str = "improvement"
    sectors: list = field(default_factory=list)
    topic: object = None
    themes: list = field(default_factory=list)


def apportion(total, weights):
    """Split an integer total in proportion to weights (largest remainder, ties by order)."""
    weights = list(weights)
    whole = sum(weights)
    if total <= 0 or whole <= 0:
        return [0] * len(weights)
    exact = [total * w / whole for w in weights]
    counts = [int(x) for x in exact]
    order = sorted(range(len(weights)), key=lambda i: (counts[i] - exact[i], i))
    for i in order[: total - sum(counts)]:
        counts[i] += 1
    return counts


def shuffled_quota(rng, total, shares):
    values = [
        v for v, n in zip(shares, apportion(total, shares.values()), strict=True) for _ in range(n)
    ]
    rng.shuffle(values)
    return values


def campaign_sizes(n_deeds):
    """The campaign counts for this size, or None when the demo is too small for them."""
    if n_deeds >= DEFAULT_DEEDS:
        return dict(CAMPAIGN_2021), dict(CAMPAIGN_2022), n_deeds == DEFAULT_DEEDS
    if n_deeds < 60:
        return None
    scale = n_deeds / DEFAULT_DEEDS
    first = max(3, round(CAMPAIGN_2021[LIMINKA] * scale))
    second = max(2, min(round(CAMPAIGN_2021[KANGASALA] * scale), first - 1))
    third = max(1, min(round(CAMPAIGN_2021[LEMPAALA] * scale), second - 1))
    return (
        {LIMINKA: first, KANGASALA: second, LEMPAALA: third},
        {LIMINKA: max(2, round(CAMPAIGN_2022[LIMINKA] * scale))},
        True,
    )


def deed_counts(n_deeds, specs, campaigns):
    """Deeds per organisation: leaders fixed, big cities few, the rest by weight under a cap."""
    counts = [0] * len(specs)
    by_code = {
        s.municipality: i for i, s in enumerate(specs) if s.type == OrganisationType.MUNICIPALITY
    }
    need = {}
    if campaigns:
        for campaign in campaigns[:2]:
            for code, size in campaign.items():
                need[code] = need.get(code, 0) + size
    leader_totals = [
        max(round(share * n_deeds), need.get(code, 0))
        for code, share in zip(LEADERS, LEADER_SHARES, strict=True)
    ]
    if n_deeds >= 40:
        for i in reversed(range(len(LEADERS) - 1)):
            leader_totals[i] = max(leader_totals[i], leader_totals[i + 1] + 1)
    if sum(leader_totals) > n_deeds:
        leader_totals = apportion(n_deeds, LEADER_SHARES)
    for code, total in zip(LEADERS, leader_totals, strict=True):
        counts[by_code[code]] = total
    left = n_deeds - sum(leader_totals)

    big = [by_code[c] for c in BIG_CITIES if c in by_code]
    per_city = round(BIG_CITY_SHARE * n_deeds)
    if n_deeds <= DEFAULT_DEEDS:
        per_city = min(per_city, 5)
    per_city = min(per_city, left // max(1, len(big)))
    for i in big:
        counts[i] = per_city
    left -= per_city * len(big)

    counties = [i for i, s in enumerate(specs) if s.type == OrganisationType.WELLBEING_COUNTY]
    county_total = min(left, round(COUNTY_SHARE * n_deeds)) if counties else 0
    left -= county_total

    # Everyone else shares what is left, no home municipality above 80 % of the
    # fifth leader, so that the leaders stay the leaders.
    fixed = set(big) | set(counties) | {by_code[c] for c in LEADERS}
    others = [i for i in range(len(specs)) if i not in fixed]
    cap = max(1, int(leader_totals[-1] * 0.8)) if n_deeds >= 40 else n_deeds
    groups = {}
    for i in others:
        groups.setdefault(specs[i].municipality or f"org-{i}", []).append(i)
    weight = {g: sum(specs[i].weight for i in members) for g, members in groups.items()}
    given, active = dict.fromkeys(groups, 0), list(groups)
    while left > 0 and active:
        whole = sum(weight[g] for g in active)
        over = [g for g in active if given[g] + left * weight[g] / whole > cap]
        if not over:
            for g, extra in zip(active, apportion(left, [weight[g] for g in active]), strict=True):
                given[g] += extra
            left = 0
            break
        for g in over:
            left -= cap - given[g]
            given[g] = cap
            active.remove(g)
    for g, members in groups.items():
        for i, extra in zip(
            members, apportion(given[g], [specs[i].weight for i in members]), strict=True
        ):
            counts[i] += extra
    # What nobody else could take goes to the counties (they count for no municipality),
    # or failing them to the leaders in proportion, which keeps their order.
    spill = counties or [by_code[c] for c in LEADERS]
    spill_weights = [specs[i].weight for i in counties] if counties else LEADER_SHARES
    for i, extra in zip(spill, apportion(county_total + left, spill_weights), strict=True):
        counts[i] += extra
    return counts


def end_day(now):
    return min(LAST_DAY, now.astimezone(HELSINKI).date() - dt.timedelta(days=1))


def plan(n_deeds, specs, rng, now):
    """Every deed's organisation, status, date, language and kind (not yet its tags)."""
    last = end_day(now)
    campaigns = campaign_sizes(n_deeds) if last >= dt.date(2022, 11, 1) else None
    counts = deed_counts(n_deeds, specs, campaigns)
    deeds = [DeedPlan(org=i) for i, count in enumerate(counts) for _ in range(count)]
    org_of = {
        s.municipality: i for i, s in enumerate(specs) if s.type == OrganisationType.MUNICIPALITY
    }

    anchored = {}
    if campaigns:
        for year, campaign in (("2021", campaigns[0]), ("2022", campaigns[1])):
            for code, size in campaign.items():
                anchored.setdefault(code, []).extend([year] * size)
        for code, years in anchored.items():
            mine = [d for d in deeds if d.org == org_of[code]]
            for deed, year in zip(mine, years, strict=False):
                deed.anchor = year

    leader_orgs = {org_of[c] for c in LEADERS}
    candidates = [d for d in deeds if d.org not in leader_orgs and not d.anchor]
    unpublished = rng.sample(candidates, min(len(candidates), round(UNPUBLISHED_SHARE * n_deeds)))
    for deed, status in zip(
        unpublished, shuffled_quota(rng, len(unpublished), UNPUBLISHED_STATUSES), strict=True
    ):
        deed.status = status

    _date(deeds, specs, rng, last, campaigns)

    sv_candidates = [d for d in deeds if specs[d.org].sv_share > 0 and not d.anchor]
    keyed = sorted(
        sv_candidates, key=lambda d: rng.random() ** (1 / specs[d.org].sv_share), reverse=True
    )
    for deed in keyed[: round(SWEDISH_SHARE * n_deeds)]:
        deed.language = "sv"
    for deed, kind in zip(deeds, shuffled_quota(rng, len(deeds), KIND_SHARES), strict=True):
        deed.kind = kind
    return deeds


def _date(deeds, specs, rng, last, campaigns):
    published = [d for d in deeds if d.status == "published"]
    anchors = [d for d in published if d.anchor]
    in_2022 = [d for d in anchors if d.anchor == "2022"]
    september_2022 = set(map(id, in_2022[: round(len(in_2022) * CAMPAIGN_2022_SEPTEMBER_SHARE)]))
    for deed in anchors:
        month = 10 if deed.anchor == "2022" and id(deed) not in september_2022 else 9
        year = int(deed.anchor)
        deed.published = _moment(rng, year, month, calendar.monthrange(year, month)[1])

    years = [y for y in YEAR_WEIGHTS if FIRST_DAY.year <= y <= last.year]
    whole = sum(YEAR_WEIGHTS[y] for y in years)
    target = {y: len(published) * YEAR_WEIGHTS[y] / whole for y in years}
    for deed in anchors:
        target[int(deed.anchor)] -= 1
    target = {y: max(0.0, t) for y, t in target.items()}
    slots = []
    for year, quota in zip(
        years, apportion(len(published) - len(anchors), target.values()), strict=True
    ):
        months = range(1, 13 if year < last.year else last.month + 1)
        weights = [MONTH_WEIGHTS[m] for m in months]
        if year == last.year:
            weights[-1] *= last.day / calendar.monthrange(year, last.month)[1]
        for month, n in zip(months, apportion(quota, weights), strict=True):
            slots += [(year, month)] * n
    rng.shuffle(slots)

    exclusive = bool(campaigns and campaigns[2])
    window_2021 = {}
    window_2022 = {}
    limit_2021 = min(campaigns[0].values()) - 1 if campaigns else 0
    limit_2022 = campaigns[1][LIMINKA] // 2 if campaigns else 0

    def fits(deed, slot):
        if not exclusive:
            return True
        code = specs[deed.org].municipality
        if code is None:
            return True
        if slot == (2021, 9):
            return code not in campaigns[0] and window_2021.get(code, 0) < limit_2021
        if slot in ((2022, 9), (2022, 10)):
            return code not in campaigns[1] and window_2022.get(code, 0) < limit_2022
        return True

    def take(deed, pool):
        i = len(pool) - 1
        while i >= 0 and not fits(deed, pool[i]):
            i -= 1
        i = max(i, 0)
        pool[i], pool[-1] = pool[-1], pool[i]
        year, month = pool.pop()
        code = specs[deed.org].municipality
        if (year, month) == (2021, 9):
            window_2021[code] = window_2021.get(code, 0) + 1
        elif (year, month) in ((2022, 9), (2022, 10)):
            window_2022[code] = window_2022.get(code, 0) + 1
        days = (
            last.day
            if (year, month) == (last.year, last.month)
            else calendar.monthrange(year, month)[1]
        )
        deed.published = _moment(rng, year, month, days)

    free = [d for d in published if not d.anchor]
    rng.shuffle(free)
    # Wellbeing services counties exist from 2023 on: they take the late slots first.
    county = [d for d in free if specs[d.org].type == OrganisationType.WELLBEING_COUNTY]
    late = [s for s in slots if s[0] >= COUNTIES_START_YEAR]
    early = [s for s in slots if s[0] < COUNTIES_START_YEAR]
    for deed in county:
        take(deed, late if late else early)
    pool = late + early
    rng.shuffle(pool)
    for deed in free:
        if deed.published is None:
            take(deed, pool)


def _moment(rng, year, month, days):
    # Office hours, so that no deed is near midnight and its date is the same in UTC.
    return dt.datetime(
        year,
        month,
        rng.randint(1, days),
        rng.randint(8, 16),
        rng.randint(0, 59),
        rng.randint(0, 59),
        tzinfo=HELSINKI,
    )

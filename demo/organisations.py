"""The demo's organisations: municipalities, counties, joint authorities, companies, others.

Organisations are few, so they are created through the ORM (``save()`` derives
their slug, region and sort key). Each gets a website under ``DEMO_WEBSITE``, which
is how ``seed_demo --clear`` tells them from organisations staff have entered.
"""

from dataclasses import dataclass, field

from django.utils.text import slugify

from organisations.models import Organisation, OrganisationType

from .places import ALAND, BIG_CITIES, COUNTIES, EXCLUDED, LEADERS, PLACES, PRIORITY, SWEDISH_SHARE

DEMO_WEBSITE = "https://www.example.fi/demo/"
MAX_ORGANISATIONS = 1000

# (line, name pattern): the line decides which topics the organisation writes about.
COMPANY_LINES = (
    ("ateria", "{gen} Ateriapalvelut Oy"),
    ("puhtaus", "{gen} Puhtauspalvelut Oy"),
    ("vuokratalot", "{gen} Vuokrakodit Oy"),
    ("kiinteisto", "{gen} Tilapalvelut Oy"),
    ("kuljetus", "{gen} Kuljetuspalvelut Oy"),
    ("vesi", "{gen} Vesihuolto Oy"),
    ("liikunta", "{gen} Liikuntakeskus Oy"),
    ("ict", "{gen} Digipalvelut Oy"),
    ("logistiikka", "{gen} Hankintalogistiikka Oy"),
    ("elinkeino", "{gen} Kehitysyhtiö Oy"),
    ("kuntatekniikka", "{gen} Kuntatekniikka Oy"),
)
JOINT_LINES = (
    ("koulutus", "{gen} seudun koulutuskuntayhtymä"),
    ("ymparisto", "{gen} seudun ympäristöpalvelujen kuntayhtymä"),
    ("koulutus", "{gen} seudun ammattiopiston kuntayhtymä"),
)
OTHER_LINES = (
    ("tyollisyys", "{gen} työllisyyssäätiö sr"),
    ("kehitys", "{gen} seudun kehittämisyhdistys ry"),
    ("kulttuuri", "{gen} kulttuurisäätiö sr"),
)
# Organisations of the whole municipal sector, without a home municipality.
PLACELESS = (
    ("Kuntatyön kehittäjät ry", "Kuntatyön kehittäjät ry:n"),
    ("Kunta-alan työhyvinvointiverkosto", "Kunta-alan työhyvinvointiverkoston"),
)


@dataclass
class OrgSpec:
    name_fi: str
    gen_fi: str  # for "yhdessä … kanssa"
    type: str
    municipality: str | None = None  # code
    region: str | None = None  # code, for a wellbeing services county
    owners: frozenset = field(default_factory=frozenset)
    place: dict | None = None  # Finnish forms for the text
    place_sv: str | None = None
    name_sv: str = ""
    sv_share: float = 0.0
    weight: float = 1.0
    pk: int | None = None


def _owner_keys(kind, line=""):
    keys = {"*", kind}
    if line:
        keys |= {f"{kind}:{line}", f"{kind}:*"}
    return frozenset(keys)


def _place_fields(code):
    place = PLACES[code]
    return {"place_gen": place.gen, "place_loc": place.loc}


def composition(count):
    """How many organisations of each type: mostly municipalities."""
    counts = {
        OrganisationType.WELLBEING_COUNTY: min(len(COUNTIES), round(0.08 * count)),
        OrganisationType.JOINT_AUTHORITY: round(0.07 * count),
        OrganisationType.COMPANY: round(0.12 * count),
        OrganisationType.OTHER: round(0.04 * count),
    }
    for kind in (
        OrganisationType.OTHER,
        OrganisationType.JOINT_AUTHORITY,
        OrganisationType.COMPANY,
        OrganisationType.WELLBEING_COUNTY,
    ):
        while counts[kind] and count - sum(counts.values()) < len(LEADERS):
            counts[kind] -= 1
    municipalities = count - sum(counts.values())
    if municipalities > len(PLACES):
        counts[OrganisationType.COMPANY] += municipalities - len(PLACES)
        municipalities = len(PLACES)
    counts[OrganisationType.MUNICIPALITY] = municipalities
    return counts


def build(count, rng, municipalities):
    """Organisation specs for ``count`` organisations; ``municipalities``: code -> Swedish name."""
    counts = composition(count)
    rest = [code for code in PLACES if code not in LEADERS and code not in PRIORITY]
    rng.shuffle(rest)
    chosen = (list(LEADERS) + list(PRIORITY) + rest)[: counts[OrganisationType.MUNICIPALITY]]
    specs = []
    for code in chosen:
        place = PLACES[code]
        share = SWEDISH_SHARE.get(code, 0.0)
        boost = 2.5 if share >= 0.7 else 1.6 if share >= 0.35 else 1.0
        specs.append(
            OrgSpec(
                place.org_name,
                place.org_gen,
                OrganisationType.MUNICIPALITY,
                municipality=code,
                owners=_owner_keys("municipality"),
                place=_place_fields(code),
                place_sv=municipalities[code],
                name_sv=place.name_sv,
                sv_share=share,
                weight=rng.lognormvariate(0, 0.5) * boost,
            )
        )
    for county in COUNTIES[: counts[OrganisationType.WELLBEING_COUNTY]]:
        specs.append(
            OrgSpec(
                county.org_name,
                county.org_gen,
                OrganisationType.WELLBEING_COUNTY,
                region=county.region,
                owners=_owner_keys("county"),
                place={"place_gen": county.org_gen, "place_loc": county.loc},
                place_sv=county.name_sv or county.org_name,
                name_sv=county.name_sv,
                sv_share=0.25 if county.name_sv else 0.0,
                weight=rng.lognormvariate(0, 0.4),
            )
        )
    # Companies, joint authorities and others are based in ordinary municipalities,
    # never a leader's or a big city's: the reports count those by home municipality.
    ordinary = set(PLACES) - set(LEADERS) - set(BIG_CITIES) - set(ALAND)
    local = [c for c in chosen if c in ordinary]
    elsewhere = [c for c in rest if c in ordinary and c not in local]
    rng.shuffle(local)
    names = {s.name_fi for s in specs}
    plans = (
        (OrganisationType.JOINT_AUTHORITY, "ja", JOINT_LINES, 0.8),
        (OrganisationType.COMPANY, "company", COMPANY_LINES, 0.35),
        (OrganisationType.OTHER, "other", OTHER_LINES, 0.3),
    )
    for kind, owner, lines, weight in plans:
        wanted = counts[kind]
        if kind == OrganisationType.OTHER:
            for name, gen in PLACELESS[: min(len(PLACELESS), wanted // 3)]:
                specs.append(OrgSpec(name, gen, kind, owners=_owner_keys(owner), weight=weight))
                wanted -= 1
        pairs = []
        for group in (local, elsewhere):
            group_pairs = [(code, line) for code in group for line in lines]
            rng.shuffle(group_pairs)
            pairs += group_pairs
        for code, (line, pattern) in pairs:
            if not wanted:
                break
            name = pattern.format(gen=PLACES[code].gen)
            if name in names:
                continue
            names.add(name)
            if kind == OrganisationType.JOINT_AUTHORITY:
                gen = name.removesuffix("kuntayhtymä") + "kuntayhtymän"
            else:
                gen = f"{name}:n"
            specs.append(
                OrgSpec(
                    name,
                    gen,
                    kind,
                    municipality=code,
                    owners=_owner_keys(owner, line),
                    place=_place_fields(code),
                    place_sv=municipalities[code],
                    sv_share=SWEDISH_SHARE.get(code, 0.0) * 0.5,
                    weight=weight * rng.lognormvariate(0, 0.5),
                )
            )
            wanted -= 1
    assert not any(s.municipality in EXCLUDED for s in specs)
    return specs


def create(specs, municipality_pks, region_pks):
    for spec in specs:
        organisation = Organisation(
            name_fi=spec.name_fi,
            name_sv=spec.name_sv,
            type=spec.type,
            municipality_id=municipality_pks.get(spec.municipality),
            region_id=region_pks.get(spec.region),
            website=f"{DEMO_WEBSITE}{slugify(spec.name_fi)}/",
        )
        organisation.save()
        spec.pk = organisation.pk

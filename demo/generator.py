"""Write the demo into the database: organisations through the ORM, deeds in bulk.

Deeds go in with ``bulk_create`` in batches so that 100,000 of them take minutes,
not hours. ``bulk_create`` skips ``Deed.save()`` and the signals, so this module
sets what ``save()`` would derive (region, slug, title sort key) and tells the
catalogue once at the end that everything changed.

Neither app offers a service for this: ``deeds/services.py`` changes a deed's state
(``deed_publish``, ``deed_unpublish``) and organisations have none; a service per deed
(a lock, a transaction and an audit entry each) would take hours at 100,000 deeds. So
the demo keeps this bulk path rather than going through services, unlike
``demo/recognition.py``.
"""

import datetime as dt
import random
import time
from dataclasses import dataclass, field

from django.db import connection, models, transaction
from django.db.models import Count, F
from django.utils import timezone
from django.utils.text import slugify

from catalogue.index import catalogue_changed
from core.collation import finnish_sort_key
from core.db import refresh_statistics
from deeds.models import Deed, DeedContact, DeedLink, DeedStatus
from organisations.models import Municipality, Organisation, Region
from taxonomy.models import CustomerGroup, Sector, Subtheme, Theme

from . import organisations, people, plan, tags
from .corpus.pack_fi import PACK as FI
from .corpus.pack_sv import PACK as SV
from .places import LEADERS, PLACES
from .writer import Story, Writer

BATCH = 2000
PACKS = {"fi": FI, "sv": SV}
WRITERS = {lang: Writer(pack) for lang, pack in PACKS.items()}
STAFF_THEMES = {"tyohyvinvointi", "osaaminen", "luottamus", "johtaminen", "tyoturvallisuus"}


class DemoError(Exception):
    """Bad options or a database the demo cannot be written into."""


@dataclass
class Summary:
    organisations: int
    deeds: int
    published: int
    swedish: int
    seconds: float
    cleared: tuple = (0, 0)
    leaders: list = field(default_factory=list)


def seed(*, deeds, organisations_count, seed_value, clear=False, now=None, index_search=True):
    if deeds < 1:
        raise DemoError("--deeds must be at least 1.")
    if organisations_count < len(LEADERS):
        raise DemoError(
            f"--organisations must be at least {len(LEADERS)}: the demo needs the five leading "
            "municipalities (Liminka, Kangasala, Hämeenkyrö, Varkaus, Lempäälä)."
        )
    if organisations_count > organisations.MAX_ORGANISATIONS:
        raise DemoError(f"--organisations can be at most {organisations.MAX_ORGANISATIONS}.")
    started = time.monotonic()
    now = now or timezone.now()
    with transaction.atomic():
        cleared = clear_demo() if clear else (0, 0)
        if not clear and Deed.objects.exists():
            raise DemoError(
                f"The database already has {Deed.objects.count()} deeds. Run with --clear to "
                "delete all deeds and the demo organisations first."
            )
        if (
            not clear
            and Organisation.objects.filter(website__startswith=organisations.DEMO_WEBSITE).exists()
        ):
            raise DemoError("Demo organisations already exist. Run with --clear to replace them.")
        refs = References.load()
        rng = random.Random(seed_value)
        specs = organisations.build(organisations_count, rng, refs.swedish_names)
        organisations.create(specs, refs.municipality_pks, refs.region_pks)
        plans = plan.plan(deeds, specs, rng, now)
        tags.assign(plans, specs, rng, PACKS)
        # Ids grow with the publishing date, as they would have on the real site.
        plans.sort(key=lambda d: (d.published is None, d.published or now))
        _write(plans, specs, seed_value, refs, now)
        Deed.objects.filter(published_at__isnull=False).update(
            created_at=F("published_at") - dt.timedelta(days=3), updated_at=F("published_at")
        )
        catalogue_changed()
    refresh_statistics(Deed, DeedContact, DeedLink, Organisation)
    if index_search:
        from search.indexing import search_rebuild

        search_rebuild()
    published = Deed.objects.filter(status=DeedStatus.PUBLISHED)
    leaders = list(
        published.filter(organisation__municipality__isnull=False)
        .values("organisation__municipality__name_fi")
        .annotate(n=Count("id"))
        .order_by("-n")[:5]
        .values_list("organisation__municipality__name_fi", "n")
    )
    return Summary(
        organisations=len(specs),
        deeds=len(plans),
        published=published.count(),
        swedish=sum(1 for d in plans if d.language == "sv"),
        seconds=time.monotonic() - started,
        cleared=cleared,
        leaders=leaders,
    )


def clear_demo():
    """Delete every deed and the demo organisations; returns how many of each."""
    deed_count = Deed.objects.count()
    _delete_all_deeds()
    demo = Organisation.objects.filter(website__startswith=organisations.DEMO_WEBSITE)
    organisation_count = demo.count()
    demo.delete()
    return deed_count, organisation_count


def _delete_all_deeds():
    # QuerySet.delete() would load every deed and send a signal per deed (the catalogue
    # listens), which at 100,000 deeds takes minutes. Related rows are removed first,
    # honouring each relation's on_delete; then the deed table is emptied in one go.
    for m2m in Deed._meta.local_many_to_many:
        m2m.remote_field.through._base_manager.all().delete()
    for rel in Deed._meta.related_objects:
        related = rel.related_model._base_manager
        if rel.many_to_many:
            rel.through._base_manager.all().delete()
        elif rel.on_delete is models.CASCADE:
            related.filter(**{f"{rel.field.name}__isnull": False}).delete()
        elif rel.on_delete is models.SET_NULL:
            related.filter(**{f"{rel.field.name}__isnull": False}).update(**{rel.field.name: None})
        else:
            Deed.objects.all().delete()  # PROTECT and the like: let Django enforce them
            return
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {connection.ops.quote_name(Deed._meta.db_table)}")


@dataclass
class References:
    municipality_pks: dict
    municipality_regions: dict
    swedish_names: dict
    region_pks: dict
    sectors: dict
    themes: dict
    subthemes: dict  # theme slug -> [(subtheme slug, pk)]
    customer_groups: dict

    @classmethod
    def load(cls):
        rows = list(Municipality.objects.values_list("code", "pk", "region_id", "name_sv"))
        missing = [c for c in PLACES if c not in {r[0] for r in rows}]
        if missing:
            raise DemoError(f"Municipalities missing from the database: {', '.join(missing)}.")
        subthemes = {}
        for slug, pk, theme in Subtheme.objects.values_list("slug", "pk", "theme__slug"):
            subthemes.setdefault(theme, []).append((slug, pk))
        return cls(
            municipality_pks={r[0]: r[1] for r in rows},
            municipality_regions={r[0]: r[2] for r in rows},
            swedish_names={r[0]: r[3] for r in rows},
            region_pks=dict(Region.objects.values_list("code", "pk")),
            sectors=_terms(Sector, plan.SECTOR_SHARES),
            themes=_terms(Theme, plan.THEME_SHARES),
            subthemes=subthemes,
            customer_groups=dict(CustomerGroup.objects.values_list("slug", "pk")),
        )


def _terms(model, slugs):
    found = dict(model.objects.filter(slug__in=list(slugs)).values_list("slug", "pk"))
    missing = sorted(set(slugs) - found.keys())
    if missing:
        raise DemoError(
            f"The taxonomy lacks {model._meta.verbose_name_plural}: {', '.join(missing)}."
        )
    return found


def _write(plans, specs, seed_value, refs, now):
    by_region = {}
    for i, spec in enumerate(specs):
        region = refs.municipality_regions.get(spec.municipality) or refs.region_pks.get(
            spec.region
        )
        by_region.setdefault(region, []).append(i)
    through = {
        name: getattr(Deed, name).through
        for name in ("sectors", "themes", "subthemes", "customer_groups", "partners")
    }
    today = now.astimezone(plan.HELSINKI).date()
    for start in range(0, len(plans), BATCH):
        batch = plans[start : start + BATCH]
        made = [
            _compose(start + i, d, specs, seed_value, refs, by_region, today)
            for i, d in enumerate(batch)
        ]
        Deed.objects.bulk_create([m["deed"] for m in made], batch_size=BATCH)
        rows = {name: [] for name in through}
        links, contacts = [], []
        for m in made:
            pk = m["deed"].pk
            for name, model in through.items():
                column = getattr(Deed, name).field.m2m_reverse_field_name()
                rows[name] += [model(**{"deed_id": pk, f"{column}_id": value}) for value in m[name]]
            links += [DeedLink(deed_id=pk, position=p, **link) for p, link in enumerate(m["links"])]
            contacts += [
                DeedContact(deed_id=pk, position=p, **c) for p, c in enumerate(m["contacts"])
            ]
        for name, model in through.items():
            model.objects.bulk_create(rows[name], batch_size=5000)
        DeedLink.objects.bulk_create(links, batch_size=BATCH)
        DeedContact.objects.bulk_create(contacts, batch_size=BATCH)


def _compose(index, d, specs, seed_value, refs, by_region, today):
    # One generator per deed: the text of a deed does not depend on batch sizes.
    rng = random.Random(seed_value * 1_000_003 + index)
    spec = specs[d.org]
    lang = d.language
    topic = d.topic
    partners = []
    if rng.random() < 0.15:
        region = refs.municipality_regions.get(spec.municipality) or refs.region_pks.get(
            spec.region
        )
        near = [i for i in by_region.get(region, ()) if i != d.org]
        for _ in range(1 if rng.random() < 0.75 else 2):
            pool = near if near and rng.random() < 0.7 else range(len(specs))
            choice = rng.choice(pool)
            if choice != d.org and choice not in partners:
                partners.append(choice)
    partner = None
    if partners:
        other = specs[partners[0]]
        partner = (
            (other.gen_fi, other.name_fi)
            if lang == "fi"
            else ((other.name_sv or other.name_fi),) * 2
        )

    reference = d.published.astimezone(plan.HELSINKI).date() if d.published else today
    funding, funder, funder_field, project_start, project_end, months = "", "", "", None, None, None
    if d.kind == "project":
        funding = rng.choices(("own", "external", "both"), (0.35, 0.35, 0.30))[0]
        if funding != "own":
            fi_name, fi_gen, sv_name, _ = people.funder_for(rng, d.sectors[0])
            funder_field = fi_name if lang == "fi" else sv_name
            funder = fi_gen if lang == "fi" else sv_name
        project_start = (reference - dt.timedelta(days=rng.randint(90, 720))).replace(day=1)
        months = rng.randint(6, 30)
        end_month = project_start.month - 1 + months
        project_end = dt.date(
            project_start.year + end_month // 12, end_month % 12 + 1, 1
        ) - dt.timedelta(days=1)
        started = project_start
    else:
        started = reference - dt.timedelta(days=rng.randint(30, 270))
    place = spec.place if lang == "fi" else ({"place": spec.place_sv} if spec.place_sv else None)
    unit = rng.choice(topic.units) if rng.random() < 0.75 else ""
    story = Story(topic, d.themes, d.kind, place, partner, unit, funding, funder, started, months)
    writer = WRITERS[lang]
    first, second = writer.choose_measures(rng, topic, d.themes)
    text = writer.write(rng, story, first, second)

    subthemes = []
    candidates = [s for theme in d.themes for s in refs.subthemes.get(theme, ())]
    wanted = min(len(candidates), rng.choices((0, 1, 2), (0.3, 0.45, 0.25))[0])
    hinted = [s for s in candidates if s[0] == first.sub]
    if wanted and hinted:
        subthemes.append(hinted[0])
    while len(subthemes) < wanted:
        pick = rng.choice(candidates)
        if pick not in subthemes:
            subthemes.append(pick)
    groups = [rng.choice(topic.groups)]
    if rng.random() < 0.4:
        extra = (
            "henkilosto"
            if STAFF_THEMES & set(d.themes)
            else rng.choice(tuple(refs.customer_groups))
        )
        if extra not in groups:
            groups.append(extra)

    links = []
    if rng.random() < 0.3:
        slug = slugify(text["title"])[:50].strip("-") or "teko"
        for n in range(1 if rng.random() < 0.75 else 2):
            if n == 0 and rng.random() < 0.5:
                url = f"https://www.example.fi/{slugify(spec.name_fi)}/{rng.choice(people.LINK_PATHS)}/{slug}"
            else:
                path = rng.choice(people.LINK_PATHS)
                url = f"https://example.com/{path}/{reference.year}/{slug}-{n + 1}"
            links.append({"url": url, "title": rng.choice(people.LINK_TITLES[lang])})
    contacts = []
    for _ in range(1 if rng.random() < 0.65 else 2):
        name, email = people.contact_name(rng, lang)
        contacts.append(
            {
                "name": name,
                "email": email,
                "role": rng.choice(topic.roles) if topic.roles else "",
                "publish_consent": rng.random() < 0.65,
            }
        )

    title = text.pop("title")
    municipality = refs.municipality_pks.get(spec.municipality)
    region = refs.municipality_regions.get(spec.municipality) or refs.region_pks.get(spec.region)
    deed = Deed(
        title=title,
        slug=slugify(title)[:80].strip("-") or "teko",
        title_sort_key=finnish_sort_key(title),
        kind=d.kind,
        language=lang,
        organisation_id=spec.pk,
        unit=unit,
        municipality_id=municipality,
        region_id=region,
        funding=funding,
        funder=funder_field,
        project_start=project_start,
        project_end=project_end,
        status=d.status,
        published_at=d.published,
        submitter_email=contacts[0]["email"],
        **text,
    )
    return {
        "deed": deed,
        "sectors": [refs.sectors[s] for s in d.sectors],
        "themes": [refs.themes[t] for t in d.themes],
        "subthemes": [pk for _, pk in subthemes],
        "customer_groups": [refs.customer_groups[g] for g in groups if g in refs.customer_groups],
        "partners": [specs[i].pk for i in partners],
        "links": links,
        "contacts": contacts,
    }

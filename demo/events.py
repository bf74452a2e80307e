"""The programme's events for the demo: the 2021 webinar series "Kuntatyö murroksessa"
(made with a partner TV channel), the 2021 workshops and gala, and a few upcoming events.

The reported figures of 2021 are exact at every demo size: the series' seven webinars
had 357 registrants from 265 distinct organisations, the fifteen workshops 138
attendees. Organisations come from the demo's registry; past its size, registrants
name their workplace as an unlisted organisation, as people do on the form.

Everything goes through the events services, as a real registration does:
``event_create``, ``event_publish``, ``registration_create``, ``registration_cancel``,
``registration_mark_attendance``, ``event_publish_recording`` and the scheduled
reminders and thank-yous; then the retention job (``registrations_anonymise``)
anonymises the past events' registrations, so the demo holds what production holds.

The services see the demo's moment through ``events.clock.replay()``: a registration,
an attendance mark or a recording happens when the demo says (a 2021 event is otherwise
"past" and refuses registrations), and no mail is queued for the fictional registrants
(about two thousand messages, a fifth of the seeding time; no other part of the demo
sends mail either). Audit entries and everything outside the events app keep the real
time.
"""

import datetime as dt
import random
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from deeds.models import Deed
from events import clock as events_clock
from events.mailings import event_send_follow_ups, event_send_reminders
from events.models import Event, EventKind, Role, Series
from events.privacy import registrations_anonymise
from events.services import (
    event_create,
    event_publish,
    event_publish_recording,
    registration_cancel,
    registration_create,
    registration_mark_attendance,
)
from organisations.models import Organisation
from taxonomy.models import Theme

from .people import contact_name
from .places import PLACES

HELSINKI = timezone.get_default_timezone()
CONSENT_VERSION = "demo"
SERIES_SLUG = "kuntatyo-murroksessa"
PARTNER = "Kuntakanava TV"
# The programme's reported figures of 2021.
SERIES_REGISTRANTS = 357
SERIES_ORGANISATIONS = 265
WORKSHOP_ATTENDEES = (9, 10, 8, 11, 9, 10, 8, 9, 10, 9, 8, 10, 9, 10, 8)  # 138 in all
WEBINAR_REGISTRANTS = (62, 55, 48, 51, 47, 46, 48)  # 357 in all
# Registrants by role: the share of employees is the programme's key figure (about half).
ROLES = (
    (Role.EMPLOYEE, 50),
    (Role.SUPERVISOR, 22),
    (Role.MANAGEMENT, 10),
    (Role.STAFF_REPRESENTATIVE, 8),
    (Role.OTHER, 10),
)
UNLISTED_LINES = ("{gen} Energia Oy", "{gen} Satama Oy", "{gen} Pysäköintipalvelut Oy")

WEBINARS = (
    ("Kuntatyö murroksessa: etätyö jää", "Kommunarbete i förändring: distansarbetet består"),
    ("Kuntatyö murroksessa: johtaminen hybridityössä", ""),
    ("Kuntatyö murroksessa: osaaminen ja oppiminen työssä", ""),
    ("Kuntatyö murroksessa: digiloikka asiakastyössä", ""),
    ("Kuntatyö murroksessa: työhyvinvointi poikkeusaikana", ""),
    ("Kuntatyö murroksessa: kokeilukulttuuri kunnissa", ""),
    ("Kuntatyö murroksessa: mitä opimme vuodesta 2021", ""),
)
WORKSHOP_TOPICS = (
    "Palaverit lyhyemmiksi",
    "Asiakaspalaute kehittämisen lähteeksi",
    "Perehdytys uusiksi",
    "Työvuorosuunnittelu yhdessä",
    "Kokeilu kuukaudessa",
    "Digitaaliset työkalut arkeen",
    "Tiimin pelisäännöt",
    "Hiljainen tieto talteen",
    "Työn imu ja palautuminen",
    "Paperittomaksi toimistoksi",
    "Asukkaat mukaan kehittämään",
    "Uusi työntekijä kehittäjänä",
    "Moniammatillinen tiimi",
    "Kehittämisidea eteenpäin",
    "Onnistumisten jakaminen",
)
GALA_TITLE = "Tekojen tori -gaala 2021"
UPCOMING = {
    "nearly_full": "Työpaja: kehittämisteko alusta loppuun",
    "full": "Työpaja: esihenkilö kehittämisen tukena",
    "not_open": "Verkostotapaaminen: kuntatyön kehittäjät",
    "webinar": "Webinaari: tekoälystä apua kuntatyöhön",
}
TITLES = (*(t for t, _sv in WEBINARS), *(f"Työpaja: {t}" for t in WORKSHOP_TOPICS), GALA_TITLE)
TITLES = (*TITLES, *UPCOMING.values())


@dataclass
class EventsSummary:
    events: int
    registrations: int


def clear_events():
    """The demo's events go before its organisations do (a registration protects its
    organisation). Directly: no service deletes an event, which staff cancel instead."""
    Event.objects.filter(title_fi__in=TITLES).delete()
    Series.objects.filter(slug=SERIES_SLUG, events__isnull=True).delete()


def local(day, hour, minute=0):
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=HELSINKI)


class _Seeder:
    def __init__(self, rng, now):
        self.rng = rng
        self.now = now
        self.organisations = list(Organisation.objects.public().order_by("pk"))
        self.themes = list(Theme.objects.active().order_by("position"))
        self.deeds = list(Deed.objects.published().order_by("-published_at", "pk")[:40])
        self.registrations = 0
        self.events = 0

    # --- people

    def role(self):
        return self.rng.choices([r for r, _w in ROLES], weights=[w for _r, w in ROLES])[0]

    def person(self):
        language = "sv" if self.rng.random() < 0.06 else "fi"
        name, email = contact_name(self.rng, language)
        # One address per registration: the same made-up name recurs.
        self.registrations += 1
        return name, email.replace("@", f".{self.registrations}@"), language

    def register(self, clock, event, moment, where):
        """One registration made at ``moment``; ``where`` is an Organisation or a name."""
        name, email, language = self.person()
        clock.moment = moment
        registration, _created = registration_create(
            event,
            name=name,
            email=email,
            role=self.role(),
            language=language,
            consent_version=CONSENT_VERSION,
            organisation=where if isinstance(where, Organisation) else None,
            organisation_name=where if isinstance(where, str) else "",
        )
        return registration

    def moment_before(self, event, latest_days=2, earliest_days=28):
        seconds = self.rng.randint(latest_days * 86400, earliest_days * 86400)
        return event.starts_at - dt.timedelta(seconds=seconds)

    # --- events

    def event(self, clock, *, title, kind, starts_at, hours, **fields):
        clock.moment = None
        event = event_create(
            actor=None,
            kind=kind,
            title_fi=title,
            summary_fi=fields.pop("summary", "Ohjelman tilaisuus kuntatyön kehittäjille."),
            starts_at=starts_at,
            ends_at=starts_at + dt.timedelta(hours=hours),
            created_at=min(self.now, starts_at - dt.timedelta(days=45)),
            **fields,
        )
        self.events += 1
        return event_publish(event, actor=None)

    def finish(self, clock, event, attended, *, recording=False):
        """The day itself and after: reminders, attendance, recording, thank-you."""
        event_send_reminders(now=event.starts_at - dt.timedelta(hours=23))
        clock.moment = event.ends_at
        for registration in attended:
            registration_mark_attendance(registration, attended=True, actor=None)
        after = event.ends_at + dt.timedelta(hours=1)
        if recording:
            clock.moment = after = event.ends_at + dt.timedelta(days=3)
            event_publish_recording(
                event,
                url=f"https://www.example.fi/tallenteet/{event.slug}",
                captioned=True,
                actor=None,
            )
        event_send_follow_ups(now=after + dt.timedelta(minutes=5))

    def unlisted_names(self, count):
        names = [
            line.format(gen=place.gen)
            for line in UNLISTED_LINES
            for place in sorted(PLACES.values(), key=lambda p: p.code)
        ]
        return names[:count]

    def series(self, clock):
        series, _created = Series.objects.get_or_create(
            slug=SERIES_SLUG,
            defaults={
                "name_fi": "Kuntatyö murroksessa",
                "name_sv": "Kommunarbete i förändring",
                "name_en": "Municipal work in transition",
                "description_fi": "Seitsemän webinaarin sarja kuntatyön muutoksesta vuonna "
                "2021, tehty yhdessä Kuntakanava TV:n kanssa.",
                "partner": PARTNER,
            },
        )
        listed = self.organisations[:SERIES_ORGANISATIONS]
        where = [*listed, *self.unlisted_names(SERIES_ORGANISATIONS - len(listed))]
        # Every organisation once, then the rest from the busiest (the first third).
        seats = [*where, *(self.rng.choice(where[: len(where) // 3]) for _n in range(92))]
        assert len(seats) == SERIES_REGISTRANTS == sum(WEBINAR_REGISTRANTS)
        self.rng.shuffle(seats)
        for number, ((title, title_sv), count) in enumerate(
            zip(WEBINARS, WEBINAR_REGISTRANTS, strict=True)
        ):
            month = (2, 3, 4, 5, 9, 10, 11)[number]
            event = self.event(
                clock,
                title=title,
                title_sv=title_sv,
                kind=EventKind.WEBINAR,
                series=series,
                starts_at=local(dt.date(2021, month, 16), 13),
                hours=1.5,
                online=True,
                stream_url=f"https://www.example.fi/kuntakanava/{number + 1}",
                summary="Kuntatyö murroksessa -sarjan webinaari, tehty yhdessä "
                f"{PARTNER}:n kanssa.",
                themes=self.themes[number % len(self.themes) : number % len(self.themes) + 1],
                deeds=self.deeds[number * 2 : number * 2 + 2],
            )
            mine, seats = seats[:count], seats[count:]
            registrations = [
                self.register(clock, event, self.moment_before(event), w) for w in mine
            ]
            # A few changed their minds: they cancelled and are no registrants.
            for _n in range(self.rng.randint(1, 3)):
                moment = self.moment_before(event, latest_days=5, earliest_days=28)
                extra = self.register(clock, event, moment, self.rng.choice(where))
                clock.moment = moment + dt.timedelta(days=2)
                registration_cancel(extra)
            attended = [r for r in registrations if self.rng.random() < 0.64]
            self.finish(clock, event, attended, recording=True)

    def workshops(self, clock):
        days = sorted(
            dt.date(2021, 1, 20) + dt.timedelta(days=self.rng.randint(0, 320))
            for _n in WORKSHOP_TOPICS
        )
        for number, (topic, day, attending) in enumerate(
            zip(WORKSHOP_TOPICS, days, WORKSHOP_ATTENDEES, strict=True)
        ):
            event = self.event(
                clock,
                title=f"Työpaja: {topic}",
                kind=EventKind.WORKSHOP,
                starts_at=local(day, 9),
                hours=3,
                capacity=16,
                venue="Kuntatalo",
                address="Toinen linja 14, Helsinki",
                summary="Työpaja, jossa kehitetään oman työpaikan arkea yhdessä muiden kanssa.",
                themes=[self.themes[number % len(self.themes)]],
                deeds=self.deeds[number : number + 1] if number % 3 == 0 else (),
            )
            # Some who registered did not come (the rest of the places stayed empty).
            registered = attending + self.rng.randint(1, 3)
            registrations = [
                self.register(clock, event, self.moment_before(event), w)
                for w in self.rng.choices(self.organisations, k=registered)
            ]
            self.finish(clock, event, registrations[:attending])

    def gala(self, clock):
        event = self.event(
            clock,
            title=GALA_TITLE,
            kind=EventKind.GALA,
            starts_at=local(dt.date(2021, 11, 18), 18),
            hours=3,
            venue="Kulttuuritalo",
            address="Sturenkatu 4, Helsinki",
            capacity=250,
            stream_url="https://www.example.fi/kuntakanava/gaala-2021",
            stream_public=True,
            summary="Vuoden kehittämistekojen palkitseminen. Gaala myös suorana lähetyksenä.",
            deeds=self.deeds[20:26],
        )
        registrations = [
            self.register(
                clock, event, self.moment_before(event, 3, 45), self.rng.choice(self.organisations)
            )
            for _n in range(180)
        ]
        self.finish(clock, event, [r for r in registrations if self.rng.random() < 0.85])

    def upcoming(self, clock):
        today = timezone.localtime(self.now).date()

        def fill(event, count):
            for _n in range(count):
                seconds = self.rng.randint(3600, 10 * 86400)
                moment = max(self.now - dt.timedelta(seconds=seconds), event.created_at)
                self.register(clock, event, moment, self.rng.choice(self.organisations))

        nearly_full = self.event(
            clock,
            title=UPCOMING["nearly_full"],
            kind=EventKind.WORKSHOP,
            starts_at=local(today + dt.timedelta(days=20), 9),
            hours=3,
            capacity=30,
            venue="Kuntatalo",
            address="Toinen linja 14, Helsinki",
            themes=self.themes[:1],
        )
        fill(nearly_full, 27)
        full = self.event(
            clock,
            title=UPCOMING["full"],
            kind=EventKind.WORKSHOP,
            starts_at=local(today + dt.timedelta(days=34), 12),
            hours=3,
            capacity=20,
            venue="Tampere-talo",
            address="Yliopistonkatu 55, Tampere",
            themes=self.themes[1:2],
            deeds=self.deeds[30:32],
        )
        fill(full, 26)  # 20 places: six wait
        self.event(
            clock,
            title=UPCOMING["not_open"],
            kind=EventKind.NETWORK,
            starts_at=local(today + dt.timedelta(days=70), 10),
            hours=5,
            capacity=60,
            venue="Oulun kaupungintalo",
            address="Torikatu 10, Oulu",
            registration_opens_at=local(today + dt.timedelta(days=14), 9),
        )
        webinar = self.event(
            clock,
            title=UPCOMING["webinar"],
            kind=EventKind.WEBINAR,
            starts_at=local(today + dt.timedelta(days=9), 13),
            hours=1.5,
            online=True,
            stream_url="https://www.example.fi/kuntakanava/tekoaly",
        )
        fill(webinar, 43)
        clock.moment = None


def seed_events(seed_value=2026, now=None):
    """Create (or recreate) the demo's events; returns how many events and
    registrations."""
    now = now or timezone.now()
    rng = random.Random(seed_value)
    with transaction.atomic():
        clear_events()
        seeder = _Seeder(rng, now)
        if not seeder.organisations:
            return EventsSummary(0, 0)
        with events_clock.replay() as clock:
            seeder.series(clock)
            seeder.workshops(clock)
            seeder.gala(clock)
            seeder.upcoming(clock)
        # What the retention job leaves of the past events' registrations.
        registrations_anonymise(now)
    return EventsSummary(seeder.events, seeder.registrations)

"""Coaching (sparraus) for the demo: the 2021 round exactly as the programme reported
it, and the running year's round (2026 as this is written) with an application in
every state.

2021: the tender chose 11 experts from 8 organisations; 26 applications came from 17
organisations asking for 46 coaching days, on five themes (work community and culture
11, co-development and participation 5, processes, services and customer orientation
5, workload and wellbeing 3, remote work and services 1: 25 theme marks, since one
application named no theme); coaching was realised for 7 organisations with 134
participants, of whom 75 employees (a coaching's participants are its largest held
session's, coaching/figures.py); every feedback answer gave 5, a mean of 5.0. The
others were declined (the budget of days ran out) or withdrawn. The 2021 coachings
ended years ago, so the retention job has anonymised them, as production would have.

Everything goes through the services (coaching/services.py, feedback.py, experts.py)
at the demo's moments (``core.clock.replay``: no mail is queued for the fictional
people). Organisations come from the demo's registry; past its size, applicants name
their workplace as an unlisted organisation.
"""

import datetime as dt
import random
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from coaching.experts import expert_create, round_create
from coaching.feedback import feedback_answer, feedback_open, links_of
from coaching.models import Application, CoachingTheme, Expert, Round
from coaching.privacy import applications_anonymise
from coaching.services import (
    application_accept,
    application_assess,
    application_close,
    application_decline,
    application_deed_record,
    application_realise,
    application_save,
    application_submit,
    application_withdraw,
    message_send,
    note_add,
    session_plan,
    session_record,
)
from core import clock
from deeds.models import Deed
from organisations.models import Organisation

from .people import contact_name

HELSINKI = timezone.get_default_timezone()
CONSENT = "demo"
EXPERT_DOMAIN = "@sparraus.example.com"

# (name, organisation, theme slugs, language of emails): 8 organisations, 11 experts.
EXPERTS = (
    ("Helena Aaltonen", "Kehitysverstas Oy", ("tyoyhteiso-ja-kulttuuri",), "fi"),
    ("Markus Virtala", "Kehitysverstas Oy", ("yhteiskehittaminen-ja-osallisuus",), "fi"),
    ("Sari Lindholm", "Osallistamo Oy", ("yhteiskehittaminen-ja-osallisuus",), "sv"),
    ("Jukka Rautio", "Osallistamo Oy", ("tyoyhteiso-ja-kulttuuri",), "fi"),
    ("Päivi Kettunen", "Prosessipari Oy", ("prosessit-palvelut-ja-asiakaslahtoisyys",), "fi"),
    ("Tomi Saarela", "Prosessipari Oy", ("prosessit-palvelut-ja-asiakaslahtoisyys",), "fi"),
    ("Riitta Heinonen", "Voimavara Valmennus Oy", ("tyokuormitus-ja-hyvinvointi",), "fi"),
    ("Anders Holmqvist", "Arbetsglädje Ab", ("tyoyhteiso-ja-kulttuuri",), "sv"),
    ("Minna Jokela", "Etäjohtamisen Akatemia Oy", ("etatyo-ja-etapalvelut",), "fi"),
    ("Kari Nieminen", "Työyhteisöpaja Oy", ("tyoyhteiso-ja-kulttuuri",), "fi"),
    (
        "Laura Peltonen",
        "Palvelumuotoilu Kide Oy",
        ("prosessit-palvelut-ja-asiakaslahtoisyys",),
        "fi",
    ),
)
THEMES_2021 = (
    *["tyoyhteiso-ja-kulttuuri"] * 11,
    *["yhteiskehittaminen-ja-osallisuus"] * 5,
    *["prosessit-palvelut-ja-asiakaslahtoisyys"] * 5,
    *["tyokuormitus-ja-hyvinvointi"] * 3,
    "etatyo-ja-etapalvelut",
    None,  # the one application that named no theme
)
# Days wished: 20 applications two days, 6 one day (46 in all).
DAYS_2021 = (2,) * 20 + (1,) * 6
# Applications by organisation: nine organisations applied twice, eight once (26 from 17).
ORGANISATION_OF_2021 = tuple(i // 2 for i in range(18)) + tuple(range(9, 17))
# The seven realised coachings (by application index, each at a different organisation):
# the largest session's participants and employees (134 and 75 in all), the sessions.
REALISED_2021 = {
    0: (24, 14, 2),
    2: (22, 12, 2),
    4: (20, 11, 2),
    6: (19, 10, 1),
    8: (18, 10, 2),
    18: (16, 9, 1),
    20: (15, 9, 2),
}
WITHDRAWN_2021 = (3, 10, 12, 22)  # 10 and 12 after being accepted
ACCEPTED_THEN_WITHDRAWN = (10, 12)
GOALS = (
    "Haluamme kehittää työyhteisön vuorovaikutusta ja palaverikäytäntöjä.",
    "Tiimimme tarvitsee yhteiset pelisäännöt muutoksen keskellä.",
    "Asiakaspalvelun prosessit kaipaavat selkeyttä ja asukkaiden ääntä.",
    "Työkuormitus on kasvanut: etsimme keinoja palautumiseen ja priorisointiin.",
    "Etätyö ja lähityö pitää sovittaa yhteen niin, että kaikki pysyvät mukana.",
    "Haluamme ottaa henkilöstön mukaan kehittämään palveluja.",
)
ROLES = ("Henkilöstöpäällikkö", "Esihenkilö", "Kehittämispäällikkö", "HR-asiantuntija")
TIMING = ("Syksy", "Kevät", "Elo–syyskuu", "Mahdollisimman pian", "Loppuvuosi")
FEEDBACK_TEXTS = (
    "Sparraaja sai koko porukan mukaan.",
    "Käytännöllisiä työkaluja, joita olemme jo ottaneet käyttöön.",
    "Hyvä tunnelma ja selkeä rakenne.",
    "",
    "Toivoisimme jatkoa ensi vuonna.",
)
DECLINE_REASON = "Vuoden sparrauspäivät on jo jaettu: toivomme, että haette uudelleen."


@dataclass
class CoachingSummary:
    experts: int
    applications: int
    realised_2021: int


def clear_coaching():
    """The demo's rounds, their applications and its experts go before its
    organisations do (an application protects its organisation). Directly: no service
    deletes an application that was sent."""
    rounds = Round.objects.filter(year=2021) | Round.objects.filter(
        experts__email__endswith=EXPERT_DOMAIN
    )
    rounds = list(rounds.distinct())
    Application.objects.filter(round__in=rounds).delete()
    Application.objects.filter(round=None, consent_version=CONSENT).delete()
    Round.objects.filter(pk__in=[r.pk for r in rounds]).delete()
    Expert.objects.filter(email__endswith=EXPERT_DOMAIN).delete()


def local(day, hour=10, minute=0):
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=HELSINKI)


def bio(name, organisation, area_fi, area_sv):
    first = name.split()[0]
    return (
        f"{first} on {organisation} -yhtiön valmentaja, joka on tukenut kuntien työyhteisöjä "
        f"yli kymmenen vuotta. Erityisalaa: {area_fi.lower()}.",
        f"{first} är coach vid {organisation} och har stött kommunala arbetsgemenskaper i "
        f"över tio år. Specialområde: {area_sv.lower()}.",
    )


class _Seeder:
    def __init__(self, rng, now, replay):
        self.rng = rng
        self.now = now
        self.replay = replay
        self.themes = {t.slug: t for t in CoachingTheme.objects.all()}
        self.registry = list(Organisation.objects.public().order_by("pk"))
        self.applications = 0

    def at(self, moment):
        # Never after the real now: a session held "today" is recorded by now.
        self.replay.moment = min(moment, self.now)

    # --- people and organisations

    def organisation(self, index):
        """(organisation, unlisted name): the registry's, or past its size a name."""
        if index < len(self.registry):
            return self.registry[index], ""
        return None, f"Demokunnan palvelukeskus {index + 1}"

    def contact(self):
        language = "sv" if self.rng.random() < 0.1 else "fi"
        name, email = contact_name(self.rng, language)
        self.applications += 1
        return name, email.replace("@", f".{self.applications}@"), language

    def experts(self):
        made = []
        for name, organisation, slugs, language in EXPERTS:
            theme = self.themes[slugs[0]]
            bio_fi, bio_sv = bio(name, organisation, theme.name_fi, theme.name_sv)
            local_part = name.lower().replace(" ", ".").replace("ä", "a").replace("ö", "o")
            made.append(
                expert_create(
                    fields={
                        "name": name,
                        "organisation_name": organisation,
                        "email": f"{local_part}{EXPERT_DOMAIN}",
                        "language": language,
                        "bio_fi": bio_fi,
                        "bio_sv": bio_sv,
                        "is_public": True,
                    },
                    themes=[self.themes[s] for s in slugs],
                    actor=None,
                )
            )
        return made

    def application(self, index, *, theme, days, moment, send=True):
        organisation, unlisted = self.organisation(index)
        name, email, language = self.contact()
        self.at(moment)
        application = application_save(
            None,
            fields={
                "organisation": organisation,
                "organisation_name": unlisted,
                "contact_name": name,
                "contact_role": self.rng.choice(ROLES),
                "contact_email": email,
                "contact_phone": f"040 {self.rng.randint(100, 999)} {self.rng.randint(1000, 9999)}",
                "language": language,
                "goals": self.rng.choice(GOALS),
                "employees": self.rng.randint(8, 30),
                "supervisors": self.rng.randint(1, 4),
                "days_requested": Decimal(days),
                "timing": self.rng.choice(TIMING),
                "consent_version": CONSENT,
            },
            themes=[self.themes[theme]] if theme else [],
        )
        if not send:
            return application
        self.at(moment + dt.timedelta(minutes=20))
        return application_submit(application, consent_version=CONSENT)

    def hold(self, application, days, sizes):
        """Plan and hold sessions on ``days`` with (participants, employees) each."""
        sessions = []
        for day in days:
            self.at(local(day - dt.timedelta(days=30)))
            sessions.append(session_plan(application, date=day, actor=None))
        for session, (participants, employees) in zip(sessions, sizes, strict=True):
            self.at(local(session.date, 16))
            session_record(
                session,
                date=session.date,
                days=Decimal("1"),
                participants=participants,
                employees=employees,
                actor=None,
            )
        return sessions

    def feedback(self, application, opened, answers):
        self.at(opened)
        application = feedback_open(application)
        for n, (_number, token, _used) in enumerate(links_of(application)[:answers]):
            self.at(opened + dt.timedelta(days=1 + n % 4, hours=n))
            feedback_answer(token, score=5, text=FEEDBACK_TEXTS[n % len(FEEDBACK_TEXTS)])
        return application

    def deed_of(self, application):
        deeds = Deed.objects.published()
        if application.organisation_id:
            own = deeds.filter(organisation_id=application.organisation_id).first()
            if own is not None:
                return own
        return None

    # --- 2021

    def year_2021(self, experts):
        round_ = round_create(
            year=2021,
            budget_days=Decimal("20"),
            opens_on=dt.date(2021, 2, 1),
            closes_on=dt.date(2021, 4, 30),
            actor=None,
        )
        round_.experts.set(experts)
        applications = []
        for i in range(26):
            moment = local(dt.date(2021, 2, 2) + dt.timedelta(days=3 * i), 9 + i % 7)
            applications.append(
                self.application(
                    ORGANISATION_OF_2021[i], theme=THEMES_2021[i], days=DAYS_2021[i], moment=moment
                )
            )
        decided = local(dt.date(2021, 5, 12))
        for i, application in enumerate(applications):
            self.at(decided - dt.timedelta(days=2))
            application = application_assess(application, actor=None)
            self.at(decided + dt.timedelta(hours=i))
            if i in REALISED_2021 or i in ACCEPTED_THEN_WITHDRAWN:
                expert = experts[i % len(experts)]
                application = application_accept(
                    application, days=Decimal("2"), expert=expert, actor=None
                )
            elif i not in WITHDRAWN_2021:
                application = application_decline(application, reason=DECLINE_REASON, actor=None)
            if i in WITHDRAWN_2021:
                self.at(decided + dt.timedelta(days=20 + i))
                application = application_withdraw(
                    application, reason="Aikataulu ei tänä vuonna sovi.", notify=False
                )
            applications[i] = application
        for n, (i, (participants, employees, count)) in enumerate(REALISED_2021.items()):
            application = applications[i]
            first = dt.date(2021, 8, 24) + dt.timedelta(days=9 * n)
            days = [first + dt.timedelta(days=21 * k) for k in range(count)]
            sizes = [(participants, employees)] + [
                (participants - 3 - k, employees - 2) for k in range(count - 1)
            ]
            self.hold(application, days, sizes)
            self.at(local(days[-1], 17))
            application = application_realise(application, actor=None)
            opened = local(days[-1] + dt.timedelta(days=3), 8)
            application = self.feedback(application, opened, answers=participants // 3)
            self.at(opened + dt.timedelta(days=21))
            application = application_close(application, actor=None)
            deed = self.deed_of(application) if n % 2 == 0 else None
            if deed is not None:
                application_deed_record(application, deed)
        return round_

    # --- The running year

    def running_year(self, experts):
        """This year's round, open all year, with an application in every state. The
        demo's moments reach back at most to the round's opening (a demo seeded in
        January compresses the year's story into its first days)."""
        today = timezone.localdate(self.now)
        year = today.year
        opens_on = dt.date(year, 1, 2) if today > dt.date(year, 1, 2) else dt.date(year, 1, 1)
        round_ = round_create(
            year=year,
            budget_days=Decimal("60"),
            opens_on=opens_on,
            closes_on=dt.date(year, 12, 31),
            actor=None,
        )
        round_.experts.set(experts[:8])
        end = self.now
        scale = min(1.0, (end - local(opens_on, 0)) / dt.timedelta(days=250))

        def back(days, hours=0):
            return end - dt.timedelta(days=days, hours=hours) * scale

        def ago(days):
            return timezone.localdate(back(days))

        base = 17  # after the 2021 organisations, where the registry has more

        def sent(k, days_ago, theme, days=2):
            return self.application(
                base + k, theme=theme, days=days, moment=back(days_ago, hours=k)
            )

        def accepted(application, days_ago, expert):
            self.at(back(days_ago + 1))
            application = application_assess(application, actor=None)
            self.at(back(days_ago))
            return application_accept(application, days=Decimal("2"), expert=expert, actor=None)

        # Received: new and waiting.
        sent(0, 2, "tyoyhteiso-ja-kulttuuri")
        received = sent(1, 6, "tyokuormitus-ja-hyvinvointi", days=3)
        self.at(back(5))
        message_send(
            received,
            author="staff",
            body="Kiitos hakemuksesta! Montako esihenkilöä ryhmään kuuluu?",
        )
        # Being assessed, with a question answered.
        assessing = sent(2, 12, "yhteiskehittaminen-ja-osallisuus")
        self.at(back(10))
        assessing = application_assess(assessing, actor=None)
        message_send(assessing, author="staff", body="Sopisiko sparraus tammikuussa?")
        self.at(back(9))
        message_send(assessing, author="applicant", body="Tammikuu sopii hyvin, kiitos.")
        note_add(assessing, body="Hyvä hakemus; budjetissa on tilaa.", user=None)
        # Accepted, waiting for dates.
        accepted(sent(3, 30, "prosessit-palvelut-ja-asiakaslahtoisyys"), 20, experts[4])
        # Scheduled: one session held, one ahead.
        scheduled = accepted(sent(4, 90, "tyoyhteiso-ja-kulttuuri", days=3), 80, experts[0])
        self.at(back(40))
        first = session_plan(scheduled, date=ago(14), actor=None)
        session_plan(scheduled, date=today + dt.timedelta(days=21), actor=None)
        self.at(local(first.date, 16))
        session_record(
            first, date=first.date, days=Decimal("1"), participants=17, employees=11, actor=None
        )
        note_add(
            scheduled, body="Ensimmäinen päivä sujui hyvin; toisella harjoitellaan.", user=None
        )
        # Realised yesterday: the feedback opens in a few days.
        realised = accepted(sent(5, 120, "tyokuormitus-ja-hyvinvointi"), 110, experts[6])
        self.hold(realised, [ago(15), ago(1)], [(14, 9), (12, 8)])
        self.at(local(ago(1), 17))
        application_realise(realised, actor=None)
        # Collecting feedback.
        collecting = accepted(sent(6, 160, "yhteiskehittaminen-ja-osallisuus"), 150, experts[2])
        self.hold(collecting, [ago(22), ago(8)], [(20, 13), (18, 12)])
        self.at(local(ago(8), 17))
        collecting = application_realise(collecting, actor=None)
        self.feedback(collecting, back(5), answers=6)
        # Closed, with the deed that came out of it.
        closed = accepted(sent(7, 240, "tyoyhteiso-ja-kulttuuri"), 230, experts[3])
        self.hold(closed, [ago(130), ago(120)], [(21, 12), (19, 11)])
        self.at(local(ago(120), 17))
        closed = application_realise(closed, actor=None)
        closed = self.feedback(closed, back(117), answers=9)
        self.at(back(95))
        closed = application_close(closed, actor=None)
        deed = self.deed_of(closed)
        if deed is not None:
            application_deed_record(closed, deed)
        # Declined and withdrawn.
        declined = sent(8, 60, "etatyo-ja-etapalvelut", days=4)
        self.at(back(50))
        application_decline(
            declined,
            reason="Hakemus koskee ohjelmistohankintaa, johon sparraus ei sovi.",
            actor=None,
        )
        withdrawn = sent(9, 45, "tyoyhteiso-ja-kulttuuri")
        self.at(back(40))
        application_withdraw(withdrawn, reason="Organisaatiomuutos siirtää kehittämistä.")
        # A draft never sent.
        self.application(
            base + 10, theme="tyoyhteiso-ja-kulttuuri", days=1, moment=back(1), send=False
        )
        return round_


def seed_coaching(seed_value=2026, now=None):
    """Create (or recreate) the demo's coaching; returns how many experts,
    applications and 2021 realised coachings."""
    now = now or timezone.now()
    with transaction.atomic():
        clear_coaching()
        with clock.replay() as replay:
            seeder = _Seeder(random.Random(seed_value), now, replay)
            experts = seeder.experts()
            seeder.year_2021(experts)
            if timezone.localdate(now).year > 2021:
                seeder.running_year(experts)
        # What the retention job leaves of the coachings that ended years ago.
        applications_anonymise(now)
    return CoachingSummary(
        experts=len(experts),
        applications=Application.objects.filter(round__experts__in=experts).distinct().count(),
        realised_2021=Application.objects.filter(round__year=2021).realised().count(),
    )

"""The newsletter for the demo: about 2,300 fictional subscribers (example.com addresses)
who subscribed and confirmed over 2021–2026, some of whom left or bounced; the 14 issues
of 2022; and this week's issue as a draft for staff to preview, test and send.

Subscribers go through the same services as the form (``subscriber_subscribe``,
``subscriber_confirm``, ``subscriber_change``, ``subscriber_unsubscribe``,
``subscriber_set_aside``) at the demo's moments (``core.clock.replay``: no mail is
queued for them). The 2022 issues were sent by the programme's earlier mailing tool:
they are recorded with ``issue_record_sent``, as staff record the newsletter's history,
with the number of subscribers each went to.
"""

import datetime as dt
import random
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from core import clock
from newsletter.issue_services import issue_change, issue_create, issue_record_sent
from newsletter.models import Issue, Subscriber, SubscriberSource
from newsletter.services import (
    subscriber_change,
    subscriber_confirm,
    subscriber_set_aside,
    subscriber_subscribe,
    subscriber_unsubscribe,
)
from organisations.models import Region
from taxonomy.models import Sector, Theme

HELSINKI = timezone.get_default_timezone()
CONSENT = "demo"
# Confirmed subscribers by the year they joined: the list grew with the campaigns.
JOINED = {2021: 520, 2022: 610, 2023: 380, 2024: 330, 2025: 290, 2026: 240}
LEFT_SHARE = 0.08  # left later, by the link in a newsletter
BOUNCED_SHARE = 0.02  # set aside after bounces
PENDING = 14  # subscribed in the last days, not confirmed yet
LANGUAGES = (("fi", 88), ("sv", 9), ("en", 3))
ISSUES_2022 = (
    (
        dt.date(2022, 1, 20),
        "Vuosi käyntiin: kehittämisen ideat jakoon",
        "Året i gång: dela idéerna",
    ),
    (dt.date(2022, 2, 10), "Etätyön hyvät käytännöt", "God praxis för distansarbete"),
    (dt.date(2022, 3, 3), "Kampanja alkaa: ilmianna teko!", "Kampanjen börjar: tipsa om ett dåd!"),
    (dt.date(2022, 3, 24), "Kampanjan välitilanne", "Kampanjens mellanläge"),
    (dt.date(2022, 4, 14), "Kekseliäin kunta on valittu", "Den mest uppfinningsrika kommunen"),
    (dt.date(2022, 5, 12), "Työpajojen kevät", "Verkstädernas vår"),
    (dt.date(2022, 6, 9), "Kesän lukulista kehittäjälle", "Sommarens läslista"),
    (dt.date(2022, 8, 18), "Syksyn webinaarit", "Höstens webbinarier"),
    (dt.date(2022, 9, 8), "Sparraus auttaa alkuun", "Sparrning hjälper i gång"),
    (dt.date(2022, 9, 29), "Asiakas mukaan kehittämään", "Kunden med i utvecklingen"),
    (dt.date(2022, 10, 20), "Gaalan ehdokkaat", "Galans kandidater"),
    (dt.date(2022, 11, 10), "Palkitut teot 2022", "Prisbelönta dåd 2022"),
    (dt.date(2022, 12, 1), "Joulukalenteri aukeaa", "Julkalendern öppnas"),
    (dt.date(2022, 12, 15), "Kiitos vuodesta 2022", "Tack för år 2022"),
)
INTRO = (
    "Hei kehittäjä!\n\nTässä numerossa kerromme, mitä kuntatyöpaikoilla on viime viikkoina "
    "kehitetty, ja nostamme esiin tekoja, joista voi ottaa mallia omaan työhön."
)
INTRO_SV = (
    "Hej utvecklare!\n\nI det här numret berättar vi vad som har utvecklats på kommunala "
    "arbetsplatser de senaste veckorna."
)
CLOSING = "Jaa oma tekosi osoitteessa tekojentori.fi/ilmianna – pienikin parannus kelpaa!"
NEWS = (
    {
        "title_fi": "Tekojen tori uudistui",
        "title_sv": "Tekojen tori förnyades",
        "text_fi": "Tekojen hakeminen on nyt nopeampaa, ja palvelu toimii myös ruotsiksi.",
        "text_sv": "Det går snabbare att söka dåd, och tjänsten fungerar också på svenska.",
        "url": "",
    },
    {
        "title_fi": "Kerro meille, mitä uutiskirjeestä puuttuu",
        "text_fi": "Palautteesi auttaa tekemään uutiskirjeestä hyödyllisemmän.",
        "url": "",
    },
)


@dataclass
class NewsletterSummary:
    subscribers: int
    confirmed: int
    issues: int


def clear_newsletter():
    """The demo's subscribers and issues (directly: they are fictional, and no service
    deletes a sent issue)."""
    Subscriber.objects.filter(consent=CONSENT).delete()
    Issue.objects.filter(key__in=[*issue_keys(), current_key()]).delete()


def issue_keys():
    return [f"2022-{n:02d}" for n in range(1, len(ISSUES_2022) + 1)]


def current_key(today=None):
    year, week, _ = (today or timezone.localdate()).isocalendar()
    return f"{year}-viikko-{week:02d}"


def at(day, hour, minute=0):
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=HELSINKI)


class _Seeder:
    def __init__(self, rng, now):
        self.rng = rng
        self.now = now
        self.sectors = list(Sector.objects.active())
        self.themes = list(Theme.objects.active())
        self.regions = list(Region.objects.all())
        self.n = 0

    def moment_in(self, year):
        start = at(dt.date(year, 1, 1), 0)
        end = min(at(dt.date(year + 1, 1, 1), 0), self.now - dt.timedelta(days=2))
        return start + dt.timedelta(seconds=self.rng.uniform(0, (end - start).total_seconds()))

    def choices(self):
        """Most want the whole newsletter; a quarter also or only new deeds of topics."""
        roll = self.rng.random()
        wants = roll < 0.9
        topics = roll > 0.7
        pick = self.rng.sample
        return {
            "wants_newsletter": wants,
            "sectors": pick(self.sectors, self.rng.randint(0, 2)) if topics else [],
            "themes": pick(self.themes, self.rng.randint(1, 2)) if topics else [],
            "regions": pick(self.regions, self.rng.randint(0, 1)) if topics else [],
        }

    def subscribe(self, moment, *, confirm=True):
        self.n += 1
        language = self.rng.choices([c for c, _w in LANGUAGES], [w for _c, w in LANGUAGES])[0]
        email = f"tilaaja{self.n}@example.com"
        replay = self.replay
        replay.moment = moment
        source = SubscriberSource.FOOTER if self.rng.random() < 0.3 else SubscriberSource.FORM
        subscriber_subscribe(
            email=email, language=language, consent=CONSENT, source=source, **self.choices()
        )
        subscriber = Subscriber.objects.for_address(email).get()
        if confirm:
            replay.moment = moment + dt.timedelta(minutes=self.rng.randint(2, 600))
            subscriber_confirm(subscriber)
        return subscriber

    def later(self, moment):
        gap = dt.timedelta(days=self.rng.uniform(30, 900))
        return min(moment + gap, self.now - dt.timedelta(hours=1))

    def subscribers(self):
        for year, count in JOINED.items():
            for _ in range(count):
                moment = self.moment_in(year)
                subscriber = self.subscribe(moment)
                roll = self.rng.random()
                if roll < LEFT_SHARE:
                    self.replay.moment = self.later(moment)
                    subscriber_unsubscribe(subscriber)
                elif roll < LEFT_SHARE + BOUNCED_SHARE:
                    self.replay.moment = self.later(moment)
                    subscriber_set_aside(
                        subscriber,
                        reason="5.1.1 Recipient address rejected: User unknown",
                    )
                elif roll < 0.2:
                    self.replay.moment = self.later(moment)
                    subscriber_change(subscriber, language=subscriber.language, **self.choices())
        for _ in range(PENDING):
            self.subscribe(self.now - dt.timedelta(hours=self.rng.uniform(1, 120)), confirm=False)

    def issues(self):
        for number, (day, subject, subject_sv) in enumerate(ISSUES_2022, start=1):
            sent_at = at(day, 9, 30)
            self.replay.moment = sent_at - dt.timedelta(days=2)
            issue = issue_create(
                actor=None,
                key=f"2022-{number:02d}",
                subject_fi=f"{subject} ({number}/2022)",
                subject_sv=f"{subject_sv} ({number}/2022)",
                intro_fi=INTRO,
                intro_sv=INTRO_SV,
                closing_fi=CLOSING,
                deeds_since=sent_at - dt.timedelta(days=21),
                now=sent_at - dt.timedelta(days=2),
            )
            issue_change(issue, actor=None, news=[NEWS[number % len(NEWS)]])
            self.replay.moment = sent_at + dt.timedelta(hours=1)
            recipients = Subscriber.objects.subscribed_on(sent_at).count()
            issue_record_sent(issue, actor=None, sent_at=sent_at, recipients=recipients)

    def draft(self):
        """This week's issue, composed but not sent: staff preview, test and send it."""
        issue = issue_create(
            actor=None,
            key=current_key(timezone.localdate(self.now)),
            subject_fi="Viikon teot ja tulevat tapahtumat",
            subject_sv="Veckans dåd och kommande evenemang",
            subject_en="This week's deeds and upcoming events",
            intro_fi=INTRO,
            intro_sv=INTRO_SV,
            closing_fi=CLOSING,
            deeds_since=self.now - dt.timedelta(days=14),
        )
        issue_change(issue, actor=None, news=list(NEWS))


@transaction.atomic
def seed_newsletter(seed_value=2026, now=None):
    if Subscriber.objects.filter(consent=CONSENT).exists():
        return None
    seeder = _Seeder(random.Random(seed_value), now or timezone.now())
    with clock.replay() as replay:
        seeder.replay = replay
        seeder.subscribers()
        seeder.issues()
    seeder.draft()
    return NewsletterSummary(
        subscribers=Subscriber.objects.filter(consent=CONSENT).count(),
        confirmed=Subscriber.objects.confirmed().count(),
        issues=Issue.objects.sent().count(),
    )

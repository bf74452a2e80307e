"""The demo's coaching (demo/coaching.py): the programme's 2021 figures exactly, from
coaching_figures and the stats API, and the running 2026 round with an application in
every state. Seeded onto a small registry of organisations and deeds (the whole
seed_demo is tested in test_seed_demo_events.py)."""

import datetime as dt
from collections import Counter

import pytest
import time_machine
from django.db import transaction
from django.utils import timezone

from audit.models import AuditEntry
from coaching.figures import coaching_figures
from coaching.models import Application, ApplicationStatus, Expert, Message, Note, Round
from demo.coaching import seed_coaching
from emails.models import OutgoingEmail
from tests.deeds.factories import DeedFactory
from tests.organisations.factories import OrganisationFactory

pytestmark = pytest.mark.django_db
S = ApplicationStatus
FIGURES_2021 = {
    "year": 2021,
    "experts": 11,
    "expert_organisations": 8,
    "applications": 26,
    "organisations": 17,
    "days_requested": 46,
    "realised": 7,
    "participants": 134,
    "employees": 75,
    "feedback_mean": 5.0,
}
THEMES_2021 = {
    "tyoyhteiso-ja-kulttuuri": 11,
    "yhteiskehittaminen-ja-osallisuus": 5,
    "prosessit-palvelut-ja-asiakaslahtoisyys": 5,
    "tyokuormitus-ja-hyvinvointi": 3,
    "etatyo-ja-etapalvelut": 1,
}


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        organisations = [OrganisationFactory() for _ in range(30)]
        for organisation in organisations:
            DeedFactory(organisation=organisation)
        summary = seed_coaching()
        yield summary
        transaction.set_rollback(True)


def test_the_2021_figures_are_the_programmes(demo):
    figures = coaching_figures(2021)
    assert {key: figures[key] for key in FIGURES_2021} == FIGURES_2021
    assert {row["theme"]: row["applications"] for row in figures["by_theme"]} == THEMES_2021
    assert figures["feedback_count"] > 0


def test_the_stats_api_reports_them(demo, client):
    figures = client.get("/api/v1/stats/coaching", {"year": "2021"}).json()
    assert {key: figures[key] for key in FIGURES_2021} == FIGURES_2021
    assert [(row["theme"], row["applications"]) for row in figures["by_theme"]] == list(
        THEMES_2021.items()
    )


def test_this_years_round_is_under_way_with_every_state(demo):
    year = timezone.localdate().year
    round_ = Round.objects.get(year=year)
    assert round_.budget_days == 60 and round_.closes_on == dt.date(year, 12, 31)
    states = Counter(Application.objects.filter(round=round_).values_list("status", flat=True))
    assert set(states) == set(S.values) - {S.DRAFT}
    assert Application.objects.filter(round=None, status=S.DRAFT).count() == 1
    assert 0 < round_.days_granted() <= round_.budget_days
    assert Message.objects.filter(application__round=round_).exists()
    assert Note.objects.filter(application__round=round_).exists()
    # The 2026 applications keep their contacts; 2021's are anonymised by the retention.
    assert not Application.objects.filter(round=round_, contact_email="").exists()
    assert not Application.objects.filter(round__year=2021, anonymised_at=None).exists()


def test_experts_have_fi_and_sv_bios_and_deeds(demo):
    experts = Expert.objects.all()
    assert experts.count() == 11 and not experts.filter(user__isnull=False).exists()
    assert not experts.filter(bio_fi="").exists() and not experts.filter(bio_sv="").exists()
    assert not experts.exclude(invitation_salt="").exists()  # no invitation sent
    closed = Application.objects.filter(status=S.CLOSED).exclude(deeds=None)
    assert closed.filter(round__year=2021).exists() and closed.filter(round__year=2026).exists()
    assert Expert.objects.filter(applications__deeds__isnull=False).exists()


def test_made_through_the_services_without_mail(demo):
    actions = Counter(AuditEntry.objects.values_list("action", flat=True))
    sent = Application.objects.exclude(status=S.DRAFT).count()
    assert actions["application.submitted"] == sent
    assert actions["application.realised"] == Application.objects.realised().count()
    assert not OutgoingEmail.objects.filter(purpose__startswith="coaching").exists()
    assert demo.realised_2021 == 7


def test_seeding_again_replaces_the_demo(demo):
    before = coaching_figures(2021)
    seed_coaching()
    assert coaching_figures(2021) == before
    assert Expert.objects.count() == 11


@pytest.mark.parametrize("moment", ["2024-03-15 12:00", "2023-01-02 09:00"])
def test_seeded_on_another_day_the_figures_hold_and_nothing_is_after_now(moment):
    now = timezone.make_aware(dt.datetime.fromisoformat(moment))
    for organisation in [OrganisationFactory() for _ in range(20)]:
        DeedFactory(organisation=organisation)
    with time_machine.travel(now, tick=False):
        seed_coaching()
    figures = coaching_figures(2021)
    assert {key: figures[key] for key in FIGURES_2021} == FIGURES_2021
    running = Application.objects.filter(round__year=now.year)
    assert set(running.values_list("status", flat=True)) == set(S.values) - {S.DRAFT}
    for field in ("submitted_at", "decided_at", "realised_at", "closed_at", "updated_at"):
        assert not Application.objects.filter(**{f"{field}__gt": now}).exists(), field

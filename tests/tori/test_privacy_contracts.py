"""Privacy is a contract per app (docs/privacy.md): every model that holds an email
address, a person's name or a phone number belongs to one app's privacy module, and
`personal_data`, `prune` and the privacy notice reach the apps only through the
registry of those modules (settings.PRIVACY_CONTRACTS)."""

import fnmatch
import json
from datetime import timedelta
from io import StringIO
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.exceptions import ImproperlyConfigured
from django.core.management import CommandError, call_command
from django.db import models
from django.utils import timezone

from analytics.models import DailySalt, Hit
from audit.models import AuditEntry
from emails.models import EmailStatus, OutgoingEmail
from events.models import Registration
from feedback.models import Feedback
from submissions.models import Submission, SubmissionStatus
from tests.deeds.factories import DeedContactFactory
from tests.events.factories_core import published_event
from tests.feedback.factories import FeedbackFactory
from tori.personal_data import INTERFACE, contracts

EXAMPLE = "tests.tori.example_privacy_contract"

# Fields named like personal data that are not about a person: (model, field pattern, why).
NOT_PERSONAL = [
    ("organisations.Region", "name_*", "a region's name"),
    ("organisations.Municipality", "name_*", "a municipality's name"),
    ("organisations.Organisation", "name_*", "an organisation's name"),
    ("taxonomy.Sector", "name_*", "a taxonomy label"),
    ("taxonomy.Theme", "name_*", "a taxonomy label"),
    ("taxonomy.Subtheme", "name_*", "a taxonomy label"),
    ("taxonomy.CustomerGroup", "name_*", "a taxonomy label"),
    ("recognition.Campaign", "name*", "a campaign's name"),
    ("recognition.Gala", "name*", "a gala's name"),
    ("recognition.AwardCategory", "name*", "an award category's name"),
    ("events.Series", "name_*", "an event series' name"),
    ("coaching.CoachingTheme", "name_*", "a coaching theme's label"),
]


def looks_personal(field):
    name = field.name.lower()
    return (
        isinstance(field, models.EmailField | models.GenericIPAddressField)
        or "email" in name
        or "phone" in name
        or name in {"name", "first_name", "last_name", "full_name", "username"}
        or name.startswith("name_")
        or name.endswith("_name")
    )


def project_models():
    root = Path(settings.BASE_DIR)
    for config in apps.get_app_configs():
        path = Path(config.path)
        if path.is_relative_to(root) and not {".venv", "site-packages"} & set(path.parts):
            yield from config.get_models()


def personal_fields(model):
    label = model._meta.label
    return [
        field.name
        for field in model._meta.concrete_fields
        if not field.is_relation
        and looks_personal(field)
        and not any(
            label == allowed and fnmatch.fnmatch(field.name, pattern)
            for allowed, pattern, _why in NOT_PERSONAL
        )
    ]


def covered():
    return [model._meta.label for contract in contracts() for model in contract.MODELS]


def test_every_model_with_personal_fields_belongs_to_a_privacy_contract():
    uncovered = {
        model._meta.label: fields
        for model in project_models()
        if (fields := personal_fields(model)) and model._meta.label not in covered()
    }
    assert uncovered == {}, (
        "Add these models to their app's privacy.py MODELS (export, erase, retention; "
        "docs/privacy.md), or to NOT_PERSONAL here if the field is not about a person"
    )


def test_the_scan_sees_the_personal_fields_it_should():
    found = {m._meta.label: personal_fields(m) for m in project_models()}
    assert found["deeds.DeedContact"] == ["name", "email", "phone"]
    assert found["feedback.Feedback"] == ["email"]
    assert {"first_name", "last_name", "email"} <= set(found["accounts.User"])
    assert found["organisations.Organisation"] == []


def test_each_allowed_name_still_exists():
    # A stale entry would silently allow a new personal field on a renamed model.
    for label, pattern, _why in NOT_PERSONAL:
        model = apps.get_model(label)
        assert fnmatch.filter([f.name for f in model._meta.concrete_fields], pattern), label


def test_every_apps_privacy_module_is_registered():
    # Writing accounts/privacy.py is not enough: the commands and the notice walk the list.
    written = {
        f"{config.name}.privacy"
        for config in apps.get_app_configs()
        if (Path(config.path) / "privacy.py").exists()
    }
    assert written <= set(settings.PRIVACY_CONTRACTS)


def test_each_model_belongs_to_one_contract_and_each_contract_is_complete():
    labels = covered()
    assert len(labels) == len(set(labels))
    for contract in contracts():
        assert [name for name in INTERFACE if not hasattr(contract, name)] == [], contract
    # The audit log's contract runs last, so it also anonymises the others' entries.
    assert settings.PRIVACY_CONTRACTS[-1] == "audit.privacy"


@pytest.mark.django_db
def test_prune_runs_every_apps_retention_job_and_prints_what_it_removed(settings):
    settings.SUBMISSION_DRAFT_DAYS = 90
    settings.FEEDBACK_RETENTION_DAYS = 365
    settings.ANALYTICS_RAW_DAYS = 30
    now = timezone.now()
    long_ago = now - timedelta(days=400)
    past_event = published_event(days_ahead=-400)
    Registration.objects.create(
        event=past_event,
        status="confirmed",
        name="Maija",
        email="m@example.fi",
        role="other",
        language="fi",
        consent_version="1",
        link_salt="s",
    )
    draft = Submission.objects.create(email="a@example.fi", data={"title": "Unohtunut"})
    Submission.objects.filter(pk=draft.pk).update(updated_at=long_ago)
    fresh = Submission.objects.create(email="b@example.fi", data={"title": "Tuore"})
    sent = OutgoingEmail.objects.create(
        to="a@example.fi", language="fi", subject="Vanha", body_text="x", status=EmailStatus.SENT
    )
    OutgoingEmail.objects.filter(pk=sent.pk).update(created_at=long_ago)
    pending = OutgoingEmail.objects.create(to="c@example.fi", language="fi", subject="Jonossa")
    OutgoingEmail.objects.filter(pk=pending.pk).update(created_at=long_ago)
    FeedbackFactory(message="vanha", created_at=long_ago)
    FeedbackFactory(message="uusi")
    old_day = timezone.localdate(now) - timedelta(days=40)
    Hit.objects.create(day=old_day, path="/teot/", visitor="0123456789abcdef")
    DailySalt.objects.create(day=old_day, salt="s" * 64)
    Session.objects.create(session_key="vanha", session_data="x", expire_date=now)
    Session.objects.create(session_key="voimassa", session_data="x", expire_date=now + timedelta(1))

    out = StringIO()
    call_command("prune", stdout=out)

    assert out.getvalue().splitlines() == [
        "accounts.privacy: deleted expired sessions 1.",
        "submissions.privacy: deleted drafts 1.",
        "emails.privacy: deleted emails 1.",
        "analytics.privacy: deleted raw rows 1, salts 1.",
        "feedback.privacy: deleted feedback 1.",
        "events.privacy: deleted personal data of registrations 1.",
    ]
    assert list(Submission.objects.values_list("pk", flat=True)) == [fresh.pk]
    assert list(OutgoingEmail.objects.values_list("pk", flat=True)) == [pending.pk]
    assert list(Feedback.objects.values_list("message", flat=True)) == ["uusi"]
    assert not Hit.objects.exists() and not DailySalt.objects.exists()
    assert list(Session.objects.values_list("session_key", flat=True)) == ["voimassa"]

    out = StringIO()
    call_command("prune", stdout=out)  # cron may run it twice: nothing left to remove
    assert "deleted drafts 0." in out.getvalue()


@pytest.mark.django_db
def test_the_old_prune_commands_still_work(settings):
    # Crontabs written before `prune` call these.
    settings.SUBMISSION_DRAFT_DAYS = 90
    draft = Submission.objects.create(status=SubmissionStatus.DRAFT, data={})
    Submission.objects.filter(pk=draft.pk).update(updated_at=timezone.now() - timedelta(days=91))
    out = StringIO()
    call_command("prune_submissions", stdout=out)
    call_command("prune_feedback", stdout=out)
    assert "Deleted 1 draft(s) untouched for 90 days and 0 old email(s)." in out.getvalue()
    assert "Deleted 0 feedback message(s)" in out.getvalue()


@pytest.mark.django_db
def test_erasure_anonymises_the_audit_log_and_records_itself_without_the_address():
    contact = DeedContactFactory(email="kollega@example.fi")
    contact.deed.log_action(
        "deed.contact_consent_given", actor_label="contact person <kollega@example.fi>"
    )
    out = StringIO()
    call_command("personal_data", "export", "Kollega@Example.fi", stdout=out)
    exported = json.loads(out.getvalue())
    assert [e["action"] for e in exported["audit_entries"]] == ["deed.contact_consent_given"]

    call_command("personal_data", "erase", "kollega@example.fi", "--yes", stdout=out)
    assert not AuditEntry.objects.filter(actor_label__icontains="kollega").exists()
    record = AuditEntry.objects.get(action="privacy.erased")
    assert record.data["contacts"] == 1 and record.data["audit"] == 1
    assert "kollega" not in json.dumps(record.data) + record.actor_label


@pytest.mark.django_db
def test_a_new_apps_contract_is_all_it_takes(client, settings):
    """A coming app (newsletter, events) adds its module to the registry: the export,
    the erasure, the retention job and the privacy notice then include it."""
    settings.PRIVACY_CONTRACTS = [*settings.PRIVACY_CONTRACTS[:-1], EXAMPLE, "audit.privacy"]
    out = StringIO()
    call_command("personal_data", "export", "tilaaja@example.fi", stdout=out)
    assert json.loads(out.getvalue())["newsletter"] == [{"subscribed": True}]
    call_command("personal_data", "erase", "tilaaja@example.fi", "--yes", stdout=out)
    assert "subscriptions 1" in out.getvalue()
    call_command("prune", stdout=out)
    assert f"{EXAMPLE}: deleted unconfirmed subscriptions 2." in out.getvalue()
    page = client.get("/en/tietosuoja/").content.decode()
    assert 'id="purpose-newsletter"' in page
    assert f"Kept {settings.SUBMISSION_DRAFT_DAYS} days after unsubscribing." in page


@pytest.mark.django_db
def test_two_contracts_answering_under_one_name_is_a_configuration_error(settings):
    settings.PRIVACY_CONTRACTS = [*settings.PRIVACY_CONTRACTS, EXAMPLE, EXAMPLE]
    with pytest.raises(ImproperlyConfigured, match="newsletter"):
        call_command("personal_data", "export", "tilaaja@example.fi", stdout=StringIO())


@pytest.mark.django_db
@pytest.mark.parametrize(
    "address", ["ei-osoite", "maija@example.fi\x00", "a\x1b@example.fi", "x" * 5000 + "@example.fi"]
)
def test_personal_data_refuses_what_is_not_an_address(address):
    with pytest.raises(CommandError, match="Not an email address"):
        call_command("personal_data", "export", address, stdout=StringIO())

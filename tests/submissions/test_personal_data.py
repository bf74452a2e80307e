"""Exporting and erasing what is stored about one person (management command)."""

import json
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from deeds.models import Deed, DeedContact
from editors.models import Invitation
from emails.models import OutgoingEmail
from submissions.models import Submission, SubmissionStatus
from tests.deeds.factories import DeedContactFactory, DeedFactory
from tests.editors.factories import EditorshipFactory, UserFactory

pytestmark = pytest.mark.django_db

ADDRESS = "maija@example.fi"


@pytest.fixture
def stored(capsys):
    deed = DeedFactory(title="Julkaistu teko", submitter_email=ADDRESS)
    DeedContactFactory(deed=deed, name="Maija Meikäläinen", email=ADDRESS, publish_consent=True)
    DeedContactFactory(deed=deed, name="Kalle Kollega", email="kalle@example.fi")
    Submission.objects.create(
        deed=deed,
        status=SubmissionStatus.PUBLISHED,
        email=ADDRESS,
        data={"title": "Julkaistu teko", "email": ADDRESS, "contact_name_1": "Maija"},
    )
    OutgoingEmail.objects.create(to=ADDRESS, language="fi", subject="Hei", body_text="x")
    Invitation.objects.create(email=ADDRESS.upper())
    EditorshipFactory(organisation=deed.organisation, user=UserFactory(email=ADDRESS))
    return deed


def test_export_lists_everything_stored_about_the_address(stored, capsys):
    call_command("personal_data", "export", ADDRESS.upper())
    exported = json.loads(capsys.readouterr().out)
    assert exported["deeds_as_submitter"] == [[stored.pk, "Julkaistu teko"]]
    assert exported["contact_details"][0]["name"] == "Maija Meikäläinen"
    assert exported["submissions"][0]["submitter"] is True
    assert exported["emails_sent"][0]["subject"] == "Hei"
    assert exported["account"][0]["editor_of"] == [str(stored.organisation)]
    assert len(exported["editor_invitations"]) == 1


def test_erase_keeps_the_deed_and_removes_the_person(stored, capsys):
    with pytest.raises(CommandError):
        call_command("personal_data", "erase", ADDRESS)  # asks for --yes
    call_command("personal_data", "erase", ADDRESS, "--yes")
    assert Deed.objects.get().title == "Julkaistu teko"
    assert Deed.objects.get().submitter_email == ""
    assert list(DeedContact.objects.values_list("name", flat=True)) == ["Kalle Kollega"]
    submission = Submission.objects.get()
    assert ADDRESS not in json.dumps(submission.data) and submission.email == ""
    assert not OutgoingEmail.objects.exists()
    assert not Invitation.objects.exists()
    call_command("personal_data", "export", ADDRESS)
    exported = json.loads(capsys.readouterr().out.split("\n", 1)[1])
    assert not exported["submissions"] and not exported["contact_details"]


def test_abandoned_drafts_are_deleted_after_the_retention_period(settings, time_machine):
    settings.SUBMISSION_DRAFT_DAYS = 90
    old = Submission.objects.create(email="a@example.fi", data={"title": "Vanha"})
    time_machine.move_to(timezone.now() + timedelta(days=91))
    fresh = Submission.objects.create(email="b@example.fi", data={"title": "Uusi"})
    sent = Submission.objects.create(status=SubmissionStatus.IN_REVIEW, data={})
    Submission.objects.filter(pk=sent.pk).update(updated_at=old.updated_at)
    call_command("prune_submissions", verbosity=0)
    assert set(Submission.objects.values_list("pk", flat=True)) == {fresh.pk, sent.pk}


def test_an_address_inside_another_address_is_someone_else(capsys):
    """ "a@example.fi" is the tail of "maija@example.fi": exporting or erasing it must not
    reach Maija's submissions or her entries in the audit log (GDPR art. 15(4))."""
    theirs = Submission.objects.create(
        email=ADDRESS, data={"email": ADDRESS, "contact_email_1": ADDRESS, "title": "Maijan"}
    )
    theirs.log_action("submission.created", actor_label=f"submitter <{ADDRESS}>")
    mine = Submission.objects.create(data={"description": "Kysy lisää: A@example.fi."})
    call_command("personal_data", "export", "a@example.fi")
    exported = json.loads(capsys.readouterr().out)
    assert [s["id"] for s in exported["submissions"]] == [mine.pk]
    assert exported["audit_entries"] == []

    call_command("personal_data", "erase", "a@example.fi", "--yes")
    theirs.refresh_from_db()
    assert theirs.email == ADDRESS and theirs.data["contact_email_1"] == ADDRESS
    assert theirs.audit_entries().get().actor_label == f"submitter <{ADDRESS}>"

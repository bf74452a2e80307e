"""Staff read the audit log in words: every action the code logs has a translated
label, and the moderation history shows labels and actors, not machine names."""

import ast
import fnmatch
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

from audit.labels import ACTION_LABELS, action_label

ROOT = Path(settings.BASE_DIR)
SKIP = {".venv", "node_modules", "tests", "migrations", "bench"}


def logged_actions():
    """Every action name written by ``log_action(...)`` or ``AuditEntry(action=...)``
    in the code, as patterns (an f-string part becomes ``*``)."""
    found = set()

    def names(node):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node.value
        elif isinstance(node, ast.IfExp):
            yield from names(node.body)
            yield from names(node.orelse)
        elif isinstance(node, ast.JoinedStr):
            yield "".join(v.value if isinstance(v, ast.Constant) else "*" for v in node.values)

    for path in ROOT.rglob("*.py"):
        if SKIP & set(path.relative_to(ROOT).parts):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            if getattr(node.func, "attr", None) == "log_action" and node.args:
                found.update((name, str(path)) for name in names(node.args[0]))
            for keyword in node.keywords:
                if keyword.arg == "action" and getattr(node.func, "attr", "") == "create":
                    found.update((name, str(path)) for name in names(keyword.value))
    return found


def test_the_scan_finds_the_actions_it_should():
    actions = {name for name, _ in logged_actions()}
    assert {"submission.email_confirmed", "deed.contact_consent_given", "privacy.erased"} <= actions
    assert "organisation_request.*" in actions


def test_every_logged_action_has_a_label():
    missing = sorted(
        f"{name} ({path})"
        for name, path in logged_actions()
        if not fnmatch.filter(ACTION_LABELS, name)
    )
    assert missing == [], "Add these to audit/labels.py ACTION_LABELS"


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_every_label_is_translated(language):
    with translation.override("en"):
        english = {action: action_label(action) for action in ACTION_LABELS}
    with translation.override(language):
        same = [a for a in ACTION_LABELS if action_label(a) == english[a]]
    assert same == []


@pytest.mark.django_db
def test_the_moderation_history_is_readable(
    client, admin_client, django_capture_on_commit_callbacks
):
    from django.core import mail

    from submissions.models import Submission
    from tests.organisations.factories import OrganisationFactory
    from tests.submissions.factories import form_values
    from tests.submissions.helpers import link_from, post_form

    response = post_form(client, form_values(OrganisationFactory()), action="preview")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(response["Location"])
    client.get(link_from(mail.outbox[-1]))
    submission = Submission.objects.get()
    html = admin_client.get(f"/moderointi/{submission.pk}/").content.decode()
    history = html[html.index("Muokkaushistoria") :]
    visible = re.sub(r"<[^>]+>", " ", history)
    assert "submission." not in visible
    assert "Sähköpostiosoite vahvistettu" in visible
    assert "Lähetetty tarkastettavaksi" in visible
    assert "Lähettäjä &lt;lahettaja@example.fi&gt;" in visible
    assert "submitter" not in visible

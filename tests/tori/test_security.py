"""Site-wide security properties: headers, no inline code, production settings."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

from tests.deeds.factories import DeedFactory

ROOT = Path(settings.BASE_DIR)
TEMPLATES = [
    p
    for p in ROOT.glob("*/templates/**/*.html")
    if "admin" not in p.parts and "emails" not in p.parts
]
# Emails are not pages: mail programs ignore linked style sheets, so their HTML carries
# inline style, but never script or images (no tracking pixels). Every app's emails.
EMAIL_TEMPLATES = [p for p in ROOT.glob("*/templates/emails/**/*") if p.is_file()]


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/teot/", "/organisaatiot/", "/api/v1/deeds/"])
def test_pages_send_a_strict_content_security_policy(client, path):
    response = client.get(path)
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "script-src 'self'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
def test_public_pages_set_no_cookies(client):
    deed = DeedFactory()
    for path in ["/", "/teot/", deed.get_absolute_url(), "/organisaatiot/", "/sv/teot/"]:
        assert not client.get(path).cookies, path


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: str(p.relative_to(ROOT)))
def test_templates_have_no_inline_script_or_style(template):
    # The CSP forbids inline code; this catches it before a browser would.
    html = template.read_text()
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html)
    assert not re.search(r"\sstyle=", html)
    assert not re.search(r"\son[a-z]+=", html)
    assert "<style" not in html


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: str(p.relative_to(ROOT)))
def test_templates_load_nothing_from_other_hosts(template):
    html = template.read_text()
    assert not re.search(r'(src|href)="(https?:)?//', html)


def test_production_settings_pass_the_deployment_check():
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DJANGO_SETTINGS_MODULE": "tori.settings.prod",
        "SECRET_KEY": "p" * 20 + "roduction-like-secret-key-with-enough-entropy-0123456789",
        "ALLOWED_HOSTS": "tekojentori.fi",
        "DATABASE_URL": "sqlite:///unused.sqlite3",
        "SITE_URL": "https://tekojentori.fi",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_refuses_to_start_without_its_secrets():
    env = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "DATABASE_URL")}
    env["DJANGO_SETTINGS_MODULE"] = "tori.settings.prod"
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


@pytest.mark.django_db
def test_missing_page_gets_a_helpful_404_in_the_site_layout(client):
    response = client.get("/ei-tallaista-sivua/")
    assert response.status_code == 404
    assert 'href="/teot/"' in response.content.decode()


def test_server_error_page_renders_without_a_request_context():
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert "Palvelussa tapahtui virhe" in html and 'lang="sv"' in html


@pytest.mark.django_db
def test_sitemap_lists_published_deeds_in_every_language(client):
    from deeds.models import DeedStatus

    shown = DeedFactory(title="Näkyvä")
    hidden = DeedFactory(status=DeedStatus.DRAFT, published_at=None)
    index = client.get("/sitemap.xml").content.decode()
    assert "sitemap-deeds.xml" in index
    xml = client.get("/sitemap-deeds.xml").content.decode()
    assert f"/teot/{shown.pk}/" in xml and f"/sv/teot/{shown.pk}/" in xml
    assert f"/teot/{hidden.pk}/" not in xml
    assert 'hreflang="sv"' in xml
    assert "Sitemap:" in client.get("/robots.txt").content.decode()


@pytest.mark.parametrize("template", EMAIL_TEMPLATES, ids=lambda p: str(p.relative_to(ROOT)))
def test_emails_carry_no_script_images_or_remote_resources(template):
    html = template.read_text()
    assert "<script" not in html and "<img" not in html and "url(" not in html

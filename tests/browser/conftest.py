"""Browser tests: headless Chromium (the system's, never a downloaded one) via Playwright.

Locally they are skipped when Chromium is missing; in CI (TORI_REQUIRE_BROWSER=1)
a missing browser fails the run instead.
"""

import os
from pathlib import Path

import pytest
from django.conf import settings

CHROMIUM = os.environ.get("TORI_CHROMIUM", "/usr/bin/chromium")
AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
REQUIRED = os.environ.get("TORI_REQUIRE_BROWSER") == "1"

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
# for their data (and pytest-django's database teardown) are still synchronous calls.
# Subprocesses that check deployment settings drop this variable (test_security.py).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def _missing(what):
    if REQUIRED:
        pytest.fail(f"{what} is required for the browser tests (TORI_REQUIRE_BROWSER=1).")
    pytest.skip(f"{what} not available")


@pytest.fixture(scope="session")
def browser(django_db_setup):
    # The test database is created first, outside Playwright's event loop.
    if not Path(CHROMIUM).exists():
        _missing(f"Chromium at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-background-networking",
                "--disable-gpu",
                "--disable-component-update",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def reference_data(transactional_db):
    """live_server empties the database between tests; put the migration data back."""
    from catalogue.models import CatalogueVersion
    from organisations.models import Municipality, Region
    from organisations.reference import load_reference_data
    from taxonomy.initial import load_initial_taxonomy
    from taxonomy.models import CustomerGroup, Sector, Subtheme, Theme

    load_reference_data(Region, Municipality)
    load_initial_taxonomy(Sector, Theme, Subtheme, CustomerGroup)
    CatalogueVersion.objects.get_or_create(pk=1)


def _context(browser, **options):
    context = browser.new_context(locale="fi-FI", **options)
    context.set_default_timeout(10_000)
    return context


@pytest.fixture
def page(browser, live_server, reference_data):
    context = _context(browser, viewport={"width": 1280, "height": 900}, bypass_csp=True)
    page = context.new_page()
    page.base = live_server.url
    yield page
    context.close()


@pytest.fixture
def page_without_js(browser, live_server, reference_data):
    context = _context(browser, viewport={"width": 1280, "height": 900}, java_script_enabled=False)
    page = context.new_page()
    page.base = live_server.url
    yield page
    context.close()


@pytest.fixture
def phone_page(browser, live_server, reference_data):
    context = _context(
        browser,
        viewport={"width": 390, "height": 844},
        is_mobile=True,
        has_touch=True,
        bypass_csp=True,
    )
    page = context.new_page()
    page.base = live_server.url
    yield page
    context.close()


@pytest.fixture
def axe_check():
    """Run axe-core on the page; fail on serious or critical WCAG 2.1 A/AA violations."""
    if not AXE.exists():
        _missing("node_modules/axe-core (run npm ci)")

    def check(page):
        page.add_script_tag(path=str(AXE))
        result = page.evaluate(
            """async () => await axe.run(document, {runOnly: {type: 'tag',
                values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})"""
        )
        assert len(result["passes"]) > 10, "axe-core did not run its rules"
        bad = [v for v in result["violations"] if v["impact"] in ("serious", "critical")]
        details = "\n".join(
            f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes'][:3]]}"
            for v in bad
        )
        assert not bad, f"axe found on {page.url}:\n{details}"
        return result

    return check

"""The share form's errors in a real browser: one invalid mark per missing item, focus
on the error summary after a failed send, summary links that focus the field itself."""

import pytest

pytestmark = pytest.mark.browser


def active_id(page):
    return page.evaluate("document.activeElement && document.activeElement.id")


def send_empty(page):
    page.goto(page.base + "/ilmianna/")
    page.click('button[value="preview"]')
    page.wait_for_selector("#error-summary")


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_an_empty_send_marks_each_missing_item_once_and_focuses_the_summary(
    request, reference_data, javascript
):
    page = request.getfixturevalue("page" if javascript else "page_without_js")
    send_empty(page)
    links = page.locator("#error-summary a")
    marked = page.locator('[aria-invalid="true"]')
    assert marked.count() == links.count()
    # title, summary, organisation, sectors, themes, email, licence
    assert links.count() == 7
    assert page.locator('input[name="sectors"][aria-invalid]').count() == 0
    assert active_id(page) == "error-summary"


def test_the_summary_links_focus_the_field_itself(page, reference_data, axe_check):
    send_empty(page)
    axe_check(page)
    for target in ("id_themes_0", "id_title", "id_licence", "id_email"):
        page.click(f'#error-summary a[href="#{target}"]')
        assert active_id(page) == target
        assert page.locator(f"#{target}").is_visible()


def test_email_me_a_link_without_an_address_focuses_the_email_field(page, reference_data):
    page.goto(page.base + "/ilmianna/")
    page.fill("#id_title", "Aamupalaverit")
    page.click('button[value="email_link"]')
    page.wait_for_selector("#id_email_error")
    assert active_id(page) == "id_email"
    assert page.locator('[aria-invalid="true"]').count() == 1
    assert page.input_value("#id_title") == "Aamupalaverit"


def test_the_title_shows_the_characters_left(page, reference_data):
    page.goto(page.base + "/ilmianna/")
    page.fill("#id_title", "Aamupalaverit")
    counter = page.locator("#id_title + .field__count")
    assert counter.inner_text() == "187 merkkiä jäljellä"
    live = page.locator('#field-title [aria-live="polite"]')
    live.wait_for(state="attached")
    page.wait_for_function(
        "document.querySelector('#field-title [aria-live=\"polite\"]').textContent !== ''"
    )
    assert live.inner_text() == "187 merkkiä jäljellä"

"""Staff sign in with a password and a code from an authenticator app (issue 19, item
12); recovery codes work once; editors are not asked; codes are limited like passwords."""

import re
import time

import pytest
import time_machine
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from audit.models import AuditEntry
from tests.editors.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "oikein-pitka-salasana"


@pytest.fixture(autouse=True)
def _second_factor_on(settings):
    settings.STAFF_REQUIRE_SECOND_FACTOR = True


@pytest.fixture
def staff():
    user = UserFactory(is_staff=True)
    user.set_password(PASSWORD)
    user.save()
    return user


def sign_in(client, user, path="/tili/kirjaudu/"):
    return client.post(path, {"username": user.email, "password": PASSWORD})


def current_code(user):
    device = TOTPDevice.objects.get(user=user)
    return f"{totp(device.bin_key, step=device.step, digits=device.digits):06d}"


def unthrottle():
    """As if the person took a few seconds before the next try: django-otp refuses
    codes for a growing pause after a wrong one."""
    TOTPDevice.objects.update(throttling_failure_count=0, throttling_failure_timestamp=None)


def set_up(client, user):
    client.get("/tili/kaksivaiheinen/")
    response = client.post("/tili/kaksivaiheinen/", {"code": current_code(user)})
    assert response.status_code == 200
    return re.findall(r"<code>([a-z2-7]{8})</code>", response.content.decode())


def test_a_password_alone_opens_no_staff_page(client, staff):
    sign_in(client, staff)
    response = client.get("/moderointi/")
    assert response.status_code == 302
    assert response["Location"] == "/tili/vahvista/?next=%2Fmoderointi%2F"
    # Without an app yet, the code page sends the person to set one up.
    assert client.get(response["Location"])["Location"].startswith("/tili/kaksivaiheinen/")
    assert client.get("/hallinta/").status_code == 302


def test_setting_up_the_app_opens_the_pages_and_gives_ten_recovery_codes(client, staff):
    sign_in(client, staff)
    page = client.get("/tili/kaksivaiheinen/")
    assert page.status_code == 200 and "<svg" in page.content.decode()
    wrong = client.post("/tili/kaksivaiheinen/", {"code": "000000"})
    assert wrong.status_code == 400
    unthrottle()
    codes = set_up(client, staff)
    assert len(set(codes)) == 10
    assert client.get("/moderointi/").status_code == 200
    assert AuditEntry.objects.filter(action="account.second_factor_enabled").count() == 1


def test_the_next_sign_in_asks_for_the_code(client, staff):
    sign_in(client, staff)
    set_up(client, staff)
    client.post("/tili/kirjaudu-ulos/")
    sign_in(client, staff)
    assert client.get("/moderointi/").status_code == 302
    bad = client.post("/tili/vahvista/?next=/moderointi/", {"code": "12 34 56"})
    assert bad.status_code == 400
    unthrottle()
    # The code used at set-up is refused again; the next 30-second step's is accepted.
    with time_machine.travel(time.time() + 60, tick=False):
        good = client.post("/tili/vahvista/", {"code": current_code(staff), "next": "/moderointi/"})
        assert good["Location"] == "/moderointi/"
        assert client.get("/moderointi/").status_code == 200


def test_a_recovery_code_signs_in_once(client, staff):
    sign_in(client, staff)
    code = set_up(client, staff)[0]
    for attempt in range(2):
        client.post("/tili/kirjaudu-ulos/")
        sign_in(client, staff)
        response = client.post("/tili/vahvista/", {"code": code.upper(), "next": "/moderointi/"})
        if attempt == 0:
            assert response["Location"] == "/moderointi/"
        else:
            assert response.status_code == 400
    assert AuditEntry.objects.filter(action="account.recovery_code_used").count() == 1


def test_the_admin_sign_in_leads_to_the_code_too(client, staff):
    staff.is_superuser = True
    staff.save()
    sign_in(client, staff, path="/hallinta/login/")
    assert client.get("/hallinta/")["Location"].startswith("/tili/vahvista/")


def test_wrong_codes_are_limited_per_account(client, staff, settings):
    settings.SIGN_IN_ATTEMPTS_PER_HOUR = 3
    sign_in(client, staff)
    set_up(client, staff)
    client.post("/tili/kirjaudu-ulos/")
    sign_in(client, staff)
    statuses = [client.post("/tili/vahvista/", {"code": "999999"}).status_code for _ in range(4)]
    assert statuses == [400, 400, 400, 429]


def test_an_editor_is_not_asked(client):
    editor = UserFactory(is_staff=False)
    editor.set_password(PASSWORD)
    editor.save()
    sign_in(client, editor)
    assert client.get("/tili/")["Location"] == "/toimittaja/"


def test_a_staff_session_ends_sooner_than_an_editors(client, staff, settings):
    settings.STAFF_SESSION_HOURS = 8
    sign_in(client, staff)
    client.get("/tili/kaksivaiheinen/")
    assert client.session.get_expiry_age() == 8 * 3600


def test_a_superuser_resets_a_lost_app_in_the_admin(client, staff, settings):
    settings.STAFF_REQUIRE_SECOND_FACTOR = False  # the admin signs in below with force_login
    sign_in(client, staff)
    set_up(client, staff)
    admin = UserFactory(is_staff=True, is_superuser=True)
    admin_client = type(client)()
    admin_client.force_login(admin)
    response = admin_client.post(
        "/hallinta/accounts/user/",
        {"action": "reset_second_factor", "_selected_action": [staff.pk]},
    )
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=staff).exists()
    assert AuditEntry.objects.filter(action="account.second_factor_reset").count() == 1

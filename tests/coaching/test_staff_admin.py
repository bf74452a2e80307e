"""The admin edits the coaching themes; rounds, experts and applications are shown
but never written there, so nothing skips the services."""

from decimal import Decimal

import pytest

from coaching.models import Application, CoachingTheme, Round

from .factories import open_round, sent

pytestmark = pytest.mark.django_db


def test_themes_are_edited_and_applications_are_read_only(client, staff_user):
    client.force_login(staff_user)
    round_ = open_round(budget=Decimal("5"))
    application = sent()
    theme = CoachingTheme.objects.first()
    response = client.post(
        f"/hallinta/coaching/coachingtheme/{theme.pk}/change/",
        {
            "name_fi": "Työyhteisö",
            "name_sv": "Arbetsgemenskap",
            "name_en": "Work community",
            "description_fi": "",
            "description_sv": "",
            "description_en": "",
            "position": "1",
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    theme.refresh_from_db()
    assert theme.name_fi == "Työyhteisö"
    # In use on an application: not deletable.
    assert client.get(f"/hallinta/coaching/coachingtheme/{theme.pk}/delete/").status_code == 403
    assert client.get("/hallinta/coaching/application/add/").status_code == 403
    assert client.get("/hallinta/coaching/round/add/").status_code == 403
    assert client.get("/hallinta/coaching/expert/add/").status_code == 403
    page = client.get(f"/hallinta/coaching/application/{application.pk}/change/")
    assert page.status_code == 200
    assert 'name="_save"' not in page.content.decode()
    assert application.form_key not in page.content.decode()
    client.post(f"/hallinta/coaching/round/{round_.pk}/change/", {"budget_days": "999"})
    assert Round.objects.get(pk=round_.pk).budget_days == Decimal("5")
    response = client.post(
        f"/hallinta/coaching/application/{application.pk}/delete/", {"post": "yes"}
    )
    assert response.status_code == 403
    assert Application.objects.filter(pk=application.pk).exists()

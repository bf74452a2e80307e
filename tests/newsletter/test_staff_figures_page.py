"""/uutiskirje/hallinta/luvut/: the staff's newsletter figures, a year at a time, and
the months as CSV and XLSX."""

import io

import pytest
from openpyxl import load_workbook

from accounts.models import User
from tests.newsletter.figures_data import at, history, when

pytestmark = pytest.mark.django_db
URL = "/uutiskirje/hallinta/luvut/"


@pytest.fixture
def staff(client):
    client.force_login(User.objects.create_user(email="uutiskirje@example.fi", is_staff=True))
    return client


@pytest.fixture
def people():
    made = history()
    with when(at(2025, 8, 15, 12)):
        yield made


def test_only_staff_see_the_figures(client):
    for path in (URL, "/uutiskirje/hallinta/luvut.csv", "/uutiskirje/hallinta/luvut.xlsx"):
        response = client.get(path)
        assert response.status_code == 302 and "/hallinta/login/" in response["Location"]
    client.force_login(User.objects.create_user(email="toimittaja@example.fi"))
    assert client.get(URL).status_code == 302


def test_the_year_with_its_months_issues_and_the_subscribers_now(staff, people):
    response = staff.get(URL)
    assert response.status_code == 200
    assert response.context["year"] == 2025 and response.context["years"] == [2025, 2024]
    figures = response.context["figures"]
    assert (figures.subscribers_at_year_end, figures.joined, figures.left, figures.issues) == (
        2,
        3,
        3,
        1,
    )
    html = response.content.decode()
    assert '<option value="2025" selected>' in html
    assert "<caption>Tilaajat kuukausittain 2025</caption>" in html
    assert "Maaliskuun kirje" in html and "(2025-03)" in html
    assert "<caption>Tilaajat kielittäin</caption>" in html
    assert '<span lang="sv">Svenska</span>' in html
    assert 'href="/uutiskirje/hallinta/luvut.csv?vuosi=2025"' in html


def test_another_year_and_a_bad_one(staff, people):
    response = staff.get(URL, {"vuosi": "2024"})
    assert response.context["figures"].joined == 2
    assert "Vuonna 2024 ei lähetetty yhtään numeroa." in response.content.decode()
    for bad in ("1999", "abc", "２０２４", "99999999999999999999", "\x00"):
        response = staff.get(URL, {"vuosi": bad})
        assert response.status_code == 200 and response.context["year"] == 2025
    assert [str(m) for m in response.context["messages"]] == [
        "Sille vuodelle ei ole lukuja; näytetään 2025."
    ]


def test_the_months_download_as_csv_and_xlsx(staff, people):
    response = staff.get("/uutiskirje/hallinta/luvut.csv", {"vuosi": "2025"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="uutiskirje-2025.csv"' in response["Content-Disposition"]
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0] == "Kuukausi,Liittyi,Lähti,Tilaajia kuukauden lopussa"
    assert lines[1:4] == ["2025-01,1,1,2", "2025-02,1,0,3", "2025-03,1,0,4"]
    assert len(lines) == 9
    response = staff.get("/uutiskirje/hallinta/luvut.xlsx", {"vuosi": "2024"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.title == "Uutiskirje 2024"
    assert [cell.value for cell in sheet[7]] == ["2024-06", 1, 0, 2]
    assert sheet.max_row == 13

"""The export of a round's applications (CSV, XLSX: every column, formula-safe,
audited) and the feedback results (counts and means; texts only where enough
answers hide who wrote them; never a date)."""

import csv
import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from audit.models import AuditEntry
from coaching.feedback import feedback_answer, feedback_open, links_of
from coaching.services import application_decline

from .factories import expert, open_round, realised, sent
from .staff_factories import staff  # noqa: F401

pytestmark = pytest.mark.django_db


@pytest.fixture
def made():
    open_round(budget=Decimal("10"))
    coach = expert(name="=cmd|' /C calc'!A0")
    done = realised(
        coach=coach,
        contact_name='=HYPERLINK("http://evil.example","klikkaa")',
        goals="+SUM(1,1)",
        participants=12,
        employees=8,
    )
    declined = sent(contact_phone="-040 123", timing="@syksy")
    application_decline(declined, reason="-Ei rahaa", actor=None)
    return done, declined


def csv_rows(response):
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


def test_csv_has_a_row_per_application_and_neutralises_formulas(client, staff, made):  # noqa: F811
    done, declined = made
    response = client.get("/sparraus/hallinta/hakemukset.csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    header, first, second = csv_rows(response)
    assert len(header) == len(first) == len(second) == 36
    assert first[0] == str(done.pk) and second[0] == str(declined.pk)
    assert first[4] == '\'=HYPERLINK("http://evil.example","klikkaa")'
    assert first[10] == "'+SUM(1,1)"
    assert first[17] == "'=cmd|' /C calc'!A0"
    assert first[22:24] == ["12", "8"]  # participants, of whom employees
    assert second[7] == "'-040 123" and second[14] == "'@syksy" and second[19] == "'-Ei rahaa"
    for row in (first, second):
        assert all(not cell.startswith(("=", "+", "-", "@")) for cell in row)
    # The dates of the way: sent, accepted, scheduled, realised for the first.
    dates = dict(zip(header[27:], first[27:], strict=True))
    assert all(dates[h] for h in (header[27], header[29], header[31], header[32]))
    assert first[28] == "" and first[30] == ""  # never assessed, never declined
    assert second[30]  # declined
    entry = AuditEntry.objects.get(action="round.applications_exported")
    assert entry.data == {"format": "csv", "rows": 2}
    assert entry.actor == staff


def test_xlsx_holds_text_not_formulas(client, staff, made):  # noqa: F811
    response = client.get("/sparraus/hallinta/hakemukset.xlsx")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [cell.value for cell in sheet[2]]
    assert values[4].startswith("'=HYPERLINK")
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
    assert AuditEntry.objects.get(action="round.applications_exported").data["format"] == "xlsx"


def test_export_of_another_year_and_without_rounds(client, staff):  # noqa: F811
    response = client.get("/sparraus/hallinta/hakemukset.csv")
    assert response.status_code == 302
    open_round(year=2025)
    response = client.get("/sparraus/hallinta/hakemukset.csv?vuosi=2025")
    assert response.status_code == 200
    assert len(csv_rows(response)) == 1


def test_export_needs_staff(client, made):
    assert client.get("/sparraus/hallinta/hakemukset.csv").status_code == 302
    assert not AuditEntry.objects.filter(action="round.applications_exported").exists()


def _answer(application, scores_and_texts):
    feedback_open(application)
    for (_number, token, _used), (score, text) in zip(
        links_of(application), scores_and_texts, strict=False
    ):
        feedback_answer(token, score=score, text=text)


def test_feedback_results_count_and_mean_texts_only_from_three(client, staff):  # noqa: F811
    open_round()
    many, few = expert(name="Monen Valmentaja"), expert(name="Harvan Valmentaja")
    _answer(
        realised(coach=many),
        [(5, "Ö-loistava"), (4, "Aivan hyvä"), (3, "")],
    )
    _answer(realised(coach=few), [(4, "Yksityinen palaute")])
    response = client.get("/sparraus/hallinta/palaute/")
    assert response.status_code == 200
    text = response.content.decode()
    ((_round, year),) = response.context["years"]
    assert year == {"count": 4, "mean": 4.0}
    rows = {e.name: (s, t) for e, s, t in response.context["experts"]}
    assert rows["Monen Valmentaja"] == ({"count": 3, "mean": 4.0}, ["Aivan hyvä", "Ö-loistava"])
    assert rows["Harvan Valmentaja"] == ({"count": 1, "mean": 4.0}, [])
    assert "Yksityinen palaute" not in text
    assert text.index("Aivan hyvä") < text.index("Ö-loistava")


def test_application_page_lists_feedback_by_text_without_dates(client, staff):  # noqa: F811
    open_round()
    application = realised()
    _answer(application, [(2, "Zeta"), (4, "Alfa")])
    response = client.get(f"/sparraus/hallinta/{application.pk}/")
    assert response.context["feedback"] == {"count": 2, "mean": 3.0}
    assert response.context["feedback_texts"] == ["Alfa", "Zeta"]
    section = response.content.decode().split('id="h-feedback"')[1].split("</section>")[0]
    assert "<time" not in section

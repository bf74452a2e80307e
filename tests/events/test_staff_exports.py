"""Registrants as CSV and XLSX: every column, in list order, safe to open in a
spreadsheet, and every export audited."""

import csv
import io

import pytest
from openpyxl import load_workbook

from audit.models import AuditEntry
from events.services import registration_cancel
from tests.events.factories_staff import event, organisation, register, staff_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(client):
    user = staff_member()
    client.force_login(user)
    return user


@pytest.fixture
def made():
    made = event(capacity=1)
    org = organisation(name_fi="=Kaava Oy")
    register(made, '=HYPERLINK("http://evil.example","klikkaa")', organisation=org, diet="-1+1")
    register(made, "@SUM(A1)", accessibility_needs="+ramppi", role="supervisor", language="sv")
    gone = register(made, "Peruja Pirkko")
    registration_cancel(gone)
    return made


def csv_rows(response):
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


def test_csv_has_every_column_and_neutralises_formulas(client, staff, made):
    response = client.get(f"/tapahtumat/hallinta/{made.pk}/ilmoittautuneet.csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    header, first, second, third = csv_rows(response)
    assert len(header) == 11
    assert first[0] == '\'=HYPERLINK("http://evil.example","klikkaa")'
    assert first[2] == "'=Kaava Oy"
    assert first[6] == "'-1+1"
    assert second[0] == "'@SUM(A1)"
    assert second[5] == "'+ramppi"
    assert second[8] == "1"  # first on the waiting list
    assert third[0] == "Peruja Pirkko"
    for row in (first, second, third):
        assert all(not cell.startswith(("=", "+", "-", "@")) for cell in row)
        assert "@" in row[1]  # the address


def test_xlsx_opens_and_holds_text_not_formulas(client, staff, made):
    response = client.get(f"/tapahtumat/hallinta/{made.pk}/ilmoittautuneet.xlsx")
    assert response.status_code == 200
    assert "spreadsheetml" in response["Content-Type"]
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 4 and len(rows[0]) == 11
    assert rows[1][0] == '\'=HYPERLINK("http://evil.example","klikkaa")'
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            assert cell.data_type != "f"
    assert rows[2][8] == 1
    assert rows[1][9] is not None  # registered at, a date


def test_every_export_is_audited(client, staff, made):
    client.get(f"/tapahtumat/hallinta/{made.pk}/ilmoittautuneet.csv")
    client.get(f"/tapahtumat/hallinta/{made.pk}/ilmoittautuneet.xlsx")
    entries = AuditEntry.objects.filter(action="event.registrations_exported", actor=staff)
    assert sorted(e.data["format"] for e in entries) == ["csv", "xlsx"]
    assert all(e.data["rows"] == 3 for e in entries)


def test_no_export_for_a_missing_event_or_format(client, staff):
    assert client.get("/tapahtumat/hallinta/4242/ilmoittautuneet.csv").status_code == 404
    assert client.get("/tapahtumat/hallinta/4242/ilmoittautuneet.pdf").status_code == 404
    assert not AuditEntry.objects.filter(action="event.registrations_exported").exists()

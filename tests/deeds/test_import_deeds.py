import datetime as dt
import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from audit.models import AuditEntry
from deeds.importing import DeedImportError, deeds_import
from deeds.models import Deed, DeedKind, DeedLink, DeedStatus, Funding
from organisations.models import Organisation, OrganisationType
from tests.deeds.factories import DeedFactory
from tests.organisations.factories import OrganisationFactory, municipality
from tests.taxonomy.factories import customer_group, sector, subtheme, theme

pytestmark = pytest.mark.django_db

UTC = dt.UTC


@pytest.fixture
def liminka():
    return OrganisationFactory(
        name_fi="Limingan kunta", name_sv="Limingo kommun", slug="limingan-kunta"
    )


def minimal(**overrides):
    line = {
        "title": "Aamupalaverit kymmeneen minuuttiin",
        "summary": "Lyhensimme aamupalaverit ja säästimme aikaa.",
        "organisation": "Limingan kunta",
        "published_at": "2021-03-15",
    }
    line.update(overrides)
    return {key: value for key, value in line.items() if value is not None}


def complete():
    return {
        "title": "Etäkirjaamo kotihoitoon",
        "summary": "Kotihoidon hoitajat kirjaavat käynnit asiakkaan luona.",
        "background": "Kirjaamiseen kului iltapäivisin tunti.",
        "description": "Otimme käyttöön mobiilikirjaamisen.",
        "implementation": "Kokeilimme ensin yhdessä tiimissä.",
        "results": "Aikaa säästyi 40 minuuttia päivässä.",
        "tips": "Ottakaa hoitajat mukaan heti alussa.",
        "organisation": "  LIMINGO   kommun ",
        "municipality": "091",
        "sectors": ["Sosiaali- ja terveyspalvelut"],
        "themes": ["Digitalisering"],
        "subthemes": ["sahkoiset-palvelut"],
        "customer_groups": ["Older people"],
        "kind": "hanke",
        "published_at": "2019-05-03T14:30:00+03:00",
        "unit": "Kotihoito, eteläinen tiimi",
        "language": "fi",
        "contact": [
            {
                "name": "Maija Meikäläinen",
                "role": "Kotihoidon esihenkilö",
                "email": "maija@example.com",
                "phone": "040 123 4567",
                "consent": True,
            },
            {"name": "Matti Virtanen", "email": "matti@example.com"},
        ],
        "links": [
            "https://example.com/raportti.pdf",
            {"url": "https://example.com/hanke", "title": "Hankkeen sivu"},
        ],
        "funding": "both",
        "funder": "Työsuojelurahasto",
        "project_start": "2018-01-01",
        "project_end": "2019-03-31",
        "url": "https://www.tekojentori.fi/teot/etakirjaamo-kotihoitoon/",
    }


def write(tmp_path, *lines, name="deeds.jsonl", encoding="utf-8"):
    path = tmp_path / name
    text = "\n".join(
        line if isinstance(line, str) else json.dumps(line, ensure_ascii=False) for line in lines
    )
    path.write_bytes((text + "\n").encode(encoding))
    return path


def run(path, *options):
    out = StringIO()
    call_command("import_deeds", str(path), *options, stdout=out)
    return out.getvalue()


def counts():
    return Deed.objects.count(), Organisation.objects.count(), AuditEntry.objects.count()


def import_error(path, *options):
    """Run an import that must fail; check that it wrote nothing and return the message."""
    before = counts()
    with pytest.raises(CommandError) as caught:
        run(path, *options)
    assert counts() == before
    return str(caught.value)


# --- A good file ---------------------------------------------------------------------


def test_every_field_lands(tmp_path, liminka):
    path = write(tmp_path, complete())

    output = run(path)

    assert "Imported 1 deed from deeds.jsonl." in output
    deed = Deed.objects.get()
    assert deed.title == "Etäkirjaamo kotihoitoon"
    assert deed.summary == "Kotihoidon hoitajat kirjaavat käynnit asiakkaan luona."
    assert deed.background == "Kirjaamiseen kului iltapäivisin tunti."
    assert deed.description == "Otimme käyttöön mobiilikirjaamisen."
    assert deed.implementation == "Kokeilimme ensin yhdessä tiimissä."
    assert deed.results == "Aikaa säästyi 40 minuuttia päivässä."
    assert deed.tips == "Ottakaa hoitajat mukaan heti alussa."
    assert deed.organisation == liminka
    assert deed.municipality.code == "091"
    assert deed.region.code == "01"
    assert deed.kind == DeedKind.PROJECT
    assert deed.language == "fi"
    assert deed.unit == "Kotihoito, eteläinen tiimi"
    assert deed.status == DeedStatus.PUBLISHED
    assert deed.published_at == dt.datetime(2019, 5, 3, 11, 30, tzinfo=UTC)
    assert deed.funding == Funding.BOTH
    assert deed.funder == "Työsuojelurahasto"
    assert deed.project_start == dt.date(2018, 1, 1)
    assert deed.project_end == dt.date(2019, 3, 31)
    assert deed.legacy_path == "/teot/etakirjaamo-kotihoitoon"
    assert list(deed.sectors.all()) == [sector("sosiaali-ja-terveys")]
    assert list(deed.themes.all()) == [theme("digitalisaatio")]
    assert list(deed.subthemes.all()) == [subtheme("sahkoiset-palvelut")]
    assert list(deed.customer_groups.all()) == [customer_group("ikaantyneet")]

    maija, matti = deed.contacts.all()
    assert (maija.name, maija.role, maija.email, maija.phone) == (
        "Maija Meikäläinen",
        "Kotihoidon esihenkilö",
        "maija@example.com",
        "040 123 4567",
    )
    assert maija.publish_consent is True
    assert (matti.name, matti.email, matti.publish_consent) == (
        "Matti Virtanen",
        "matti@example.com",
        False,
    )
    assert [(link.url, link.title) for link in deed.links.all()] == [
        ("https://example.com/raportti.pdf", ""),
        ("https://example.com/hanke", "Hankkeen sivu"),
    ]
    entry = deed.audit_entries().get()
    assert entry.action == "deed.imported"
    assert entry.actor_label == "import_deeds"
    assert entry.data == {"file": "deeds.jsonl", "line": 1}


def test_old_address_redirects_to_the_deed(tmp_path, liminka, client):
    run(write(tmp_path, complete()))
    deed = Deed.objects.get()

    for old in ("/teot/etakirjaamo-kotihoitoon/", "/teot/etakirjaamo-kotihoitoon"):
        response = client.get(old)
        assert response.status_code == 301
        assert response["Location"] == deed.get_absolute_url()


def test_single_contact_object_and_defaults(tmp_path, liminka):
    line = minimal(contact={"name": "Maija Meikäläinen", "phone": "040 1"})

    run(write(tmp_path, line))

    deed = Deed.objects.get()
    contact = deed.contacts.get()
    assert (contact.name, contact.phone, contact.publish_consent) == (
        "Maija Meikäläinen",
        "040 1",
        False,
    )
    assert deed.kind == DeedKind.IMPROVEMENT
    assert deed.language == "fi"
    assert deed.municipality.code == "425"  # the organisation's home municipality
    assert deed.legacy_path == ""


def test_body_is_stored_as_the_description(tmp_path, liminka):
    run(write(tmp_path, minimal(body="Koko tarina yhtenä tekstinä.\r\n\r\nToinen kappale.")))

    deed = Deed.objects.get()
    assert deed.description == "Koko tarina yhtenä tekstinä.\n\nToinen kappale."
    assert deed.background == deed.results == ""


@pytest.mark.parametrize(
    ("field", "label", "slug"),
    [
        ("sectors", "sosiaali- ja TERVEYSPALVELUT", "sosiaali-ja-terveys"),
        ("sectors", "Social- och hälsovårdstjänster", "sosiaali-ja-terveys"),
        ("sectors", "tekniset-palvelut", "tekniset-palvelut"),
        ("themes", "Työhyvinvointi", "tyohyvinvointi"),
        ("themes", "välbefinnande  i arbetet", "tyohyvinvointi"),
        ("themes", "Wellbeing at work", "tyohyvinvointi"),
        ("customer_groups", "Ikääntyneet", "ikaantyneet"),
        ("customer_groups", "äldre", "ikaantyneet"),
        ("customer_groups", "kaikki-asukkaat", "kaikki-asukkaat"),
    ],
)
def test_labels_in_finnish_swedish_english_or_slug(tmp_path, liminka, field, label, slug):
    run(write(tmp_path, minimal(**{field: [label]})))

    assert list(getattr(Deed.objects.get(), field).values_list("slug", flat=True)) == [slug]


def test_subtheme_brings_its_theme(tmp_path, liminka):
    line = minimal(themes=["Osaaminen"], subthemes=["Perehdytys", "Palvelumuotoilu"])

    output = run(write(tmp_path, line))

    deed = Deed.objects.get()
    assert set(deed.themes.values_list("slug", flat=True)) == {"osaaminen", "innovaatiot"}
    assert set(deed.subthemes.values_list("slug", flat=True)) == {"perehdytys", "palvelumuotoilu"}
    assert "Added the theme of a subtheme to 1 deed" in output


@pytest.mark.parametrize(
    ("value", "code"),
    [("091", "091"), ("91", "091"), ("Helsinki", "091"), ("helsingfors", "091"), ("Vörå", "946")],
)
def test_municipality_by_code_or_name(tmp_path, liminka, value, code):
    run(write(tmp_path, minimal(municipality=value)))

    assert Deed.objects.get().municipality.code == code


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # A date is midnight in Helsinki (UTC+2 in winter).
        ("2021-03-15", dt.datetime(2021, 3, 14, 22, 0, tzinfo=UTC)),
        # A naive time is Helsinki time (UTC+3 in summer).
        ("2021-06-15T12:00:00", dt.datetime(2021, 6, 15, 9, 0, tzinfo=UTC)),
        ("2021-06-15 12:00", dt.datetime(2021, 6, 15, 9, 0, tzinfo=UTC)),
        ("2021-06-15T12:00:00Z", dt.datetime(2021, 6, 15, 12, 0, tzinfo=UTC)),
        ("2021-06-15T12:00:00+01:00", dt.datetime(2021, 6, 15, 11, 0, tzinfo=UTC)),
    ],
)
def test_publication_time(tmp_path, liminka, value, expected):
    run(write(tmp_path, minimal(published_at=value)))

    assert Deed.objects.get().published_at == expected


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        ("improvement", DeedKind.IMPROVEMENT),
        ("Arjen parannus", DeedKind.IMPROVEMENT),
        ("vardagsförbättring", DeedKind.IMPROVEMENT),
        ("HANKE", DeedKind.PROJECT),
        ("projekt", DeedKind.PROJECT),
        ("kokeilu", DeedKind.EXPERIMENT),
        ("försök", DeedKind.EXPERIMENT),
    ],
)
def test_kind_by_value_or_label(tmp_path, liminka, value, kind):
    run(write(tmp_path, minimal(kind=value)))

    assert Deed.objects.get().kind == kind


def test_long_list_of_new_organisations_is_shortened(tmp_path):
    path = write(tmp_path, *[minimal(organisation=f"Yhdistys {n}") for n in range(12)])

    short = run(path, "--create-organisations", "--dry-run")
    full = run(path, "--create-organisations", "--dry-run", "--verbosity", "2")

    assert "Yhdistys 9 and 2 more (-v 2 lists all)." in short
    assert "Yhdistys 10, Yhdistys 11." in full


def test_organisation_by_slug_bom_and_blank_lines(tmp_path, liminka):
    path = tmp_path / "deeds.jsonl"
    first = json.dumps(minimal(organisation="limingan-kunta"), ensure_ascii=False)
    second = json.dumps(minimal(title="Toinen"), ensure_ascii=False)
    path.write_bytes(("\ufeff" + first + "\r\n\r\n   \r\n" + second + "\r\n\r\n").encode())

    assert "Imported 2 deeds" in run(path)
    assert Deed.objects.filter(organisation=liminka).count() == 2
    assert Deed.objects.get(title="Toinen").audit_entries().get().data["line"] == 4


# --- Organisations ---------------------------------------------------------------------


def test_unknown_organisation_stops_the_import(tmp_path, liminka):
    path = write(tmp_path, minimal(), minimal(organisation="Uusi yhdistys ry"))

    message = import_error(path)

    assert 'line 2: unknown organisation "Uusi yhdistys ry"' in message
    assert "--create-organisations" in message


def test_create_organisations(tmp_path, liminka):
    path = write(
        tmp_path,
        minimal(organisation="Uusi yhdistys ry", municipality="Oulu"),
        minimal(organisation="uusi  YHDISTYS ry", title="Toinen"),
        minimal(
            organisation="Pohjois-Pohjanmaan hyvinvointialue",
            organisation_type="wellbeing_county",
            municipality="564",
        ),
    )

    output = run(path, "--create-organisations")

    assert "Created 2 organisations: Uusi yhdistys ry, Pohjois-Pohjanmaan hyvinvointialue." in (
        output
    )
    association = Organisation.objects.get(name_fi="Uusi yhdistys ry")
    assert association.type == OrganisationType.OTHER
    assert association.municipality.code == "564"
    assert association.deeds.count() == 2
    county = Organisation.objects.get(name_fi="Pohjois-Pohjanmaan hyvinvointialue")
    assert county.type == OrganisationType.WELLBEING_COUNTY
    assert county.region.code == "17"
    entry = association.audit_entries().get()
    assert (entry.action, entry.actor_label, entry.data["line"]) == (
        "organisation.created",
        "import_deeds",
        1,
    )


def test_a_name_two_organisations_share_needs_the_slug(tmp_path, liminka):
    OrganisationFactory(name_fi="Sivistystoimi", slug="sivistystoimi-a")
    OrganisationFactory(name_fi="Sivistystoimi", slug="sivistystoimi-b")
    path = write(tmp_path, minimal(organisation="sivistystoimi"))

    message = import_error(path, "--create-organisations")

    assert 'organisation "sivistystoimi" matches several organisations; use its slug' in message
    run(write(tmp_path, minimal(organisation="sivistystoimi-b")))
    assert Deed.objects.get().organisation.slug == "sivistystoimi-b"


def test_new_organisation_given_two_types(tmp_path):
    path = write(
        tmp_path,
        minimal(organisation="Uusi yhtiö", organisation_type="company", municipality="091"),
        minimal(organisation="Uusi yhtiö", organisation_type="joint_authority"),
    )

    message = import_error(path, "--create-organisations")

    assert 'line 2: organisation_type "joint_authority" differs from "company"' in message


def test_new_organisation_of_a_type_that_needs_a_municipality(tmp_path):
    path = write(tmp_path, minimal(organisation="Uusi kunta", organisation_type="municipality"))

    message = import_error(path, "--create-organisations")

    assert 'line 1: new organisation "Uusi kunta": Choose the home municipality.' in message


# --- Partners ----------------------------------------------------------------------------


@pytest.fixture
def oulu():
    return OrganisationFactory(
        name_fi="Oulun kaupunki",
        name_sv="Uleåborgs stad",
        name_en="City of Oulu",
        slug="oulun-kaupunki",
        municipality=municipality("564"),
    )


def partner_slugs(deed):
    return sorted(deed.partners.values_list("slug", flat=True))


@pytest.mark.parametrize(
    "name", ["Oulun kaupunki", "  uleåborgs   STAD ", "City of Oulu", "oulun-kaupunki"]
)
def test_partner_by_name_in_any_language_or_slug(tmp_path, liminka, oulu, name):
    run(write(tmp_path, minimal(partners=[name])))

    assert partner_slugs(Deed.objects.get()) == ["oulun-kaupunki"]


def test_partners_repeated_or_equal_to_the_organisation_are_left_out(tmp_path, liminka, oulu):
    line = minimal(
        partners=["Oulun kaupunki", "oulun-kaupunki", "limingan-kunta", "Limingo kommun"]
    )

    run(write(tmp_path, line))

    deed = Deed.objects.get()
    assert deed.organisation == liminka
    assert partner_slugs(deed) == ["oulun-kaupunki"]


def test_unknown_partner_stops_the_import(tmp_path, liminka, oulu):
    path = write(tmp_path, minimal(), minimal(partners=["Oulun kaupunki", "Uusi yhdistys ry"]))

    message = import_error(path)

    assert (
        'line 2: unknown partner "Uusi yhdistys ry" (check the name, or run with'
        " --create-organisations to create it)"
    ) in message


def test_create_organisations_creates_partners(tmp_path, liminka, oulu):
    path = write(
        tmp_path,
        minimal(
            partners=["Uusi yhdistys ry", "Oulun kaupunki"],
            municipality="091",
            organisation_type="municipality",
        ),
        minimal(title="Toinen", partners=["uusi YHDISTYS ry"]),
    )

    output = run(path, "--create-organisations")

    assert "Created 1 organisation: Uusi yhdistys ry." in output
    association = Organisation.objects.get(name_fi="Uusi yhdistys ry")
    # The line's organisation_type and municipality are its own organisation's.
    assert (association.type, association.municipality) == (OrganisationType.OTHER, None)
    assert association.partner_deeds.count() == 2
    assert partner_slugs(Deed.objects.get(title="Toinen")) == [association.slug]
    entry = association.audit_entries().get()
    assert (entry.action, entry.data) == (
        "organisation.created",
        {"file": "deeds.jsonl", "line": 1},
    )


def test_a_new_partner_takes_its_details_from_a_line_naming_it_as_organisation(
    tmp_path, monkeypatch
):
    # One line per batch: the deed on line 1, which needs the new partner, is written
    # before line 3, which gives the partner's details, is read the second time.
    monkeypatch.setattr("deeds.importing.reading.BATCH_SIZE", 1)
    monkeypatch.setattr("deeds.importing.service.BATCH_SIZE", 1)
    path = write(
        tmp_path,
        minimal(organisation="Uusi säätiö", partners=["Uusi yhtiö"]),
        minimal(organisation="Uusi säätiö", title="Toinen"),
        minimal(
            organisation="uusi yhtiö",
            organisation_type="company",
            municipality="564",
            title="Kolmas",
        ),
    )

    output = run(path, "--create-organisations")

    assert "Created 2 organisations: Uusi säätiö, uusi yhtiö." in output
    company = Organisation.objects.get(name_fi="uusi yhtiö")
    assert (company.type, company.municipality.code) == (OrganisationType.COMPANY, "564")
    assert company.audit_entries().get().data["line"] == 3
    assert company.partner_deeds.get().title == "Aamupalaverit kymmeneen minuuttiin"
    assert company.deeds.get().title == "Kolmas"


def test_a_new_partner_named_again_as_organisation_is_checked(tmp_path):
    path = write(
        tmp_path,
        minimal(organisation="Uusi säätiö", partners=["Uusi kunta"]),
        minimal(organisation="Uusi kunta", organisation_type="municipality"),
    )

    message = import_error(path, "--create-organisations")

    assert 'line 2: new organisation "Uusi kunta": Choose the home municipality.' in message


def test_a_partner_two_organisations_share_needs_the_slug(tmp_path, liminka):
    OrganisationFactory(name_fi="Sivistystoimi", slug="sivistystoimi-a")
    OrganisationFactory(name_fi="Sivistystoimi", slug="sivistystoimi-b")

    message = import_error(write(tmp_path, minimal(partners=["Sivistystoimi"])))

    assert 'line 1: partner "Sivistystoimi" matches several organisations; use its slug' in (
        message
    )


def test_rerun_with_partners_changes_nothing(tmp_path, liminka, oulu):
    path = write(
        tmp_path,
        minimal(url="/teot/1", partners=["Oulun kaupunki", "Uusi yhdistys ry"]),
        minimal(url="/teot/2", title="Toinen", partners=["uusi yhdistys ry"]),
    )
    first = run(path, "--create-organisations")
    before = counts(), Deed.partners.through.objects.count()

    second = run(path, "--create-organisations")

    assert "Created 1 organisation: Uusi yhdistys ry." in first
    assert before[1] == 3
    assert (counts(), Deed.partners.through.objects.count()) == before
    assert "Imported 0 deeds" in second
    assert "Skipped 2 deeds already imported" in second
    assert "Created 0 organisations" in second


def test_dry_run_counts_new_partners(tmp_path, liminka):
    path = write(tmp_path, minimal(partners=["Uusi yhdistys ry"]))

    output = run(path, "--dry-run", "--create-organisations")

    assert "Would create 1 organisation: Uusi yhdistys ry." in output
    assert Organisation.objects.filter(name_fi="Uusi yhdistys ry").count() == 0


# --- Re-running and dry runs -----------------------------------------------------------


def test_running_the_same_file_again_skips_what_was_imported(tmp_path, liminka):
    path = write(
        tmp_path,
        complete(),
        minimal(url="/teot/toinen", organisation="Uusi yhdistys ry"),
    )
    first = run(path, "--create-organisations")
    before = counts()

    second = run(path, "--create-organisations")

    assert "Imported 2 deeds" in first
    assert "Created 1 organisation" in first
    assert counts() == before
    assert "Imported 0 deeds" in second
    assert "Skipped 2 deeds already imported" in second
    assert "Created 0 organisations" in second


def test_an_existing_legacy_path_with_a_trailing_slash_counts_as_imported(tmp_path, liminka):
    DeedFactory(organisation=liminka, legacy_path="/teot/vanha/")

    output = run(write(tmp_path, minimal(url="http://old.example/teot/vanha")))

    assert "Imported 0 deeds" in output
    assert "Skipped 1 deed already imported" in output


def test_lines_without_url_are_reported(tmp_path, liminka):
    output = run(write(tmp_path, minimal()))

    assert "Without url: 1 deed, which importing the file again" in output


def test_dry_run_writes_nothing(tmp_path, liminka):
    path = write(tmp_path, complete(), minimal(organisation="Uusi yhdistys ry"))
    before = counts()

    output = run(path, "--dry-run", "--create-organisations")

    assert counts() == before
    assert "Would import 2 deeds" in output
    assert "Would create 1 organisation: Uusi yhdistys ry." in output
    assert "Dry run: nothing was written." in output


def test_dry_run_reports_errors(tmp_path, liminka):
    message = import_error(write(tmp_path, minimal(themes=["innovaatio"])), "--dry-run")

    assert 'line 1: unknown theme "innovaatio"' in message


# --- Bad input -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('{"title": "Rikki", "summary": ', "line 2: not valid JSON"),
        ("[1, 2]", "line 2: a line must be a JSON object"),
        (minimal(themes=["innovaatio"]), 'line 2: unknown theme "innovaatio"'),
        (minimal(title=None), "line 2: title is missing"),
        (minimal(title="   "), "line 2: title is empty"),
        (minimal(title="x" * 10_000), "line 2: title is 10000 characters long; the limit is 200"),
        (minimal(title=42), "line 2: title must be a string, not a number"),
        (minimal(summary=None), "line 2: summary is missing"),
        (minimal(organisation=None), "line 2: organisation is missing"),
        (
            minimal(sectors="Tekniset palvelut"),
            "line 2: sectors must be a list of labels, not a string",
        ),
        (minimal(sectors=["Avaruuspalvelut"]), 'line 2: unknown sector "Avaruuspalvelut"'),
        (minimal(subthemes=["Ei ole"]), 'line 2: unknown subtheme "Ei ole"'),
        (minimal(customer_groups=["Marsilaiset"]), 'line 2: unknown customer group "Marsilaiset"'),
        (
            minimal(published_at="15.3.2021"),
            'line 2: published_at "15.3.2021" is not an ISO 8601 date',
        ),
        (minimal(published_at="2021-02-30"), 'published_at "2021-02-30" is not an ISO 8601'),
        (minimal(published_at=None), "line 2: published_at is missing"),
        (minimal(published_at="2999-01-01"), 'line 2: published_at "2999-01-01" is in the future'),
        (minimal(kind="hackathon"), 'line 2: unknown kind "hackathon"'),
        (minimal(language="de"), 'line 2: unknown language "de"'),
        (minimal(municipality="Atlantis"), 'line 2: unknown municipality "Atlantis"'),
        (minimal(municipality="999"), 'line 2: unknown municipality "999"'),
        (minimal(body="Teksti", results="Tulos"), "line 2: give either body or the section"),
        (minimal(contact={"email": "a@example.com"}), "line 2: contact name is missing"),
        (minimal(contact={"name": "A", "email": "ei-osoite"}), 'contact email "ei-osoite"'),
        (minimal(contact={"name": "A", "consent": "yes"}), "contact consent must be true or false"),
        (minimal(contact=[{"name": "A"}, "B"]), "line 2: contact 2 must be an object"),
        (minimal(links="https://example.com"), "line 2: links must be a list, not a string"),
        (minimal(links=["ftp://example.com/x"]), 'links item 1 "ftp://example.com/x" is not'),
        (minimal(links=[{"title": "Ilman osoitetta"}]), "line 2: links item 1 url is missing"),
        (minimal(funding="external"), "line 2: funder: Name the external funder."),
        (
            minimal(project_start="2020-05-01", project_end="2020-01-01"),
            "line 2: project_end: The project cannot end before it starts.",
        ),
        (minimal(project_start="toukokuu"), 'project_start "toukokuu" is not a date'),
        (minimal(url="/teko.php?id=5"), "has a query string"),
        (minimal(url="teot/5"), "is neither an address"),
        (minimal(url="mailto:a@example.com"), "is neither an address"),
        (minimal(url="https://www.tekojentori.fi/"), "has no path"),
        (minimal(sector=["Tekniset palvelut"]), 'unknown field "sector" (did you mean "sectors"?)'),
        (minimal(organisation_type="yhdistys"), 'unknown organisation_type "yhdistys"'),
        ('{"title": "A", "title": "B"}', 'the field "title" is given twice'),
        (minimal(title="Nolla\u0000merkki"), "title contains a NUL character"),
        (
            minimal(partners="Oulun kaupunki"),
            "line 2: partners must be a list of organisation names, not a string",
        ),
        (
            minimal(partners={"name": "Oulun kaupunki"}),
            "line 2: partners must be a list of organisation names, not an object",
        ),
        (minimal(partners=[42]), "line 2: partners item 1 must be a string, not a number"),
        (minimal(partners=[["Oulu"]]), "line 2: partners item 1 must be a string, not a list"),
        (minimal(partners=["limingan-kunta", " "]), "line 2: partners item 2 is empty"),
        (minimal(partners=["Ei ole ry"]), 'line 2: unknown partner "Ei ole ry"'),
    ],
)
def test_bad_line_stops_the_whole_import(tmp_path, liminka, line, expected):
    path = write(tmp_path, minimal(title="Hyvä rivi"), line)

    message = import_error(path)

    assert "deeds.jsonl: nothing was imported." in message
    assert expected in message


def test_all_errors_are_reported_at_once(tmp_path, liminka):
    path = write(
        tmp_path,
        minimal(themes=["innovaatio"]),
        minimal(),
        minimal(title=None, sectors="Tekniset palvelut"),
        "{oops",
    )

    message = import_error(path)

    assert 'line 1: unknown theme "innovaatio" (did you mean "innovaatiot"?)' in message
    assert "line 3: title is missing" in message
    assert "line 3: sectors must be a list of labels, not a string" in message
    assert "line 4: not valid JSON" in message
    assert "line 2" not in message


def test_error_list_is_capped(tmp_path, liminka):
    path = write(tmp_path, *[minimal(kind="hackathon") for _ in range(25)])

    message = import_error(path)

    assert "line 20: unknown kind" in message
    assert "line 21" not in message
    assert "… and 5 more errors" in message


def test_same_url_twice_in_a_file(tmp_path, liminka):
    path = write(tmp_path, minimal(url="/teot/a"), minimal(url="https://x.fi/teot/a/"))

    assert 'line 2: url "/teot/a" is also on line 1' in import_error(path)


def test_empty_file(tmp_path):
    path = tmp_path / "empty.jsonl"
    path.write_bytes(b"\n  \n")

    assert "the file has no deeds" in import_error(path)


def test_missing_file(tmp_path):
    assert "no such file" in import_error(tmp_path / "nowhere.jsonl")


def test_file_not_in_utf8(tmp_path, liminka):
    path = write(tmp_path, minimal(title="Ääni"), encoding="latin-1")

    message = import_error(path)

    assert "line 1: not UTF-8 text (byte 0xc4 at position 12); save the file in UTF-8" in message


def test_a_failure_while_writing_rolls_everything_back(tmp_path, liminka, monkeypatch):
    def fail(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(DeedLink.objects, "bulk_create", fail)
    path = write(tmp_path, complete(), minimal(organisation="Uusi yhdistys ry"))
    before = counts()

    with pytest.raises(RuntimeError):
        run(path, "--create-organisations")

    assert counts() == before


# --- The service -------------------------------------------------------------------------


def test_service_takes_a_list_of_lines(liminka):
    report = deeds_import([json.dumps(minimal())], source_name="list")

    assert (report.imported, report.skipped) == (1, 0)
    assert Deed.objects.get().audit_entries().get().data == {"file": "list", "line": 1}


def test_service_refuses_a_one_shot_iterator(liminka):
    with pytest.raises(TypeError):
        deeds_import(iter([json.dumps(minimal())]))


def test_service_error_carries_the_line_errors(liminka):
    with pytest.raises(DeedImportError) as caught:
        deeds_import(["{}", json.dumps(minimal())])

    assert [str(error) for error in caught.value.errors] == [
        "line 1: title is missing",
        "line 1: summary is missing",
        "line 1: published_at is missing",
        "line 1: organisation is missing",
    ]
    assert caught.value.total == 4


def test_lookups_do_not_query_per_line(tmp_path, liminka, oulu, django_assert_max_num_queries):
    lines = [
        minimal(
            title=f"Teko {n}",
            url=f"/teot/{n}",
            sectors=["Tekniset palvelut", "Hallinto ja talous"],
            themes=["Osaaminen"],
            subthemes=["Perehdytys", "Mentorointi"],
            customer_groups=["Henkilöstö"],
            partners=["Oulun kaupunki"],
            municipality="Oulu",
            contact={"name": "A"},
            links=["https://example.com"],
        )
        for n in range(50)
    ]
    path = write(tmp_path, *lines)

    # Per deed: insert, its region (Deed.save), the catalogue token, the audit entry;
    # plus a constant number per batch for lookups, tags and the search index.
    with django_assert_max_num_queries(50 * 4 + 80):
        run(path)

    assert Deed.objects.count() == 50
    assert Deed.partners.through.objects.count() == 50

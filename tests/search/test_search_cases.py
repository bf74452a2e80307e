"""What a search must and must not find. The same cases run on SQLite and PostgreSQL (CI)."""

import datetime as dt

import pytest
from django.http import QueryDict
from django.utils import timezone

from catalogue.listing import parse_listing
from organisations.models import OrganisationType
from taxonomy.models import Sector, Theme
from tests.deeds.factories import DeedFactory
from tests.organisations.factories import OrganisationFactory, municipality

pytestmark = pytest.mark.django_db


def day(n):
    return timezone.make_aware(dt.datetime(2024, 1, 1, 12)) + dt.timedelta(days=n)


@pytest.fixture
def deeds():
    liminka = OrganisationFactory(
        name_fi="Limingan kunta", name_sv="Limingo kommun", municipality=municipality("425")
    )
    kangasala = OrganisationFactory(name_fi="Kangasalan kaupunki", municipality=municipality("211"))
    varkaus = OrganisationFactory(name_fi="Varkauden kaupunki", municipality=municipality("915"))
    porvoo = OrganisationFactory(
        name_fi="Porvoon kaupunki", name_sv="Borgå stad", municipality=municipality("638")
    )
    county = OrganisationFactory(
        name_fi="Pirkanmaan hyvinvointialue",
        municipality=None,
        region=municipality("211").region,
        type=OrganisationType.WELLBEING_COUNTY,
    )
    wellbeing = Theme.objects.get(slug="tyohyvinvointi")
    innovation = Theme.objects.get(slug="innovaatiot")
    care = Sector.objects.get(slug="sosiaali-ja-terveys")
    made = {
        "A": dict(
            title="Työhyvinvoinnin kehittäminen kotihoidossa",
            organisation=liminka,
            summary="Kotihoidon työntekijöiden työhyvinvointia parannettiin yhdessä.",
            themes=[wellbeing],
            sectors=[care],
            published_at=day(10),
        ),
        "B": dict(
            title="Etätyöhön siirtyminen hallinnossa",
            organisation=kangasala,
            summary="Siirryimme etätyöhön ja opimme uusia tapoja.",
            published_at=day(11),
        ),
        "C": dict(
            title="Ruokapalveluiden hävikki puolittui",
            organisation=varkaus,
            summary="Ruokapalveluiden keittiöissä mitattiin ruokahävikkiä viikoittain.",
            published_at=day(12),
        ),
        "E": dict(
            title="Hemvården i Borgå förnyade arbetsturerna",
            organisation=porvoo,
            summary="Hemvården planerade nya rutter tillsammans.",
            language="sv",
            published_at=day(13),
        ),
        "F": dict(
            title="Kirjaston lukupiiri",
            organisation=kangasala,
            summary="Lukupiiri kokoontui Limingan kirjastossa kerran kuussa.",
            published_at=day(14),
        ),
        "G": dict(
            title="Pihapelit päiväkodissa",
            organisation=varkaus,
            summary="Varhaiskasvatusyksikön päiväkodin lapset keksivät uusia pihapelejä.",
            published_at=day(15),
        ),
        "H": dict(
            title="Sähköinen asiointi rakennusvalvonnassa",
            organisation=kangasala,
            summary="Lupahakemukset siirtyivät sähköiseen asiointiin.",
            published_at=day(16),
        ),
        "I": dict(
            title="Asiakkaan polun kuvaus",
            organisation=varkaus,
            summary="Kuvasimme asiakkaan polun yhdessä asiakkaiden kanssa.",
            published_at=day(17),
        ),
        "J": dict(
            title="Metsäretki ikäihmisille",
            organisation=varkaus,
            summary="Polun varrella asiakkaan koira juoksi edellä.",
            published_at=day(18),
        ),
        "K": dict(
            title="Palvelumuotoilu terveysasemalla",
            organisation=county,
            summary="Terveysaseman ajanvaraus suunniteltiin uudelleen.",
            published_at=day(19),
        ),
        "L": dict(
            title="Remote work guidelines for the city",
            organisation=kangasala,
            summary="The team wrote shared guidelines for working remotely.",
            language="en",
            published_at=day(20),
        ),
        "M": dict(
            title="Aamupalaverit lyhyemmiksi",
            organisation=liminka,
            summary="Palaverit kestävät nyt vartin.",
            themes=[innovation],
            published_at=day(21),
        ),
        "N": dict(
            title="Työhyvinvointi ensin",
            organisation=varkaus,
            summary="Lyhyt kuvaus.",
            published_at=day(1),
        ),
        "O": dict(
            title="Vuoden kooste",
            organisation=varkaus,
            summary="Kooste.",
            results="Kyselyn mukaan työhyvinvointi parani selvästi.",
            published_at=day(30),
        ),
    }
    return {key: DeedFactory(**values) for key, values in made.items()}


def found(query, **filters):
    params = QueryDict(mutable=True)
    params["q"] = query
    for name, value in filters.items():
        params[name] = value
    listing = parse_listing(params)
    return listing, listing.run()


def keys(deeds, query, **filters):
    _, result = found(query, **filters)
    by_id = {deed.pk: key for key, deed in deeds.items()}
    return [by_id[pk] for pk in result.ids()]


CASES = [
    # (query, must find, must not find) — inflection
    ("työhyvinvointi", {"A", "N", "O"}, {"B", "C"}),
    ("työhyvinvoinnin", {"A", "N", "O"}, {"B"}),
    ("työhyvinvointia", {"A"}, {"C"}),
    ("etätyö", {"B"}, {"A", "L"}),
    ("etätyöhön", {"B"}, {"A"}),
    ("etätyötä", {"B"}, set()),
    ("ruokapalvelu", {"C"}, {"A"}),
    ("ruokapalveluiden", {"C"}, set()),
    ("kotihoito", {"A"}, {"E"}),
    ("kotihoidossa", {"A"}, set()),
    ("KOTIHOITO", {"A"}, set()),
    ("kirjasto", {"F"}, set()),
    ("lukupiirit", {"F"}, set()),
    ("päiväkoti", {"G"}, {"A"}),
    # compounds: a part finds the whole
    ("hyvinvointi", {"A", "N", "O"}, {"B"}),
    ("hävikki", {"C"}, set()),
    ("ruokahävikki", {"C"}, set()),
    ("varhaiskasvatus", {"G"}, set()),
    ("palaveri", {"M"}, set()),
    # names
    ("Liminka", {"A", "F", "M"}, {"B", "C"}),
    ("Limingan", {"A", "F", "M"}, {"C"}),
    ("Kangasala", {"B", "F", "H", "L"}, {"C"}),
    ("Porvoo", {"E"}, {"A"}),
    ("Borgå", {"E"}, {"A"}),
    ("Pirkanmaa", {"K", "B", "F", "H", "L"}, {"C"}),
    # Swedish and English content
    ("hemvård", {"E"}, {"A"}),
    ("hemvården", {"E"}, set()),
    ("arbetstur", {"E"}, set()),
    ("remote work", {"L"}, {"B"}),
    ("guideline", {"L"}, set()),
    # several words: all must match
    ("sähköinen asiointi", {"H"}, {"A"}),
    ("kotihoito työhyvinvointi", {"A"}, {"N", "O", "B"}),
    ("etätyö ruokapalvelu", set(), {"B", "C"}),
    # phrases
    ('"asiakkaan polun"', {"I"}, {"J"}),
    ("asiakkaan polun", {"I", "J"}, set()),
    ('"polun kuvaus"', {"I"}, {"J"}),
    ('"kuvaus polun"', set(), {"I"}),
    # tags only
    ("innovaatiot", {"M"}, {"A"}),
    # typos (words of five letters or more)
    ("palvelumuotoliu", {"K"}, {"A"}),
    ("työhyvinvonti", {"A", "N", "O"}, {"B"}),
    ("kirjstossa", {"F"}, set()),
    # hostile input never fails
    ("kotihoito:", {"A"}, set()),
    ("😀 kotihoito", {"A"}, set()),
    ("\x00kotihoito\x07", {"A"}, set()),
    ("kotihoito*", {"A"}, set()),
]


@pytest.mark.parametrize("query, must, must_not", CASES, ids=[c[0] for c in CASES])
def test_search_finds_what_it_must_and_not_what_it_must_not(deeds, query, must, must_not):
    result = set(keys(deeds, query))
    assert must <= result, f"missing {must - result}"
    assert not (must_not & result), f"unexpected {must_not & result}"


def test_search_combines_with_filters_and_their_counts(deeds):
    listing, result = found("kangasala")
    assert result.total == 4
    listing, result = found("kangasala", theme="tyohyvinvointi")
    assert result.total == 0
    listing, result = found("työhyvinvointi", organisation=deeds["N"].organisation.slug)
    assert set(result.ids()) == {deeds["N"].pk, deeds["O"].pk}
    # Facet counts are counted over the search hits: choosing one gives that many.
    listing, result = found("työhyvinvointi")
    organisations = listing.catalogue.columns["organisation"]
    for code, count in enumerate(result.counts["organisation"]):
        if count:
            slug = organisations.choices[code].key
            assert found("työhyvinvointi", organisation=slug)[1].total == count


def test_title_beats_summary_beats_body_and_newer_wins_ties(deeds):
    order = keys(deeds, "työhyvinvointi")
    # N has it in the title (oldest), A in title and summary, O only in the results.
    assert order.index("A") < order.index("O")
    assert order.index("N") < order.index("O")
    newer_title_first = keys(deeds, "kangasala")
    # All four match only through their organisation: newest first.
    assert newer_title_first == ["L", "H", "F", "B"]


def test_a_tag_only_match_comes_after_text_matches(deeds):
    deeds["P"] = DeedFactory(
        title="Innovaatiot arjessa", summary="Pieni kokeilu.", published_at=day(2)
    )
    # P is older, but has the word in its title; M only has the tag.
    assert keys(deeds, "innovaatiot") == ["P", "M"]


def test_did_you_mean_when_nothing_is_found_as_typed(deeds):
    listing, result = found("palvelumuotoliu")
    assert listing.search.corrected_from == "palvelumuotoliu"
    assert listing.search.parsed.text == "palvelumuotoilu"
    assert result.total == 1


def test_no_correction_when_the_words_as_typed_find_something(deeds):
    listing, _ = found("kotihoito")
    assert listing.search.corrected_from == ""


@pytest.mark.parametrize(
    "query",
    [
        "ja on",
        "och det",
        "the and",
        '"',
        '""',
        "*",
        ":",
        "'",
        "NEAR(a b)",
        "a AND OR NOT",
        "'; DROP TABLE deeds_deed; --",
        'kotihoito"',
        "{title}: x",
        "^kotihoito",
        "\\",
        "%_",
        "😀",
        "\u200b\u200b",
        "\x00\x01\x02",
        " ".join(["sana"] * 500),
        "x" * 5000,
    ],
)
def test_hostile_or_odd_queries_never_raise(deeds, query):
    listing, result = found(query)
    assert result.total >= 0
    assert isinstance(listing.search.notes, list)


def test_only_common_words_explains_itself(deeds):
    listing, result = found("ja on")
    assert result.total == 0
    assert listing.search.notes


def test_too_many_words_are_cut_with_a_message(deeds):
    listing, _ = found(" ".join(f"sana{i}" for i in range(40)))
    assert any("12" in str(note) for note in listing.search.notes)


def test_unpublished_deeds_are_never_found(deeds):
    deed = deeds["C"]
    deed.status = "archived"
    deed.save()
    assert "C" not in keys(deeds, "ruokapalvelu")
    deed.status = "published"
    deed.save()
    assert "C" in keys(deeds, "ruokapalvelu")


def test_edits_are_searchable_at_once(deeds):
    deed = deeds["B"]
    deed.summary = "Nyt mukana myös perhevapaat."
    deed.save()
    assert "B" in keys(deeds, "perhevapaa")
    deed.delete()
    assert "B" not in keys(deeds, "etätyö")

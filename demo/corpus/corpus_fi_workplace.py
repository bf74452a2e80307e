"""Finnish topics of the whole workplace: the staff together and supervisory work."""

# ruff: noqa: E501 -- prose: each sentence stays whole on one line, so it can be searched for.

from .parts import m, topic

ADMIN = "hallinto-ja-talous"
BUSINESS = "elinkeino-ja-tyollisyys"
WHOLE = "koko-organisaatio"
EMPLOYEES = ("työntekijät", "työntekijöiden", "työntekijöitä", "työntekijöille")
CUSTOMERS = ("asiakkaat", "asiakkaiden", "asiakkaita", "asiakkaille")
ANYONE = ("*",)

TOPICS = [
    topic(
        "koko-henkilosto",
        WHOLE,
        ("työyhteisö", "työyhteisön", "työyhteisössä"),
        EMPLOYEES,
        EMPLOYEES,
        owners=ANYONE,
        units=("Henkilöstö", "Koko organisaatio", "Työhyvinvointitiimi", "Yhteistoimintaryhmä"),
        groups=("henkilosto",),
        roles=(
            "henkilöstöjohtaja",
            "työsuojelupäällikkö",
            "työhyvinvointikoordinaattori",
            "pääluottamusmies",
            "kehittämispäällikkö",
        ),
        context=(
            "Organisaatiossa työskentelee noin {n2} ihmistä kymmenissä eri toimipisteissä.",
            "Henkilöstökysely tehdään joka toinen vuosi.",
        ),
        problems=(
            "Henkilöstökyselyssä vain {pct2} prosenttia koki tietävänsä, mitä organisaatiossa tapahtuu.",
            "Sairauspoissaolot olivat kasvaneet, ja kuormitus koettiin suureksi.",
            "Eri toimialojen työntekijät eivät tunteneet toisiaan.",
            "Etätyö oli hajauttanut työyhteisöä.",
        ),
        goals=("lisätä avoimuutta", "kääntää sairauspoissaolot laskuun", "tuoda toimialat yhteen"),
        measures=(
            m(
                "luottamus",
                "johdon kyselytunnit",
                "johdon kyselytunteja",
                (
                    "Johtoryhmä vastaa kerran kuussa kaikkiin henkilöstön kysymyksiin suorassa lähetyksessä.",
                ),
                (),
                "avoin-viestinta",
            ),
            m(
                "tyohyvinvointi",
                "työhyvinvointilähettiläät",
                "työhyvinvointilähettiläitä",
                (
                    "Jokaisesta yksiköstä valittiin lähettiläs, joka ideoi ja kokoaa työhyvinvoinnin toimia.",
                ),
                (),
                "tyoyhteiso",
            ),
            m(
                "yhteiskehittaminen",
                "työkierto toimialojen välillä",
                "työkiertoa toimialojen välillä",
                ("Työntekijät voivat hakea viikon työkiertoon toiselle toimialalle.",),
                (),
                "henkiloston-osallistaminen",
            ),
            m(
                "digitalisaatio",
                "hybridityön pelisäännöt",
                "hybridityön pelisääntöjä",
                (
                    "Jokainen tiimi sopi yhdessä, milloin tavataan paikan päällä ja milloin tehdään etätyötä.",
                ),
                (),
                "eta-ja-hybridityo",
            ),
        ),
        metrics=(
            "Sairauspoissaolot vähenivät {pct} prosenttia.",
            "Henkilöstökyselyn vastausprosentti nousi {pct2} prosenttiin.",
            "Kyselyn keskiarvo nousi {score1} → {score2} (asteikko 1–5).",
        ),
        hooks=("Koko talo mukaan", "Johto vastaa kysymyksiin"),
    ),
    topic(
        "esihenkilotyo",
        WHOLE,
        ("esihenkilötyö", "esihenkilötyön", "esihenkilötyössä"),
        ("esihenkilöt", "esihenkilöiden", "esihenkilöitä", "esihenkilöille"),
        EMPLOYEES,
        owners=ANYONE,
        units=("Esihenkilöverkosto", "Johtoryhmä", "Henkilöstöpalvelut"),
        groups=("henkilosto",),
        roles=("henkilöstöjohtaja", "kehittämispäällikkö", "johtava esihenkilö", "toimialajohtaja"),
        context=("Organisaatiossa on noin {n2} esihenkilöä.",),
        problems=(
            "Uudet esihenkilöt jäivät yksin tehtävässään.",
            "Esihenkilöillä oli jopa {n2} alaista, eikä aikaa kohtaamiseen jäänyt.",
            "Esihenkilöt kokivat, ettei heillä ollut tarvittavaa tietoa päätösten tueksi.",
        ),
        goals=("tukea esihenkilöitä", "vahvistaa valmentavaa johtamista"),
        measures=(
            m(
                "johtaminen",
                "esihenkilöiden vertaisryhmät",
                "esihenkilöiden vertaisryhmiä",
                (
                    "Esihenkilöt kokoontuvat pienryhmissä kerran kuussa käymään läpi omia tilanteitaan.",
                ),
                (),
                "esihenkilotyo",
            ),
            m(
                "johtaminen",
                "johtamisen mittaristo",
                "johtamisen mittaristoa",
                ("Esihenkilöt näkevät yhdestä näkymästä poissaolot, ylityöt ja palautteen.",),
                (),
                "tiedolla-johtaminen",
            ),
            m(
                "osaaminen",
                "valmentavan johtamisen koulutus",
                "valmentavan johtamisen koulutusta",
                ("Kaikki esihenkilöt osallistuivat puolen vuoden valmennukseen.",),
                (),
                "oppiminen-tyossa",
            ),
            m(
                "johtaminen",
                "jaettu johtajuus",
                "jaettua johtajuutta",
                ("Osa esihenkilön tehtävistä jaettiin tiimin vastuuhenkilöille.",),
                (),
                "muutosjohtaminen",
            ),
        ),
        metrics=(
            "Esihenkilöistä {pct2} prosenttia koki saavansa tukea.",
            "Johtamisen arvio henkilöstökyselyssä nousi {score1} → {score2} (asteikko 1–5).",
        ),
        hooks=("Esihenkilö ei ole yksin", "Valmentava ote arkeen"),
    ),
]

"""Finnish topics of administration, employment and business, and the whole organisation."""

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
        "talous",
        ADMIN,
        ("talouspalvelut", "talouspalveluiden", "talouspalveluissa"),
        ("taloussihteerit", "taloussihteerien", "taloussihteereitä", "taloussihteereille"),
        CUSTOMERS,
        owners=("municipality", "county"),
        units=("Talouspalvelut", "Taloushallinto", "Palkka- ja henkilöstöhallinto", "Laskutus"),
        groups=("henkilosto", "yritykset"),
        roles=("talouspäällikkö", "controller", "taloussihteeri", "palkkasihteeri"),
        context=("Talouspalvelut käsittelevät vuosittain noin {n2} tuhatta ostolaskua.",),
        problems=(
            "Laskujen kierrätys hyväksyjältä toiselle kesti viikkoja.",
            "Kuukauden lopussa työ ruuhkautui, ja ylitöitä kertyi.",
            "Esihenkilöt eivät saaneet ajantasaista tietoa budjettinsa tilanteesta.",
        ),
        goals=(
            "nopeuttaa laskujen käsittelyä",
            "tasata kuukauden lopun työkuormaa",
            "antaa esihenkilöille ajantasaista tietoa",
        ),
        measures=(
            m(
                "digitalisaatio",
                "ohjelmistorobotti laskujen tiliöintiin",
                "ohjelmistorobottia laskujen tiliöintiin",
                ("Robotti tiliöi toistuvat laskut, ja ihminen tarkistaa vain poikkeukset.",),
                (),
                "automaatio",
                ("Robotti käsittelee nyt {pct2} prosenttia toistuvista laskuista.",),
            ),
            m(
                "johtaminen",
                "talousraportti esihenkilöille",
                "talousraporttia esihenkilöille",
                (
                    "Esihenkilöt saavat kuukausittain yhden sivun raportin oman yksikkönsä taloudesta.",
                ),
                (),
                "tiedolla-johtaminen",
            ),
            m(
                "tyohyvinvointi",
                "kuukauden lopun tasaus",
                "kuukauden lopun tasausta",
                ("Osa kuukauden lopun töistä siirrettiin tehtäväksi jo kuun puolivälissä.",),
                (),
                "kuormitus-ja-palautuminen",
            ),
        ),
        metrics=(
            "Laskun käsittelyaika lyheni keskimäärin {n} päivällä.",
            "Ylityöt vähenivät {pct} prosenttia.",
        ),
        hooks=("Laskut liikkeelle", "Robotti hoitaa rutiinit"),
    ),
    topic(
        "henkilostopalvelut",
        ADMIN,
        ("henkilöstöpalvelut", "henkilöstöpalveluiden", "henkilöstöpalveluissa"),
        ("HR-asiantuntijat", "HR-asiantuntijoiden", "HR-asiantuntijoita", "HR-asiantuntijoille"),
        EMPLOYEES,
        owners=("municipality", "county", "ja:*"),
        units=("Henkilöstöpalvelut", "HR-palvelut", "Rekrytointipalvelut", "Työterveysyhteistyö"),
        groups=("henkilosto",),
        roles=(
            "henkilöstöjohtaja",
            "HR-asiantuntija",
            "henkilöstösuunnittelija",
            "työhyvinvointikoordinaattori",
        ),
        context=("Organisaatiossa työskentelee noin {n2} vakituista työntekijää.",),
        problems=(
            "Avoimiin tehtäviin oli yhä vähemmän hakijoita.",
            "Sairauspoissaolot olivat kasvaneet kolmena vuonna peräkkäin.",
            "Rekrytointi kesti kuukausia.",
        ),
        goals=(
            "saada lisää hakijoita",
            "kääntää sairauspoissaolot laskuun",
            "nopeuttaa rekrytointia",
        ),
        measures=(
            m(
                "rekrytointi",
                "työnantajakuvan uudistus",
                "työnantajakuvan uudistusta",
                (
                    "Työpaikkailmoitukset kirjoitettiin uudelleen, ja mukaan tuli työntekijöiden omia tarinoita.",
                ),
                (),
                "tyonantajakuva",
            ),
            m(
                "tyohyvinvointi",
                "varhaisen tuen malli",
                "varhaisen tuen mallia",
                ("Esihenkilö ottaa puheeksi jaksamisen, kun poissaoloja kertyy sovittu määrä.",),
                (),
                "kuormitus-ja-palautuminen",
            ),
            m(
                "rekrytointi",
                "pikarekrytointi",
                "pikarekrytointia",
                (
                    "Haastattelut tehdään viikon sisällä haun päättymisestä, ja päätös kerrotaan heti.",
                ),
                (),
                "tyonantajakuva",
            ),
        ),
        metrics=(
            "Hakijoiden määrä kasvoi {pct} prosenttia.",
            "Sairauspoissaolot vähenivät {pct} prosenttia.",
            "Rekrytoinnin kesto lyheni keskimäärin {n} päivällä.",
        ),
        hooks=("Hakijoita riittää taas", "Varhainen tuki kannattaa"),
    ),
    topic(
        "asiointi",
        ADMIN,
        ("asiointipalvelut", "asiointipalveluiden", "asiointipalveluissa"),
        (
            "asiakaspalvelusihteerit",
            "asiakaspalvelusihteerien",
            "asiakaspalvelusihteereitä",
            "asiakaspalvelusihteereille",
        ),
        ("asukkaat", "asukkaiden", "asukkaita", "asukkaille"),
        units=("Asiointipiste", "Kirjaamo", "Palvelupiste", "Asiakaspalvelukeskus"),
        groups=("kaikki-asukkaat", "ikaantyneet", "maahan-muuttaneet"),
        roles=("asiakaspalvelupäällikkö", "palvelusihteeri", "kirjaaja", "hallintosihteeri"),
        context=("Palvelupisteessä asioi viikoittain noin {n2} asukasta.",),
        problems=(
            "Asukkaat eivät tienneet, mihin numeroon soittaa.",
            "Sama kysymys kiersi monen työntekijän kautta.",
            "Päätöskirjeet olivat vaikeaselkoisia.",
        ),
        goals=("koota asiointipalvelut yhteen paikkaan", "selkeyttää kirjeitä"),
        measures=(
            m(
                "asiakaslahtoisyys",
                "yhden luukun palvelupiste",
                "yhden luukun palvelupistettä",
                ("Kaikki kunnan palvelut saa samasta palvelupisteestä tai samasta numerosta.",),
                (),
                "asiakaspalaute",
            ),
            m(
                "palvelujen-laatu",
                "päätöskirjeiden selkeytys",
                "päätöskirjeiden selkeytystä",
                ("Yleisimmät päätöspohjat kirjoitettiin uudelleen yleiskielellä.",),
                (),
                "saavutettavuus",
            ),
        ),
        metrics=(
            "Yhteydenotoista {pct2} prosenttia ratkesi ensimmäisellä kerralla.",
            "Palautteen keskiarvo nousi {score1} → {score2} (asteikko 1–5).",
        ),
        hooks=("Yksi numero kaikkeen",),
    ),
    topic(
        "ict",
        ADMIN,
        ("tietohallinto", "tietohallinnon", "tietohallinnossa"),
        ("tukihenkilöt", "tukihenkilöiden", "tukihenkilöitä", "tukihenkilöille"),
        ("käyttäjät", "käyttäjien", "käyttäjiä", "käyttäjille"),
        owners=("municipality", "company:ict", "county"),
        units=("Tietohallinto", "ICT-palvelut", "Digitiimi", "Lähituki"),
        groups=("henkilosto",),
        roles=(
            "tietohallintopäällikkö",
            "digikehittäjä",
            "lähitukihenkilö",
            "tietoturva-asiantuntija",
        ),
        context=("Tietohallinto tukee noin {n2} käyttäjää.",),
        problems=(
            "Tukipyyntöjä tuli paljon samoista asioista.",
            "Etätyöhön siirtyminen tapahtui nopeasti, eikä pelisääntöjä ollut.",
            "Tietoturvaohjeita ei luettu.",
        ),
        goals=(
            "vähentää toistuvia tukipyyntöjä",
            "sopia etätyön pelisäännöt",
            "parantaa tietoturvaa",
        ),
        measures=(
            m(
                "digitalisaatio",
                "digiagenttiverkosto",
                "digiagenttiverkostoa",
                (
                    "Jokaisessa yksikössä on digiagentti, joka neuvoo kollegoita arjen digiasioissa.",
                ),
                (),
                "eta-ja-hybridityo",
            ),
            m(
                "osaaminen",
                "tietoturvan minivideot",
                "tietoturvan minivideoita",
                (
                    "Kerran kuussa julkaistaan kahden minuutin video ajankohtaisesta tietoturva-asiasta.",
                ),
                (),
                "oppiminen-tyossa",
                (
                    "Tietojenkalasteluharjoituksessa linkkiä klikkasi enää {n} prosenttia vastaanottajista.",
                ),
            ),
        ),
        metrics=(
            "Tukipyynnöt vähenivät {pct} prosenttia.",
            "Käyttäjäkyselyn keskiarvo nousi {score1} → {score2} (asteikko 1–5).",
        ),
        hooks=("Digiagentti auttaa kollegaa",),
    ),
    topic(
        "tyollisyys",
        BUSINESS,
        ("työllisyyspalvelut", "työllisyyspalveluiden", "työllisyyspalveluissa"),
        (
            "työllisyyskoordinaattorit",
            "työllisyyskoordinaattorien",
            "työllisyyskoordinaattoreita",
            "työllisyyskoordinaattoreille",
        ),
        ("työnhakijat", "työnhakijoiden", "työnhakijoita", "työnhakijoille"),
        owners=("municipality", "other:tyollisyys"),
        units=("Työllisyyspalvelut", "Kuntouttava työtoiminta", "Ohjaamo", "Työpaja"),
        groups=("tyoikaiset", "maahan-muuttaneet", "lapset-ja-nuoret", "yritykset"),
        roles=("työllisyyspäällikkö", "työhönvalmentaja", "työllisyyskoordinaattori"),
        context=("Työllisyyspalveluiden asiakkaana on noin {n2} työnhakijaa.",),
        problems=(
            "Pitkäaikaistyöttömien määrä oli kasvanut.",
            "Yritykset eivät löytäneet osaavaa työvoimaa.",
            "Nuoret eivät hakeutuneet palveluihin.",
        ),
        goals=("saada työnhakijat ja yritykset kohtaamaan", "vähentää pitkäaikaistyöttömyyttä"),
        measures=(
            m(
                "yhteiskehittaminen",
                "rekrytointitapahtumat yritysten kanssa",
                "rekrytointitapahtumia yritysten kanssa",
                ("Yritykset ja työnhakijat tapaavat kahvin äärellä ilman ansioluetteloa.",),
                (),
                "verkostot",
            ),
            m(
                "osaaminen",
                "täsmäkoulutus yrityksen tarpeeseen",
                "täsmäkoulutusta yrityksen tarpeeseen",
                ("Työnhakijat koulutetaan yhdessä yrityksen kanssa suoraan avoimiin tehtäviin.",),
                (),
                "oppiminen-tyossa",
            ),
            m(
                "innovaatiot",
                "työhönvalmentaja mukaan työpaikalle",
                "työhönvalmentajaa mukaan työpaikalle",
                ("Valmentaja tukee uutta työntekijää työpaikalla ensimmäisten viikkojen ajan.",),
                (),
                "kokeilukulttuuri",
            ),
        ),
        metrics=(
            "Työllistyneitä oli vuoden aikana {n2}.",
            "Pitkäaikaistyöttömien määrä laski {pct} prosenttia.",
        ),
        hooks=("Työnhakija ja yritys samaan pöytään",),
    ),
    topic(
        "yrityspalvelut",
        BUSINESS,
        ("yrityspalvelut", "yrityspalveluiden", "yrityspalveluissa"),
        ("yritysneuvojat", "yritysneuvojien", "yritysneuvojia", "yritysneuvojille"),
        ("yrittäjät", "yrittäjien", "yrittäjiä", "yrittäjille"),
        owners=("municipality", "company:elinkeino", "other:kehitys"),
        units=("Elinkeinopalvelut", "Yrityspalvelut", "Yritysneuvonta"),
        groups=("yritykset",),
        roles=("elinkeinojohtaja", "yritysneuvoja", "elinkeinoasiamies"),
        context=("Kunnassa on noin {n2} yritystä, joista useimmat ovat pieniä.",),
        problems=(
            "Yrittäjät kokivat, ettei kunta kuunnellut heitä.",
            "Yritysten asiat kiersivät monen hallinnonalan kautta.",
        ),
        goals=("parantaa yritysten palvelua", "lisätä yrittäjien ja kunnan vuoropuhelua"),
        measures=(
            m(
                "asiakaslahtoisyys",
                "yrityskummit",
                "yrityskummeja",
                ("Jokaisella yrityksellä on kunnassa nimetty yhteyshenkilö.",),
                (),
                "asiakaspalaute",
            ),
            m(
                "luottamus",
                "yrittäjäaamut",
                "yrittäjäaamuja",
                ("Kunnanjohtaja ja yrittäjät tapaavat aamukahvin merkeissä kuukausittain.",),
                (),
                "avoin-viestinta",
            ),
        ),
        metrics=(
            "Yritysneuvontaa sai vuoden aikana {n2} yrittäjää.",
            "Yrittäjistä {pct2} prosenttia arvioi kunnan palvelun hyväksi.",
        ),
        hooks=("Kunta kuuntelee yrittäjää",),
    ),
    topic(
        "kotoutuminen",
        BUSINESS,
        ("kotoutumispalvelut", "kotoutumispalveluiden", "kotoutumispalveluissa"),
        ("ohjaajat", "ohjaajien", "ohjaajia", "ohjaajille"),
        ("asiakkaat", "asiakkaiden", "asiakkaita", "asiakkaille"),
        units=("Kotoutumispalvelut", "Maahanmuuttajapalvelut", "Monikulttuurinen neuvonta"),
        groups=("maahan-muuttaneet", "perheet"),
        roles=("maahanmuuttokoordinaattori", "ohjaaja", "sosiaaliohjaaja"),
        context=("Kunnassa asuu noin {n2} vieraskielistä asukasta.",),
        problems=(
            "Suomen kielen kursseille oli pitkät jonot.",
            "Maahan muuttaneet eivät löytäneet tietoa palveluista.",
        ),
        goals=("nopeuttaa kielen oppimista", "tuoda tietoa palveluista saataville"),
        measures=(
            m(
                "osaaminen",
                "kielikahvila",
                "kielikahvilaa",
                (
                    "Vapaaehtoiset ja työntekijät keskustelevat suomeksi maahan muuttaneiden kanssa viikoittain.",
                ),
                (),
                "oppiminen-tyossa",
                ("Kielikahvilassa kävi vuoden aikana {n2} osallistujaa.",),
            ),
            m(
                "palvelujen-laatu",
                "palveluopas monella kielellä",
                "palveluopasta monella kielellä",
                ("Tärkeimmät palvelut koottiin selkokieliseksi oppaaksi kuudella kielellä.",),
                (),
                "saavutettavuus",
            ),
        ),
        metrics=(
            "Asiakaspalautteen keskiarvo nousi {score1} → {score2} (asteikko 1–5).",
            "Kielikurssin aloitti kolmen kuukauden sisällä {pct2} prosenttia uusista asiakkaista.",
        ),
        hooks=("Suomea kahvikupin ääressä",),
    ),
]

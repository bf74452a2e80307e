"""Finnish topics of social services, family services and rehabilitation."""

# ruff: noqa: E501 -- prose: each sentence stays whole on one line, so it can be searched for.

from .parts import m, topic

SECTOR = "sosiaali-ja-terveys"
CARE_OWNERS = ("municipality", "county")
NURSES = ("hoitajat", "hoitajien", "hoitajia", "hoitajille")
CLIENTS = ("asiakkaat", "asiakkaiden", "asiakkaita", "asiakkaille")
PATIENTS = ("potilaat", "potilaiden", "potilaita", "potilaille")
FAMILIES = ("perheet", "perheiden", "perheitä", "perheille")

TOPICS = [
    topic(
        "lastensuojelu",
        SECTOR,
        ("lastensuojelu", "lastensuojelun", "lastensuojelussa"),
        (
            "sosiaalityöntekijät",
            "sosiaalityöntekijöiden",
            "sosiaalityöntekijöitä",
            "sosiaalityöntekijöille",
        ),
        FAMILIES,
        owners=CARE_OWNERS,
        units=("Lastensuojelu", "Perhesosiaalityö", "Lastensuojelun avohuolto", "Perhetyö"),
        groups=("lapset-ja-nuoret", "perheet"),
        roles=(
            "johtava sosiaalityöntekijä",
            "sosiaalityöntekijä",
            "perhetyöntekijä",
            "sosiaaliohjaaja",
        ),
        context=(
            "Lastensuojelun avohuollossa on noin {n2} asiakasperhettä.",
            "Työ on vaativaa, ja sosiaalityöntekijöiden vaihtuvuus on ollut suurta.",
        ),
        problems=(
            "Yhdellä sosiaalityöntekijällä oli liikaa asiakkaita.",
            "Perheet joutuivat kertomaan asiansa yhä uudelleen uusille työntekijöille.",
            "Uudet työntekijät jäivät vaikeiden tilanteiden kanssa yksin.",
            "Kirjaaminen vei ison osan työajasta.",
        ),
        goals=(
            "vähentää työntekijöiden vaihtuvuutta",
            "antaa perheille pysyvä työntekijä",
            "tukea uusia työntekijöitä vaikeissa tilanteissa",
        ),
        measures=(
            m(
                "osaaminen",
                "työparimalli",
                "työparimallia",
                (
                    "Jokainen perhe saa kaksi työntekijää, joista toinen on kokeneempi.",
                    "Uusi työntekijä ei jää yksin, ja perhe tuntee molemmat.",
                ),
                (),
                "mentorointi",
            ),
            m(
                "tyohyvinvointi",
                "säännöllinen työnohjaus",
                "säännöllistä työnohjausta",
                ("Tiimi kokoontuu joka toinen viikko ryhmätyönohjaukseen.",),
                (),
                "kuormitus-ja-palautuminen",
            ),
            m(
                "asiakaslahtoisyys",
                "perheen oma suunnitelma",
                "perheen omaa suunnitelmaa",
                ("Asiakassuunnitelma kirjoitetaan yhdessä perheen kanssa selkeällä kielellä.",),
                (),
                "osallisuus",
            ),
            m(
                "digitalisaatio",
                "puheesta tekstiksi -kirjaaminen",
                "puheesta tekstiksi -kirjaamista",
                ("Sosiaalityöntekijät sanelevat muistiinpanot, ja ohjelma muuttaa ne tekstiksi.",),
                (),
                "automaatio",
                (
                    "Kirjaamiseen kuluva aika väheni noin {hours} tuntia kuukaudessa työntekijää kohden.",
                ),
            ),
        ),
        metrics=(
            "Työntekijöiden vaihtuvuus puolittui vuodessa.",
            "Perheiden palautteen keskiarvo nousi {score1} → {score2} (asteikko 1–5).",
            "Perheistä {pct2} prosenttia kertoi tulleensa kuulluksi.",
        ),
        hooks=("Kukaan ei jää yksin", "Pysyvä työntekijä perheelle"),
    ),
    topic(
        "mielenterveys",
        SECTOR,
        (
            "mielenterveys- ja päihdepalvelut",
            "mielenterveys- ja päihdepalvelujen",
            "mielenterveys- ja päihdepalveluissa",
        ),
        ("ohjaajat", "ohjaajien", "ohjaajia", "ohjaajille"),
        CLIENTS,
        owners=CARE_OWNERS,
        units=(
            "Mielenterveys- ja päihdepalvelut",
            "Matalan kynnyksen palvelupiste",
            "Päihdepoliklinikka",
        ),
        groups=("tyoikaiset", "lapset-ja-nuoret"),
        roles=("psykiatrinen sairaanhoitaja", "palveluesihenkilö", "sosiaaliohjaaja"),
        context=("Matalan kynnyksen palvelupisteessä käy viikoittain noin {n2} asiakasta.",),
        problems=(
            "Hoitoon pääsyä joutui odottamaan viikkoja.",
            "Nuoret eivät löytäneet palvelua, tai kynnys tulla oli liian korkea.",
            "Asiakkaat putosivat palvelujen väliin siirtyessään paikasta toiseen.",
        ),
        goals=("madaltaa kynnystä hakea apua", "lyhentää odotusaikaa ensikäynnille"),
        measures=(
            m(
                "innovaatiot",
                "avovastaanotto ilman ajanvarausta",
                "avovastaanottoa ilman ajanvarausta",
                ("Kahtena päivänä viikossa vastaanotolle voi tulla ilman ajanvarausta.",),
                (),
                "kokeilukulttuuri",
            ),
            m(
                "yhteiskehittaminen",
                "kokemusasiantuntijoiden päivystys",
                "kokemusasiantuntijoiden päivystystä",
                ("Kokemusasiantuntija on tavattavissa palvelupisteessä kerran viikossa.",),
                (),
                "verkostot",
            ),
            m(
                "asiakaslahtoisyys",
                "saattaen siirto",
                "saattaen siirtoa",
                (
                    "Asiakas ja uusi työntekijä tapaavat ensimmäisen kerran yhdessä tutun työntekijän kanssa.",
                ),
                (),
                "osallisuus",
            ),
        ),
        metrics=(
            "Odotusaika ensikäynnille lyheni {n} päivään.",
            "Ensikäyntien määrä kasvoi {pct} prosenttia, ja nuorten osuus kaksinkertaistui.",
        ),
        hooks=("Apua ilman ajanvarausta",),
    ),
    topic(
        "neuvola",
        SECTOR,
        ("neuvola", "neuvolan", "neuvolassa"),
        ("terveydenhoitajat", "terveydenhoitajien", "terveydenhoitajia", "terveydenhoitajille"),
        FAMILIES,
        owners=CARE_OWNERS,
        units=("Neuvola", "Perhekeskus", "Äitiys- ja lastenneuvola", "Perheneuvola"),
        groups=("perheet", "lapset-ja-nuoret"),
        roles=("terveydenhoitaja", "perhekeskuksen koordinaattori", "palveluesihenkilö"),
        context=(
            "Neuvolan asiakkaina on noin {n2} lapsiperhettä.",
            "Perhekeskus kokoaa saman katon alle neuvolan, perhetyön ja kasvatus- ja perheneuvonnan.",
        ),
        problems=(
            "Isät jäivät neuvolakäynneillä sivurooliin.",
            "Perheet kaipasivat vertaistukea, mutta ryhmiä oli vähän.",
            "Maahan muuttaneiden perheiden oli vaikea ymmärtää ohjeita.",
        ),
        goals=("tavoittaa molemmat vanhemmat", "lisätä vertaistukea", "selkeyttää ohjeita"),
        measures=(
            m(
                "asiakaslahtoisyys",
                "iltavastaanotot",
                "iltavastaanottoja",
                (
                    "Kerran viikossa neuvola on auki iltaan, jotta työssäkäyvät vanhemmat pääsevät mukaan.",
                ),
                (),
                "osallisuus",
            ),
            m(
                "yhteiskehittaminen",
                "perhevalmennus yhdessä seurakunnan ja järjestöjen kanssa",
                "perhevalmennusta yhdessä seurakunnan ja järjestöjen kanssa",
                ("Valmennusillat suunniteltiin yhdessä paikallisten toimijoiden kanssa.",),
                (),
                "verkostot",
            ),
            m(
                "palvelujen-laatu",
                "selkokieliset ohjeet",
                "selkokielisiä ohjeita",
                ("Tärkeimmät ohjeet kirjoitettiin selkokielelle ja kuvitettiin.",),
                (),
                "saavutettavuus",
            ),
        ),
        metrics=(
            "Isien osallistuminen neuvolakäynteihin kasvoi {pct} prosenttia.",
            "Vertaisryhmiin osallistui vuoden aikana {n2} vanhempaa.",
        ),
        hooks=("Neuvola auki iltaisin", "Molemmat vanhemmat mukaan"),
    ),
    topic(
        "vammaispalvelut",
        SECTOR,
        ("vammaispalvelut", "vammaispalvelujen", "vammaispalveluissa"),
        ("ohjaajat", "ohjaajien", "ohjaajia", "ohjaajille"),
        CLIENTS,
        owners=CARE_OWNERS,
        units=("Vammaispalvelut", "Päivätoimintakeskus", "Asumisyksikkö Lehtola", "Työtoiminta"),
        groups=("tyoikaiset", "lapset-ja-nuoret"),
        roles=("vammaispalvelujen esihenkilö", "ohjaaja", "sosiaaliohjaaja"),
        context=("Päivätoimintaan osallistuu viikoittain {n} asiakasta.",),
        problems=(
            "Asiakkaat toivoivat enemmän vaikutusmahdollisuuksia omaan päiväänsä.",
            "Kuljetukset päivätoimintaan olivat epäluotettavia.",
            "Haastavat tilanteet kuormittivat ohjaajia.",
        ),
        goals=("lisätä asiakkaiden valinnanvapautta", "ennakoida haastavia tilanteita"),
        measures=(
            m(
                "asiakaslahtoisyys",
                "kuvalliset päiväohjelmat",
                "kuvallisia päiväohjelmia",
                ("Jokaisella asiakkaalla on kuvallinen päiväohjelma, jota hän voi itse muokata.",),
                (),
                "osallisuus",
                ("Asiakkaista {pct2} prosenttia valitsi itse ainakin yhden viikon toiminnoista.",),
            ),
            m(
                "tyoturvallisuus",
                "haastavien tilanteiden ennakointimalli",
                "haastavien tilanteiden ennakointimallia",
                ("Ohjaajat kirjaavat tilanteita edeltäneet merkit ja käyvät ne läpi viikoittain.",),
                (),
                "vakivallan-ehkaisy",
            ),
        ),
        metrics=(
            "Haastavat tilanteet vähenivät {pct} prosenttia.",
            "Asiakastyytyväisyyden keskiarvo nousi {score1} → {score2} (asteikko 1–5).",
        ),
        hooks=("Oma päivä omin valinnoin",),
    ),
    topic(
        "kuntoutus",
        SECTOR,
        ("kuntoutus", "kuntoutuksen", "kuntoutuksessa"),
        ("fysioterapeutit", "fysioterapeuttien", "fysioterapeutteja", "fysioterapeuteille"),
        CLIENTS,
        owners=CARE_OWNERS,
        units=("Kuntoutus", "Fysioterapia", "Kotikuntoutus", "Kuntoutusosasto"),
        groups=("ikaantyneet", "tyoikaiset"),
        roles=("fysioterapeutti", "kuntoutuksen esihenkilö", "toimintaterapeutti"),
        context=("Kuntoutuksessa työskentelee fysioterapeutteja ja toimintaterapeutteja.",),
        problems=(
            "Sairaalasta kotiutuneiden kuntoutus alkoi liian myöhään.",
            "Ryhmiin oli jonoa, ja yksilökäynnit veivät resurssit.",
        ),
        goals=("nopeuttaa kuntoutuksen alkamista kotiutuksen jälkeen", "lyhentää kuntoutusjonoa"),
        measures=(
            m(
                "innovaatiot",
                "kotikuntoutuksen nopea aloitus",
                "kotikuntoutuksen nopeaa aloitusta",
                ("Fysioterapeutti käy kotona kahden päivän sisällä kotiutuksesta.",),
                (),
                "prosessien-kehittaminen",
            ),
            m(
                "digitalisaatio",
                "etäjumppa",
                "etäjumppaa",
                ("Jumppatuokiot lähetetään videona, ja asiakkaat osallistuvat kotoaan.",),
                (),
                "sahkoiset-palvelut",
            ),
        ),
        metrics=(
            "Kuntoutusjono lyheni {pct} prosenttia.",
            "Asiakkaista {pct2} prosenttia pystyi jatkamaan kotona asumista.",
        ),
        hooks=("Kuntoutus alkaa kotona",),
    ),
]

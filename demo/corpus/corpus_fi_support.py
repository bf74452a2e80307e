"""Finnish topics of catering, cleaning, transport and logistics, and housing."""

# ruff: noqa: E501 -- prose: each sentence stays whole on one line, so it can be searched for.

from .parts import m, topic

CATERING = "siivous-ja-ruokapalvelut"
TRANSPORT = "liikenne-ja-logistiikka"
HOUSING = "asuminen-ja-kiinteistot"
CUSTOMERS = ("asiakkaat", "asiakkaiden", "asiakkaita", "asiakkaille")
TENANTS = ("asukkaat", "asukkaiden", "asukkaita", "asukkaille")

TOPICS = [
    topic(
        "ruokapalvelut",
        CATERING,
        ("ruokapalvelut", "ruokapalveluiden", "ruokapalveluissa"),
        ("kokit", "kokkien", "kokkeja", "kokeille"),
        ("ruokailijat", "ruokailijoiden", "ruokailijoita", "ruokailijoille"),
        owners=("municipality", "company:ateria", "county"),
        units=(
            "Keskuskeittiö",
            "Ruokapalvelut",
            "Koulukeittiö",
            "Valmistuskeittiö",
            "Palvelukeittiö",
            "Kouluruokala",
        ),
        groups=("lapset-ja-nuoret", "ikaantyneet", "henkilosto"),
        roles=(
            "ruokapalvelupäällikkö",
            "ravitsemispalveluesimies",
            "kokki",
            "ravitsemistyöntekijä",
            "keittiöesihenkilö",
        ),
        context=(
            "Keskuskeittiössä valmistetaan päivittäin noin {n2} ateriaa kouluihin, päiväkoteihin ja palvelukoteihin.",
            "{place_gen} ruokapalveluissa työskentelee kokkeja ja ravitsemistyöntekijöitä.",
            "Ruoka kuljetetaan keskuskeittiöstä palvelukeittiöihin lämpölaatikoissa.",
        ),
        problems=(
            "Biojätteeseen päätyi joka päivä kymmeniä kiloja syömätöntä ruokaa.",
            "Koululaiset jättivät kasvisruoan usein syömättä.",
            "Ruokalistat suunniteltiin keittiössä ilman ruokailijoiden ääntä.",
            "Keittiön työvaiheet ruuhkautuivat juuri ennen jakelua.",
            "Erityisruokavalioiden määrä oli kasvanut, ja tilauksissa tapahtui virheitä.",
        ),
        goals=(
            "vähentää ruokahävikkiä",
            "saada lapset syömään kasvisruokaa",
            "ottaa ruokailijat mukaan ruokalistan suunnitteluun",
            "tasata keittiön työkuormaa",
        ),
        measures=(
            m(
                "innovaatiot",
                "hävikkiseuranta",
                "hävikkiseurantaa",
                (
                    "Jokaisen ruokailun jälkeen hävikki punnitaan, ja tulos kirjataan taululle ruokasalin seinälle.",
                    "Valmistusmääriä säädetään viikoittain seurannan perusteella.",
                ),
                (
                    "Punnitsimme hävikin kahden viikon ajan ennen muutoksia.",
                    "Teimme tuloksista kuvaajan, jonka oppilaat näkivät.",
                    "Sovimme keittiön kanssa, miten annoskokoja muutetaan.",
                ),
                "prosessien-kehittaminen",
                ("Hävikkiä syntyi aiemmin noin {n2} kiloa kuukaudessa, nyt alle puolet siitä.",),
            ),
            m(
                "asiakaslahtoisyys",
                "oppilaiden ruokaraati",
                "oppilaiden ruokaraatia",
                (
                    "Oppilaat maistavat ja arvioivat uudet ruoat ennen kuin ne tulevat ruokalistalle.",
                ),
                (),
                "osallisuus",
                ("Kasvisruoan menekki kasvoi {pct} prosenttia.",),
            ),
            m(
                "innovaatiot",
                "hävikkiruoan myynti",
                "hävikkiruoan myyntiä",
                ("Ylijäänyt ruoka myydään edullisesti asukkaille iltapäivisin.",),
                (),
                "kokeilukulttuuri",
            ),
            m(
                "tyohyvinvointi",
                "keittiön työvaiheiden porrastus",
                "keittiön työvaiheiden porrastusta",
                (
                    "Esivalmistelut siirrettiin edelliselle iltapäivälle, ja aamun työt jaettiin uudelleen.",
                ),
                (),
                "kuormitus-ja-palautuminen",
            ),
            m(
                "digitalisaatio",
                "sähköinen erityisruokavaliotilaus",
                "sähköistä erityisruokavaliotilausta",
                (
                    "Erityisruokavaliot tilataan sähköisellä lomakkeella, josta tieto siirtyy suoraan keittiöön.",
                ),
                (),
                "sahkoiset-palvelut",
                ("Erityisruokavalioiden tilausvirheet vähenivät {pct} prosenttia.",),
            ),
            m(
                "tyoturvallisuus",
                "keittiön ergonomiakierros",
                "keittiön ergonomiakierrosta",
                (
                    "Fysioterapeutti kiersi keittiön työpisteet ja ehdotti pieniä muutoksia nostoihin.",
                ),
                (),
                "tyotilat",
            ),
        ),
        metrics=(
            "Ruokahävikki väheni {pct} prosenttia.",
            "Keittiön ylityöt vähenivät {pct} prosenttia.",
            "Ruokailijakyselyn keskiarvo nousi {score1} → {score2} (asteikko 1–5).",
        ),
        hooks=("Lautaset tyhjiksi", "Hävikki puoleen", "Ruokalista syntyy yhdessä"),
        tips=(
            "Näytä hävikin määrä ruokailijoille, se puhuttelee.",
            "Ota keittiön henkilöstö suunnitteluun alusta asti.",
        ),
    ),
    topic(
        "siivous",
        CATERING,
        ("siivouspalvelut", "siivouspalveluiden", "siivouspalveluissa"),
        ("siivoojat", "siivoojien", "siivoojia", "siivoojille"),
        CUSTOMERS,
        owners=("municipality", "company:puhtaus", "county"),
        units=("Siivouspalvelut", "Puhtauspalvelut", "Toimitilahuolto"),
        groups=("henkilosto", "kaikki-asukkaat"),
        roles=("siivouspäällikkö", "laitoshuoltaja", "puhtauspalveluesimies", "työnjohtaja"),
        context=(
            "Siivouspalvelut huolehtivat noin {n} kiinteistön puhtaudesta.",
            "Laitoshuoltajat työskentelevät usein yksin ja varhain aamulla.",
        ),
        problems=(
            "Siivous tehtiin kiinteän aikataulun mukaan, vaikka osa tiloista oli tyhjillään.",
            "Tuki- ja liikuntaelinvaivat aiheuttivat paljon poissaoloja.",
            "Laitoshuoltajat eivät tavanneet muita työyhteisön jäseniä.",
        ),
        goals=("kohdentaa siivousta käytön mukaan", "vähentää fyysistä kuormitusta"),
        measures=(
            m(
                "innovaatiot",
                "tarveperusteinen siivous",
                "tarveperusteista siivousta",
                ("Tilojen käyttöaste mitataan antureilla, ja siivous tehdään sen mukaan.",),
                (),
                "prosessien-kehittaminen",
                ("Siivoukseen käytetty aika väheni {pct} prosenttia tyhjissä tiloissa.",),
            ),
            m(
                "tyoturvallisuus",
                "kevyemmät siivousvälineet",
                "kevyempiä siivousvälineitä",
                (
                    "Raskaat ämpärit vaihdettiin esikostutettuihin moppeihin ja kevyisiin vaunuihin.",
                ),
                (),
                "tyotilat",
            ),
            m(
                "luottamus",
                "yhteiset aamukahvit",
                "yhteisiä aamukahveja",
                (
                    "Laitoshuoltajat ja kiinteistön muu henkilöstö tapaavat kerran kuussa aamukahvilla.",
                ),
                (),
                "tyoyhteiso",
            ),
        ),
        metrics=(
            "Asiakaspalautteen keskiarvo nousi {score1} → {score2} (asteikko 1–5).",
            "Tuki- ja liikuntaelinperusteiset poissaolot vähenivät {pct} prosenttia.",
            "Kemikaalien kulutus väheni {pct} prosenttia.",
        ),
        hooks=("Siivous sinne, missä sitä tarvitaan", "Kevyemmin läpi työpäivän"),
    ),
    topic(
        "kuljetus",
        TRANSPORT,
        ("kuljetuspalvelut", "kuljetuspalveluiden", "kuljetuspalveluissa"),
        ("kuljettajat", "kuljettajien", "kuljettajia", "kuljettajille"),
        CUSTOMERS,
        owners=("municipality", "company:kuljetus"),
        units=("Kuljetuspalvelut", "Koulukuljetukset", "Palveluliikenne", "Kuljetuskeskus"),
        groups=("lapset-ja-nuoret", "ikaantyneet"),
        roles=("kuljetussuunnittelija", "liikennepäällikkö", "kuljetuskoordinaattori"),
        context=(
            "Koulukuljetuksissa kulkee päivittäin noin {n2} oppilasta.",
            "Palveluliikenne ajaa sovittuja reittejä kylien ja keskustan välillä.",
        ),
        problems=(
            "Koulukuljetukset ja palveluliikenne ajoivat samoja reittejä eri autoilla.",
            "Kyytien tilaaminen oli vaikeaa ikäihmisille.",
        ),
        goals=("yhdistää kuljetuksia", "helpottaa kyytien tilaamista"),
        measures=(
            m(
                "innovaatiot",
                "kuljetusten yhdistäminen",
                "kuljetusten yhdistämistä",
                ("Koulukuljetukset ja asiointiliikenne suunnitellaan nyt yhdessä.",),
                (),
                "prosessien-kehittaminen",
            ),
            m(
                "digitalisaatio",
                "kutsuliikenteen sovellus",
                "kutsuliikenteen sovellusta",
                (
                    "Kyydin voi tilata sovelluksella tai puhelimella, ja reitti muodostuu tilausten mukaan.",
                ),
                (),
                "sahkoiset-palvelut",
            ),
        ),
        metrics=(
            "Ajokilometrit vähenivät vuodessa noin {n2} tuhatta kilometriä.",
            "Kuljetuskustannukset laskivat {pct} prosenttia.",
        ),
        hooks=("Yksi auto, monta matkustajaa",),
    ),
    topic(
        "logistiikka",
        TRANSPORT,
        ("logistiikkapalvelut", "logistiikkapalveluiden", "logistiikkapalveluissa"),
        (
            "varastotyöntekijät",
            "varastotyöntekijöiden",
            "varastotyöntekijöitä",
            "varastotyöntekijöille",
        ),
        CUSTOMERS,
        owners=("municipality", "company:logistiikka", "county"),
        units=(
            "Logistiikkakeskus",
            "Hankintakeskus ja varasto",
            "Sisäinen posti",
            "Välinelainaamo",
        ),
        groups=("henkilosto",),
        roles=("logistiikkapäällikkö", "varastonhoitaja", "hankinta-asiantuntija"),
        context=("Logistiikkakeskus toimittaa tarvikkeita noin {n} toimipisteeseen.",),
        problems=(
            "Toimipisteet tilasivat tarvikkeita eri toimittajilta ja varastoivat niitä itse.",
            "Jakeluauto ajoi puolityhjänä.",
        ),
        goals=("keskittää tilaukset", "vähentää hukka-ajoa"),
        measures=(
            m(
                "innovaatiot",
                "keskitetty tarvikejakelu",
                "keskitettyä tarvikejakelua",
                (
                    "Toimipisteet tilaavat tarvikkeet yhdestä paikasta, ja ne jaetaan kerran viikossa.",
                ),
                (),
                "prosessien-kehittaminen",
            ),
            m(
                "digitalisaatio",
                "hyllytäydennys viivakoodilla",
                "hyllytäydennystä viivakoodilla",
                (
                    "Kun hyllystä otetaan tuote, viivakoodin lukeminen tekee tilauksen automaattisesti.",
                ),
                (),
                "automaatio",
            ),
        ),
        metrics=(
            "Varastoon sitoutunut pääoma väheni {pct} prosenttia.",
            "Jakeluajot vähenivät viikossa {n} ajoon.",
        ),
        hooks=("Tarvikkeet perille kerralla",),
    ),
    topic(
        "vuokra-asunnot",
        HOUSING,
        ("vuokra-asuminen", "vuokra-asumisen", "vuokra-asumisessa"),
        ("isännöitsijät", "isännöitsijöiden", "isännöitsijöitä", "isännöitsijöille"),
        TENANTS,
        owners=("municipality", "company:vuokratalot"),
        units=("Vuokra-asunnot", "Asukaspalvelu", "Isännöinti"),
        groups=("kaikki-asukkaat", "ikaantyneet", "perheet"),
        roles=("toimitusjohtaja", "isännöitsijä", "asukasisäntä", "asuntosihteeri"),
        context=("Yhtiöllä on noin {n2} vuokra-asuntoa eri puolilla kuntaa.",),
        problems=(
            "Asukkaiden vaihtuvuus oli suurta, ja tyhjiä asuntoja oli paljon.",
            "Vuokrarästit kasvoivat, ja häätöjä jouduttiin hakemaan.",
            "Asukkaat eivät tunteneet naapureitaan.",
        ),
        goals=("vähentää tyhjiä asuntoja", "ehkäistä vuokrarästejä", "lisätä yhteisöllisyyttä"),
        measures=(
            m(
                "asiakaslahtoisyys",
                "asumisneuvonta",
                "asumisneuvontaa",
                ("Asumisneuvoja ottaa yhteyttä heti ensimmäisen myöhästyneen vuokran jälkeen.",),
                (),
                "osallisuus",
            ),
            m(
                "yhteiskehittaminen",
                "asukastoimikuntien yhteinen ilta",
                "asukastoimikuntien yhteistä iltaa",
                (
                    "Asukastoimikunnat kokoontuvat keväällä ja syksyllä ideoimaan yhteistä tekemistä.",
                ),
                (),
                "verkostot",
            ),
        ),
        metrics=(
            "Vuokrarästit vähenivät {pct} prosenttia.",
            "Tyhjien asuntojen määrä laski {n} asuntoon.",
        ),
        hooks=("Apua ennen häätöä",),
    ),
    topic(
        "kiinteistot",
        HOUSING,
        ("kiinteistöpalvelut", "kiinteistöpalveluiden", "kiinteistöpalveluissa"),
        (
            "kiinteistönhoitajat",
            "kiinteistönhoitajien",
            "kiinteistönhoitajia",
            "kiinteistönhoitajille",
        ),
        CUSTOMERS,
        owners=("municipality", "company:kiinteisto"),
        units=("Tilapalvelut", "Kiinteistönhoito", "Kiinteistöpalvelut"),
        groups=("henkilosto", "kaikki-asukkaat"),
        roles=("kiinteistöpäällikkö", "kiinteistönhoitaja", "huoltomestari"),
        context=("Kiinteistöpalvelut ylläpitävät noin {n} kunnan rakennusta.",),
        problems=(
            "Vikailmoitukset tulivat puhelimella ja unohtuivat.",
            "Kiinteistöjen energiankulutus oli kasvanut.",
        ),
        goals=("nopeuttaa vikojen korjaamista", "vähentää energiankulutusta"),
        measures=(
            m(
                "digitalisaatio",
                "sähköinen vikailmoitus",
                "sähköistä vikailmoitusta",
                ("Vikailmoitus tehdään lomakkeella, ja ilmoittaja näkee, milloin vika korjataan.",),
                (),
                "sahkoiset-palvelut",
                ("Viat korjattiin keskimäärin {n} päivässä.",),
            ),
            m(
                "innovaatiot",
                "energiakatselmukset kiinteistönhoitajien kanssa",
                "energiakatselmuksia kiinteistönhoitajien kanssa",
                ("Kiinteistönhoitajat kävivät läpi rakennusten säädöt ja käyttöajat.",),
                (),
                "kokeilukulttuuri",
                ("Lämmön kulutus väheni {pct} prosenttia.",),
            ),
        ),
        metrics=(
            "Asukaspalautteen keskiarvo nousi {score1} → {score2} (asteikko 1–5).",
            "Kiinteistönhoitajien ylityöt vähenivät {pct} prosenttia.",
        ),
        hooks=("Vikailmoitus ei enää huku",),
    ),
]

"""Finnish topics of care for older people and of health care."""

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
        "kotihoito",
        SECTOR,
        ("kotihoito", "kotihoidon", "kotihoidossa"),
        NURSES,
        CLIENTS,
        owners=CARE_OWNERS,
        units=(
            "Kotihoito",
            "Kotihoidon pohjoinen tiimi",
            "Kotihoidon eteläinen tiimi",
            "Kotihoito, keskustan alue",
            "Kotihoidon yöpartio",
            "Kotihoidon tukipalvelut",
        ),
        groups=("ikaantyneet", "tyoikaiset"),
        roles=(
            "kotihoidon esihenkilö",
            "palveluesihenkilö",
            "lähihoitaja",
            "sairaanhoitaja",
            "kotihoidon tiiminvetäjä",
        ),
        context=(
            "{place_gen} kotihoidossa käy päivittäin noin {n2} asiakasta.",
            "Kotihoidon asiakkaista suurin osa asuu yksin, ja monella käynti on päivän ainoa tapaaminen.",
            "Kotihoidon tiimit liikkuvat laajalla alueella, ja pisimmät välimatkat ovat kymmeniä kilometrejä.",
            "Kotihoidossa työskentelee lähihoitajia, sairaanhoitajia ja fysioterapeutti.",
        ),
        problems=(
            "Hoitajien aika kului autossa, ja asiakaskäynnit venyivät iltapäivään.",
            "Aamuisin kaikki asiakkaat olisi pitänyt käydä auttamassa samaan aikaan.",
            "Kirjaukset tehtiin vasta työvuoron lopussa toimistolla, ja tietoa katosi matkalla.",
            "Sijaisia oli vaikea saada, ja vakituiset hoitajat tekivät paljon ylitöitä.",
            "Asiakkaat kertoivat, että heidän luonaan kävi liian monta eri hoitajaa viikon aikana.",
            "Lääkkeiden jako vei aamuista kohtuuttoman osan.",
        ),
        goals=(
            "lisätä asiakkaan luona vietettyä aikaa",
            "vähentää ajamiseen kuluvaa aikaa",
            "tehdä aamuista rauhallisempia",
            "saada kirjaukset ajan tasalle heti käynnin jälkeen",
            "vähentää asiakkaan luona käyvien hoitajien määrää",
        ),
        measures=(
            m(
                "innovaatiot",
                "reittisuunnittelun uudistus",
                "reittisuunnittelun uudistusta",
                (
                    "Kävimme läpi kaikki käyntireitit ja ryhmittelimme asiakkaat alueittain.",
                    "Reitit suunnittelee nyt yksi vuorokohtainen suunnittelija, joka tuntee alueen.",
                ),
                (
                    "Kartoitimme kahden viikon ajan, mihin työaika kului.",
                    "Piirsimme reitit kartalle ja etsimme päällekkäisyydet.",
                    "Sovimme, että reitit tarkistetaan joka perjantai.",
                ),
                "prosessien-kehittaminen",
                ("Ajokilometrit vähenivät kuukaudessa noin {n2} kilometriä.",),
            ),
            m(
                "digitalisaatio",
                "mobiilikirjaus",
                "mobiilikirjausta",
                (
                    "Hoitajat kirjaavat käynnin tiedot puhelimella heti käynnin päätteeksi.",
                    "Iltapäivän kirjaamisrupeama toimistolla jäi kokonaan pois.",
                ),
                (
                    "Testasimme sovellusta ensin yhdessä tiimissä.",
                    "Kirjasimme ylös kaikki ongelmat ja korjasimme ne ennen laajennusta.",
                ),
                "sahkoiset-palvelut",
                (
                    "Kirjaamiseen kuluva aika lyheni tiimissä yhteensä noin {hours} tuntia viikossa.",
                ),
            ),
            m(
                "digitalisaatio",
                "etähoivakäynnit",
                "etähoivakäyntejä",
                (
                    "Osa lääkemuistutuksista ja voinnin tarkistuksista tehdään videoyhteydellä.",
                    "Asiakas valitsee itse, sopiiko etäkäynti hänelle.",
                ),
                (
                    "Valitsimme kokeiluun asiakkaat, joiden kanssa etäyhteys oli luontevin.",
                    "Opastimme omaiset laitteen käyttöön.",
                ),
                "sahkoiset-palvelut",
            ),
            m(
                "tyohyvinvointi",
                "kiireetön aamupalaveri",
                "kiireetöntä aamupalaveria",
                (
                    "Päivä alkaa kymmenen minuutin palaverilla, jossa jaetaan päivän erityistilanteet.",
                    "Palaverissa sovitaan, kuka auttaa, jos joku jää aikataulusta.",
                ),
                (),
                "kuormitus-ja-palautuminen",
            ),
            m(
                "asiakaslahtoisyys",
                "omahoitajamalli",
                "omahoitajamallia",
                (
                    "Jokaisella asiakkaalla on nyt kaksi nimettyä hoitajaa, jotka käyvät hänen luonaan useimmin.",
                    "Omahoitaja tuntee asiakkaan toiveet ja tavat.",
                ),
                (
                    "Jaoimme asiakkaat omahoitajille alueittain.",
                    "Kerroimme muutoksesta asiakkaille ja omaisille kirjeellä.",
                ),
                "osallisuus",
            ),
            m(
                "osaaminen",
                "lääkehoidon vertaisoppiminen",
                "lääkehoidon vertaisoppimista",
                (
                    "Sairaanhoitajat pitävät lähihoitajille lyhyitä lääkehoidon tuokioita kerran kuussa.",
                    "Tuokioissa käydään läpi todellisia tilanteita ilman syyllistämistä.",
                ),
                (),
                "oppiminen-tyossa",
            ),
            m(
                "tyoturvallisuus",
                "kotikäyntien turvallisuustarkistus",
                "kotikäyntien turvallisuustarkistusta",
                (
                    "Uuden asiakkaan kodin riskit käydään läpi lyhyellä tarkistuslistalla.",
                    "Tiedot tallentuvat, jotta seuraava hoitaja tietää, mitä odottaa.",
                ),
                (),
                "vakivallan-ehkaisy",
            ),
        ),
        metrics=(
            "Asiakkaan luona vietetty aika kasvoi keskimäärin {pct} prosenttia.",
            "Päällekkäiset käynnit vähenivät {pct} prosenttia.",
            "Asiakaskyselyn keskiarvo nousi {score1} → {score2} (asteikko 1–5).",
            "Ylityötunnit vähenivät {pct} prosenttia puolessa vuodessa.",
        ),
        hooks=(
            "Enemmän aikaa asiakkaille",
            "Rauhallisemmat aamut kotihoitoon",
            "Kotihoidon autot kiertävät fiksummin",
            "Tuttu hoitaja kotiin",
        ),
        tips=(
            "Mittaa ajankäyttö ennen muutosta, muuten tulosta on vaikea osoittaa.",
            "Ota asiakkaat ja omaiset mukaan heti alussa.",
        ),
    ),
    topic(
        "palvelukoti",
        SECTOR,
        ("palvelukoti", "palvelukodin", "palvelukodissa"),
        NURSES,
        ("asukkaat", "asukkaiden", "asukkaita", "asukkaille"),
        owners=CARE_OWNERS,
        units=(
            "Palvelukoti Kotikallio",
            "Palvelukoti Tuulikannel",
            "Ikäihmisten palveluasuminen",
            "Palvelukoti Männikkö, A-talo",
            "Palvelukoti Pihlajamäki",
        ),
        groups=("ikaantyneet",),
        roles=(
            "palvelukodin johtaja",
            "vastaava sairaanhoitaja",
            "lähihoitaja",
            "hoitotyön esihenkilö",
        ),
        context=(
            "Palvelukodissa asuu {n} ikäihmistä kolmessa ryhmäkodissa.",
            "Asukkaista useimmilla on muistisairaus, ja arki rakentuu tuttujen rutiinien varaan.",
            "{place_gen} palvelukodin henkilöstö työskentelee kolmessa vuorossa.",
        ),
        problems=(
            "Iltapäivät olivat asukkaille pitkiä ja levottomia.",
            "Hoitajien työ painottui perushoitoon, eikä yhteiselle tekemiselle jäänyt aikaa.",
            "Vuoronvaihdoissa tieto asukkaiden voinnista ei aina kulkenut.",
            "Ruokailut olivat kiireisiä, ja osa asukkaista söi liian vähän.",
            "Omaiset toivoivat enemmän tietoa läheisensä arjesta.",
        ),
        goals=(
            "lisätä asukkaiden mielekästä tekemistä",
            "rauhoittaa iltapäiviä",
            "parantaa tiedonkulkua vuoronvaihdoissa",
            "tukea asukkaiden ravitsemusta",
        ),
        measures=(
            m(
                "innovaatiot",
                "asukkaiden toivelista",
                "asukkaiden toivelistaa",
                (
                    "Jokaisen asukkaan kanssa tehtiin lista asioista, joista hän nauttii.",
                    "Listan asioita toteutetaan viikoittain osana tavallista arkea.",
                ),
                (),
                "palvelumuotoilu",
            ),
            m(
                "tyohyvinvointi",
                "yhteinen viikkorytmi",
                "yhteistä viikkorytmiä",
                (
                    "Viikolle sovittiin kiinteät hetket ulkoilulle, musiikille ja leipomiselle.",
                    "Vastuut jaettiin niin, ettei kukaan jää yksin.",
                ),
                (),
                "tyoyhteiso",
            ),
            m(
                "luottamus",
                "rakenteinen vuoronvaihtoraportti",
                "rakenteista vuoronvaihtoraporttia",
                (
                    "Raportti annetaan aina samassa järjestyksessä lyhyen muistilistan avulla.",
                    "Kiireellisimmät asiat kirjataan taululle, jonka kaikki näkevät.",
                ),
                (),
                "avoin-viestinta",
            ),
            m(
                "asiakaslahtoisyys",
                "omaisten iltakahvit",
                "omaisten iltakahveja",
                (
                    "Omaiset kutsutaan kerran kuussa iltakahville kuulemaan ja kertomaan kuulumisia.",
                    "Illoissa on sovittu aihe, esimerkiksi ulkoilu tai ravitsemus.",
                ),
                (),
                "osallisuus",
            ),
            m(
                "palvelujen-laatu",
                "ruokailuhetken rauhoittaminen",
                "ruokailuhetken rauhoittamista",
                (
                    "Ruokailu porrastettiin kahteen vuoroon, ja radio sammutettiin ruoan ajaksi.",
                    "Hoitaja istuu syömässä asukkaiden kanssa.",
                ),
                (),
                "vaikuttavuus",
            ),
        ),
        metrics=(
            "Asukkaiden painonlasku pysähtyi seurantajakson aikana {pct2} prosentilla asukkaista.",
            "Rauhoittavien lääkkeiden tarvepäätökset vähenivät {pct} prosenttia.",
            "Omaisten palautteen keskiarvo nousi {score1} → {score2} (asteikko 1–5).",
            "Kaatumiset vähenivät {pct} prosenttia edellisvuoteen verrattuna.",
        ),
        hooks=("Iltapäivään tekemistä", "Arki asukkaan näköiseksi", "Omaiset mukaan arkeen"),
        tips=("Kysy asukkailta itseltään, myös silloin kun vastaus vaatii aikaa.",),
    ),
    topic(
        "terveysasema",
        SECTOR,
        ("terveysasema", "terveysaseman", "terveysasemalla"),
        (
            "hoitajat ja lääkärit",
            "hoitajien ja lääkärien",
            "hoitajia ja lääkäreitä",
            "hoitajille ja lääkäreille",
        ),
        PATIENTS,
        owners=CARE_OWNERS,
        units=(
            "Terveysasema",
            "Keskustan terveysasema",
            "Terveysaseman vastaanotto",
            "Terveysneuvonta",
            "Päivystysvastaanotto",
        ),
        groups=("tyoikaiset", "ikaantyneet", "kaikki-asukkaat"),
        roles=(
            "osastonhoitaja",
            "ylilääkäri",
            "sairaanhoitaja",
            "terveydenhoitaja",
            "vastaanoton esihenkilö",
        ),
        context=(
            "Terveysaseman vastaanotolla asioi päivittäin noin {n2} potilasta.",
            "Puhelinpalvelu on monelle potilaalle ensimmäinen yhteys terveysasemaan.",
            "{place_gen} terveysasemalla työskentelee lääkäreitä, sairaanhoitajia ja terveydenhoitajia.",
        ),
        problems=(
            "Puhelinjonot venyivät aamuisin yli tunnin mittaisiksi.",
            "Kiireettömään hoitoon pääsyä joutui odottamaan useita viikkoja.",
            "Samat potilaat soittivat moneen kertaan, koska takaisinsoitto ei toiminut.",
            "Lääkärien aikaa kului asioihin, jotka hoitaja olisi voinut hoitaa.",
            "Potilaat eivät tienneet, mihin heidän kannattaisi ensin ottaa yhteyttä.",
        ),
        goals=(
            "lyhentää puhelinjonoja",
            "nopeuttaa hoitoon pääsyä",
            "jakaa työtä osaamisen mukaan",
            "selkeyttää potilaan polkua",
        ),
        measures=(
            m(
                "innovaatiot",
                "hoitajan ja lääkärin parityö",
                "hoitajan ja lääkärin parityötä",
                (
                    "Hoitaja ja lääkäri työskentelevät parina ja jakavat potilaat tarpeen mukaan.",
                    "Hoitaja hoitaa itsenäisesti sovitut käynnit ja konsultoi tarvittaessa.",
                ),
                (
                    "Sovimme yhdessä, mitkä käynnit hoitaja voi hoitaa itsenäisesti.",
                    "Kokeilimme mallia kahdella parilla kuukauden ajan.",
                ),
                "prosessien-kehittaminen",
            ),
            m(
                "digitalisaatio",
                "chat-palvelu",
                "chat-palvelua",
                (
                    "Potilas voi kysyä hoitajalta chatissa arkipäivisin.",
                    "Yksinkertaiset asiat hoituvat ilman puhelua tai käyntiä.",
                ),
                (),
                "sahkoiset-palvelut",
            ),
            m(
                "asiakaslahtoisyys",
                "takaisinsoittojärjestelmä",
                "takaisinsoittojärjestelmää",
                (
                    "Jonoon ei enää tarvitse jäädä, vaan hoitaja soittaa potilaalle luvattuna aikana.",
                ),
                (),
                "asiakaspalaute",
            ),
            m(
                "palvelujen-laatu",
                "hoidon tarpeen arvion yhteiset kriteerit",
                "hoidon tarpeen arvion yhteisiä kriteereitä",
                (
                    "Kaikki hoitajat arvioivat hoidon tarpeen samoilla kriteereillä.",
                    "Kriteerit kirjattiin lyhyeksi muistilistaksi puhelimen viereen.",
                ),
                (),
                "vaikuttavuus",
            ),
            m(
                "osaaminen",
                "puhelinneuvonnan valmennus",
                "puhelinneuvonnan valmennusta",
                ("Hoitajat harjoittelivat vaikeita puhelutilanteita yhdessä.",),
                (),
                "oppiminen-tyossa",
            ),
        ),
        metrics=(
            "Keskimääräinen jonotusaika puhelimessa lyheni {pct} prosenttia.",
            "Kiireettömään hoitoon pääsi keskimäärin {n} päivässä, kun aiemmin odotus oli selvästi pidempi.",
            "Lääkärin vastaanotolle ohjautui {pct} prosenttia vähemmän käyntejä, jotka hoitaja voi hoitaa.",
            "Potilaista {pct2} prosenttia antoi palvelulle arvosanan hyvä tai erinomainen.",
        ),
        hooks=("Puhelinjonot lyhyiksi", "Hoitoon ilman jonotusta", "Oikea ammattilainen heti"),
        tips=("Kerro muutoksesta potilaille monessa kanavassa.",),
    ),
    topic(
        "suun-terveys",
        SECTOR,
        ("suun terveydenhuolto", "suun terveydenhuollon", "suun terveydenhuollossa"),
        ("hammashoitajat", "hammashoitajien", "hammashoitajia", "hammashoitajille"),
        PATIENTS,
        owners=CARE_OWNERS,
        units=("Suun terveydenhuolto", "Hammashoitola", "Keskushammashoitola"),
        groups=("lapset-ja-nuoret", "kaikki-asukkaat"),
        roles=("vastaava hammaslääkäri", "suuhygienisti", "hammashoitaja"),
        context=(
            "Hammashoitolassa on {n} hoitohuonetta.",
            "Suun terveydenhuolto hoitaa kaikkien ikäryhmien potilaita lapsista ikäihmisiin.",
        ),
        problems=(
            "Peruuttamattomat käynnit jättivät hoitohuoneita tyhjiksi.",
            "Lasten tarkastukset ruuhkautuivat keväisin.",
            "Välinehuolto oli pullonkaula, ja hoitajat juoksivat huoneiden välillä.",
        ),
        goals=("vähentää käyttämättä jääneitä aikoja", "tasata tarkastusten ruuhkaa"),
        measures=(
            m(
                "digitalisaatio",
                "tekstiviestimuistutus",
                "tekstiviestimuistutusta",
                (
                    "Potilas saa muistutuksen kaksi päivää ennen aikaansa ja voi perua vastaamalla viestiin.",
                ),
                (),
                "sahkoiset-palvelut",
            ),
            m(
                "innovaatiot",
                "koulujen hammastarkastuspäivät",
                "koulujen hammastarkastuspäiviä",
                ("Suuhygienistit tekevät tarkastuksia suoraan kouluilla sovittuina päivinä.",),
                (),
                "kokeilukulttuuri",
            ),
            m(
                "tyoturvallisuus",
                "välinehuollon uusi järjestys",
                "välinehuollon uutta järjestystä",
                ("Välineet järjestettiin niin, että turhat kävelyt jäivät pois.",),
                (),
                "tyotilat",
            ),
        ),
        metrics=(
            "Käyttämättä jääneet ajat vähenivät {pct} prosenttia.",
            "Tarkastuksia tehtiin syksyn aikana {n2} enemmän kuin edellisenä vuonna.",
        ),
        hooks=("Tyhjät tuolit täyteen",),
    ),
]

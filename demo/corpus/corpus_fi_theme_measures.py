"""Finnish generic measures per theme, for any topic.

Their text uses the topic's forms ({staff_all}, {clients_gen}, …), so the same
idea box reads "Kaikki hoitajat saivat ehdottaa ideoita" in home care and "Kaikki
kokit …" in a central kitchen.
"""

# ruff: noqa: E501 -- prose: each sentence stays whole on one line, so it can be searched for.

from .parts import m

MEASURES = {
    "innovaatiot": (
        m(
            "innovaatiot",
            "kuukauden kokeilu",
            "kuukauden kokeilua",
            (
                "Päätimme kokeilla uutta toimintatapaa kuukauden ajan ja arvioida sen sitten yhdessä.",
                "Kokeilun säännöt olivat yksinkertaiset: mitä tahansa saa kokeilla, kunhan tuloksia seurataan.",
            ),
            (
                "Kaikki {staff} saivat ehdottaa ideoita.",
                "Valitsimme äänestyksellä kolme ideaa kokeiltaviksi.",
                "Arvioimme kokeilun kuukauden kuluttua yhteisessä palaverissa.",
            ),
            "kokeilukulttuuri",
        ),
        m(
            "innovaatiot",
            "ideapankki",
            "ideapankkia",
            (
                "Jokainen voi jättää kehitysidean yhteiseen ideapankkiin, ja ideat käsitellään kahden viikon välein.",
                "Idean jättäjä saa aina vastauksen, vaikka ideaa ei toteutettaisi.",
            ),
            (
                "Avasimme ideapankin intranetiin ja kahvihuoneen seinälle.",
                "Nimesimme ideoiden käsittelijät vuorokuukausin.",
            ),
            "kokeilukulttuuri",
        ),
        m(
            "innovaatiot",
            "turhien työvaiheiden karsiminen",
            "turhien työvaiheiden karsimista",
            (
                "Kävimme yhdessä läpi arjen työvaiheet ja kysyimme jokaisen kohdalla, kenen hyväksi se tehdään.",
                "Karsimme vaiheet, joista ei ollut hyötyä {clients_all} eikä {staff_all}.",
            ),
            (
                "Piirsimme prosessin seinälle tarralapuilla.",
                "Merkitsimme punaisella vaiheet, jotka toistuivat.",
            ),
            "prosessien-kehittaminen",
        ),
        m(
            "innovaatiot",
            "palvelumuotoilupajat",
            "palvelumuotoilupajoja",
            (
                "Järjestimme työpajoja, joissa {staff} ja {clients} suunnittelivat palvelua yhdessä.",
            ),
            ("Haastattelimme ensin {clients_par}.", "Teimme nopeita prototyyppejä paperilla."),
            "palvelumuotoilu",
        ),
    ),
    "luottamus": (
        m(
            "luottamus",
            "avoimet tiimipalaverit",
            "avoimia tiimipalavereita",
            (
                "Tiimipalaverin asialistan voi täydentää kuka tahansa, ja päätökset kirjataan kaikkien nähtäville.",
                "Palaverin lopuksi jokainen kertoo, mikä jäi mietityttämään.",
            ),
            (),
            "avoin-viestinta",
        ),
        m(
            "luottamus",
            "yhteiset pelisäännöt",
            "yhteisiä pelisääntöjä",
            (
                "Sovimme yhdessä kirjalliset pelisäännöt, joihin jokainen voi vedota.",
                "Pelisäännöt käydään läpi puolen vuoden välein.",
            ),
            (
                "Jokainen kirjoitti lapulle kolme asiaa, jotka tekevät työpaikasta hyvän.",
                "Ryhmittelimme laput ja muotoilimme niistä säännöt.",
            ),
            "yhteistoiminta",
        ),
        m(
            "luottamus",
            "viikkotiedote koko henkilöstölle",
            "viikkotiedotetta koko henkilöstölle",
            (
                "Esihenkilö kokoaa perjantaisin lyhyen tiedotteen viikon tapahtumista ja tulevista muutoksista.",
            ),
            (),
            "avoin-viestinta",
        ),
        m(
            "luottamus",
            "palautekulttuurin vahvistaminen",
            "palautekulttuurin vahvistamista",
            (
                "Harjoittelimme rakentavan palautteen antamista ja pyytämistä.",
                "Myönteinen palaute sanotaan nyt ääneen viikkopalaverissa.",
            ),
            (),
            "yhteistoiminta",
        ),
        m(
            "luottamus",
            "yhteistoimintaryhmän uusi malli",
            "yhteistoimintaryhmän uutta mallia",
            ("Yhteistoimintaryhmä kokoontuu useammin, ja sen muistiot julkaistaan kaikille.",),
            (),
            "yhteistoiminta",
        ),
    ),
    "osaaminen": (
        m(
            "osaaminen",
            "perehdytyksen muistilista",
            "perehdytyksen muistilistaa",
            (
                "Kokosimme yhteisen muistilistan, jonka avulla jokainen uusi työntekijä perehdytetään samalla tavalla.",
                "Listaa täydennetään aina, kun joku huomaa puutteen.",
            ),
            (
                "Kysyimme viimeksi aloittaneilta, mitä he olisivat halunneet tietää.",
                "Testasimme listaa kahden uuden työntekijän kanssa.",
            ),
            "perehdytys",
        ),
        m(
            "osaaminen",
            "vertaismentorointi",
            "vertaismentorointia",
            (
                "Kokeneet työntekijät toimivat mentoreina vasta-alkaneille, ja parit tapaavat kahden viikon välein.",
            ),
            (),
            "mentorointi",
        ),
        m(
            "osaaminen",
            "osaamiskartoitus",
            "osaamiskartoitusta",
            (
                "Kartoitimme, mitä kukin osaa ja mitä haluaisi oppia.",
                "Kartoituksen pohjalta teimme yhteisen koulutussuunnitelman.",
            ),
            (),
            "oppiminen-tyossa",
        ),
        m(
            "osaaminen",
            "varttikoulutukset",
            "varttikoulutuksia",
            (
                "Viikkopalaverin lopussa joku {staff_par} opettaa muille vartin ajan jonkin asian, jonka hän osaa hyvin.",
            ),
            (),
            "oppiminen-tyossa",
        ),
        m(
            "osaaminen",
            "perehdytysvideot",
            "perehdytysvideoita",
            ("Kuvasimme puhelimella lyhyitä videoita tärkeimmistä työvaiheista.",),
            (),
            "perehdytys",
        ),
        m(
            "osaaminen",
            "kummitoiminta uusille työntekijöille",
            "kummitoimintaa uusille työntekijöille",
            (
                "Jokainen uusi työntekijä saa kummin, joka on tavoitettavissa ensimmäiset kuukaudet.",
            ),
            (),
            "perehdytys",
        ),
    ),
    "tyohyvinvointi": (
        m(
            "tyohyvinvointi",
            "taukojumppa",
            "taukojumppaa",
            ("Joka päivä pidetään kymmenen minuutin taukojumppa, jonka vetovuoro kiertää.",),
            (),
            "liikunta-ja-terveys",
        ),
        m(
            "tyohyvinvointi",
            "kuormituksen kartoitus",
            "kuormituksen kartoitusta",
            (
                "Kävimme työterveyshuollon kanssa läpi, mikä työssä kuormittaa ja mikä antaa voimia.",
                "Jokaiselle kuormitustekijälle sovittiin yksi konkreettinen teko.",
            ),
            (),
            "kuormitus-ja-palautuminen",
        ),
        m(
            "tyohyvinvointi",
            "työvuorotoiveiden huomioiminen",
            "työvuorotoiveiden huomioimista",
            (
                "Työvuorolistat tehdään niin, että jokainen voi esittää toiveensa, ja toiveet toteutetaan vuorotellen.",
            ),
            (),
            "kuormitus-ja-palautuminen",
        ),
        m(
            "tyohyvinvointi",
            "hiljainen työtila",
            "hiljaista työtilaa",
            ("Yksi huone varattiin keskittymistä vaativaan työhön ja palautumiseen.",),
            (),
            "kuormitus-ja-palautuminen",
        ),
        m(
            "tyohyvinvointi",
            "työhyvinvointikävelyt",
            "työhyvinvointikävelyjä",
            ("Viikkopalaverit pidetään kerran kuussa kävellen.",),
            (),
            "liikunta-ja-terveys",
        ),
        m(
            "tyohyvinvointi",
            "yhteinen virkistyspäivä",
            "yhteistä virkistyspäivää",
            ("Työyhteisö suunnitteli itse virkistyspäivän ohjelman.",),
            (),
            "tyoyhteiso",
        ),
    ),
    "johtaminen": (
        m(
            "johtaminen",
            "viikoittainen tilannekuva",
            "viikoittaista tilannekuvaa",
            ("Esihenkilö ja tiimi käyvät maanantaisin läpi viikon tilanteen yhdellä näkymällä.",),
            (),
            "tiedolla-johtaminen",
        ),
        m(
            "johtaminen",
            "esihenkilön avoimet ovet",
            "esihenkilön avoimia ovia",
            ("Esihenkilö on tavattavissa ilman ajanvarausta kahtena aamupäivänä viikossa.",),
            (),
            "esihenkilotyo",
        ),
        m(
            "johtaminen",
            "muutoksen tiekartta",
            "muutoksen tiekarttaa",
            (
                "Muutoksen vaiheet ja aikataulu piirrettiin yhdelle sivulle, jota päivitetään kuukausittain.",
            ),
            (),
            "muutosjohtaminen",
        ),
    ),
    "digitalisaatio": (
        m(
            "digitalisaatio",
            "sähköinen ajanvaraus",
            "sähköistä ajanvarausta",
            ("{clients} voivat varata ajan verkossa mihin vuorokauden aikaan tahansa.",),
            (),
            "sahkoiset-palvelut",
        ),
        m(
            "digitalisaatio",
            "yhteinen sähköinen kalenteri",
            "yhteistä sähköistä kalenteria",
            (
                "Kaikki työvuorot, tilat ja menot ovat yhdessä kalenterissa, jonka jokainen näkee puhelimestaan.",
            ),
            (),
            "sahkoiset-palvelut",
        ),
        m(
            "digitalisaatio",
            "etätyön pelisäännöt",
            "etätyön pelisääntöjä",
            ("Sovimme, milloin olemme tavoitettavissa ja mitkä asiat hoidetaan aina kasvokkain.",),
            (),
            "eta-ja-hybridityo",
        ),
        m(
            "digitalisaatio",
            "ohjelmistorobotti",
            "ohjelmistorobottia",
            ("Ohjelmistorobotti hoitaa toistuvan tietojen siirron järjestelmästä toiseen.",),
            (),
            "automaatio",
        ),
    ),
    "asiakaslahtoisyys": (
        m(
            "asiakaslahtoisyys",
            "asiakasraati",
            "asiakasraatia",
            ("Asiakasraati kokoontuu neljästi vuodessa kommentoimaan palvelun muutoksia.",),
            (),
            "osallisuus",
        ),
        m(
            "asiakaslahtoisyys",
            "palautteen pikakysely",
            "palautteen pikakyselyä",
            ("Jokaisen asioinnin jälkeen {clients} voivat vastata yhden kysymyksen kyselyyn.",),
            (),
            "asiakaspalaute",
        ),
        m(
            "asiakaslahtoisyys",
            "asiakkaan polun kuvaus",
            "asiakkaan polun kuvausta",
            (
                "Kuvasimme yhdessä {clients_gen} kanssa, mitä palvelussa tapahtuu heidän näkökulmastaan.",
            ),
            (),
            "osallisuus",
        ),
    ),
    "yhteiskehittaminen": (
        m(
            "yhteiskehittaminen",
            "kehittämistyöpajat",
            "kehittämistyöpajoja",
            (
                "Koko työyhteisö osallistui kolmeen työpajaan, joissa ideoitiin ja valittiin kehittämiskohteet.",
            ),
            (),
            "henkiloston-osallistaminen",
        ),
        m(
            "yhteiskehittaminen",
            "kehittäjätiimi",
            "kehittäjätiimiä",
            ("Vapaaehtoisista koottu kehittäjätiimi vie ideoita eteenpäin ja raportoi muille.",),
            (),
            "henkiloston-osallistaminen",
        ),
        m(
            "yhteiskehittaminen",
            "yhteistyö naapurikuntien kanssa",
            "yhteistyötä naapurikuntien kanssa",
            (
                "Kehitimme toimintaa yhdessä naapurikuntien {staff_gen} kanssa ja jaoimme materiaalit.",
            ),
            (),
            "verkostot",
        ),
    ),
    "tyoturvallisuus": (
        m(
            "tyoturvallisuus",
            "ergonomiakierros",
            "ergonomiakierrosta",
            ("Työfysioterapeutti kiersi työpisteet ja antoi jokaiselle henkilökohtaiset vinkit.",),
            (),
            "tyotilat",
        ),
        m(
            "tyoturvallisuus",
            "turvallisuuskävely",
            "turvallisuuskävelyä",
            (
                "Esihenkilö ja työsuojeluvaltuutettu kiertävät työpaikan kuukausittain ja kirjaavat havainnot.",
            ),
            (),
            "tyotilat",
        ),
        m(
            "tyoturvallisuus",
            "uhkaavien tilanteiden harjoitukset",
            "uhkaavien tilanteiden harjoituksia",
            (
                "Harjoittelimme uhkaavia tilanteita näyttelijän kanssa ja sovimme yhteiset toimintatavat.",
            ),
            (),
            "vakivallan-ehkaisy",
        ),
    ),
    "palvelujen-laatu": (
        m(
            "palvelujen-laatu",
            "yhteiset laatukriteerit",
            "yhteisiä laatukriteereitä",
            (
                "Määrittelimme yhdessä, mitä hyvä palvelu tarkoittaa käytännössä, ja kirjasimme sen viideksi kohdaksi.",
            ),
            (),
            "vaikuttavuus",
        ),
        m(
            "palvelujen-laatu",
            "saavutettavuustarkistus",
            "saavutettavuustarkistusta",
            ("Kävimme läpi tilat, verkkosivut ja lomakkeet {clients_gen} näkökulmasta.",),
            (),
            "saavutettavuus",
        ),
    ),
    "rekrytointi": (
        m(
            "rekrytointi",
            "kesätyöntekijöiden perehdytyspäivä",
            "kesätyöntekijöiden perehdytyspäivää",
            (
                "Kaikki kesätyöntekijät perehdytetään yhteisenä päivänä ennen ensimmäistä työvuoroa.",
            ),
            (),
            "oppisopimus-ja-harjoittelu",
        ),
        m(
            "rekrytointi",
            "harjoittelijoiden kummit",
            "harjoittelijoiden kummeja",
            ("Jokainen harjoittelija saa kummin, joka ohjaa ja kertoo työpaikasta.",),
            (),
            "oppisopimus-ja-harjoittelu",
        ),
        m(
            "rekrytointi",
            "työntekijälähettiläät",
            "työntekijälähettiläitä",
            ("{staff} kertovat työstään somessa ja oppilaitoksissa.",),
            (),
            "tyonantajakuva",
        ),
    ),
}

"""Finnish building blocks per theme: motives, gains, tips, quotes and generic steps."""

# ruff: noqa: E501 -- prose: each sentence stays whole on one line, so it can be searched for.

MOTIVES = {
    "innovaatiot": (
        "Halusimme kokeilla, voisiko pienellä muutoksella saada aikaan isomman vaikutuksen.",
        "Työyhteisössä oli paljon ideoita, mutta niitä ei koskaan ehditty kokeilla.",
        "Vanha tapa toimia oli jäänyt elämään, vaikka kukaan ei enää muistanut, miksi.",
    ),
    "luottamus": (
        "Henkilöstökyselyssä tiedonkulku sai heikoimmat arviot.",
        "Muutosten keskellä huhut levisivät nopeammin kuin tieto.",
        "Halusimme, että jokainen uskaltaa sanoa mielipiteensä ääneen.",
    ),
    "osaaminen": (
        "Uusien työntekijöiden perehdytys oli kiinni siitä, kuka sattui olemaan työvuorossa.",
        "Eläköitymisten myötä paljon osaamista oli lähdössä talosta.",
        "Koulutuksiin oli vaikea irrottautua arjen keskeltä.",
    ),
    "tyohyvinvointi": (
        "Sairauspoissaolot olivat kasvaneet, ja moni kertoi väsymyksestä.",
        "Kiire oli muuttunut pysyväksi olotilaksi.",
        "Työhyvinvointikyselyn tulokset pysäyttivät meidät.",
    ),
    "johtaminen": (
        "Esihenkilöt kokivat, että heillä ei ollut tarpeeksi tietoa päätösten tueksi.",
        "Muutos vaati johtamiselta uudenlaista otetta.",
    ),
    "digitalisaatio": (
        "Paperilomakkeet ja puhelut veivät aikaa varsinaiselta työltä.",
        "Etätyön lisääntyminen vaati uusia tapoja toimia yhdessä.",
    ),
    "asiakaslahtoisyys": (
        "Asiakaspalautteessa toistui sama toive vuodesta toiseen.",
        "Palvelu oli suunniteltu meidän, ei asiakkaan näkökulmasta.",
    ),
    "yhteiskehittaminen": (
        "Parhaat ideat syntyvät, kun ne tekevät, jotka työtä tekevät.",
        "Halusimme, että kehittäminen ei ole vain johdon asia.",
    ),
    "tyoturvallisuus": (
        "Läheltä piti -tilanteita kirjattiin kuukausittain useita.",
        "Työtilat eivät enää vastanneet sitä, miten työtä todella tehdään.",
    ),
    "palvelujen-laatu": (
        "Emme pystyneet sanomaan, mikä palvelussa oikeasti toimii.",
        "Palvelun laatu vaihteli sen mukaan, kuka oli töissä.",
    ),
    "rekrytointi": (
        "Avoimiin tehtäviin oli vähän hakijoita.",
        "Moni harjoittelija ei palannut meille töihin valmistuttuaan.",
    ),
}

GAINS = {
    "innovaatiot": ("pieni kokeilu, iso muutos", "uusi tapa toimia", "rohkeasti kokeillen"),
    "luottamus": ("avoimuus lisäsi luottamusta", "tieto kulkee", "kaikki tietävät, mitä tapahtuu"),
    "osaaminen": (
        "osaaminen jakoon",
        "uudet työntekijät pääsevät nopeammin vauhtiin",
        "opitaan toisiltamme",
    ),
    "tyohyvinvointi": ("jaksaminen parani", "vähemmän kiirettä", "enemmän voimia arkeen"),
    "johtaminen": ("tieto päätösten tueksi", "esihenkilö lähempänä arkea"),
    "digitalisaatio": ("paperit pois", "vähemmän rutiineja, enemmän aikaa ihmisille"),
    "asiakaslahtoisyys": ("asiakas mukaan suunnitteluun", "palvelu asiakkaan ehdoilla"),
    "yhteiskehittaminen": ("kehitetään yhdessä", "ideat tekijöiltä"),
    "tyoturvallisuus": ("turvallisempi työpäivä", "riskit näkyviksi"),
    "palvelujen-laatu": ("laatu näkyväksi", "sama hyvä palvelu kaikille"),
    "rekrytointi": ("hakijoita riittää", "harjoittelijasta työkaveriksi"),
}

TIPS = {
    "innovaatiot": (
        "Kokeile pienesti ja nopeasti, ja päätä etukäteen, miten arvioitte tuloksia.",
        "Epäonnistunutkin kokeilu opettaa jotain, kunhan siitä puhutaan.",
    ),
    "luottamus": (
        "Kerro myös keskeneräisistä asioista.",
        "Sopikaa pelisäännöt yhdessä, älkää anna niitä ylhäältä.",
    ),
    "osaaminen": (
        "Hyödynnä talon omaa osaamista ennen ulkopuolisia kouluttajia.",
        "Varaa perehdyttäjälle aikaa työvuorolistaan.",
    ),
    "tyohyvinvointi": (
        "Pienetkin teot riittävät, kunhan niitä tehdään säännöllisesti.",
        "Ota työterveyshuolto mukaan alusta asti.",
    ),
    "johtaminen": ("Älä kerää tietoa, jota kukaan ei käytä.",),
    "digitalisaatio": ("Varaa aikaa käyttöönottoon ja nimeä jokaiseen tiimiin tukihenkilö.",),
    "asiakaslahtoisyys": ("Kysy asiakkailta suoraan, he kertovat mielellään.",),
    "yhteiskehittaminen": (
        "Kaikkien ei tarvitse osallistua kaikkeen, mutta kaikilla pitää olla mahdollisuus.",
    ),
    "tyoturvallisuus": ("Käy läpi myös läheltä piti -tilanteet, ei vain sattuneita tapaturmia.",),
    "palvelujen-laatu": ("Valitse muutama mittari, joita oikeasti seuraatte.",),
    "rekrytointi": ("Hyvä harjoittelukokemus on paras rekrytointi-ilmoitus.",),
}

GENERIC_TIPS = (
    "Ottakaa koko työyhteisö mukaan heti alussa.",
    "Sopikaa, kuka vastaa mistäkin, ja kirjatkaa se ylös.",
    "Varatkaa aikaa arviointiin, se unohtuu helposti.",
    "Älkää yrittäkö muuttaa kaikkea kerralla.",
    "Juhlikaa onnistumisia, pieniäkin.",
    "Muutos vie aikaa: ensimmäiset viikot ovat aina vaikeimpia.",
    "Kysykää apua naapurikunnista, moni on ratkonut saman asian.",
    "Pitäkää kiinni sovituista ajoista, muuten kokeilu hiipuu.",
)

QUOTES = (
    "Työ tuntuu taas mielekkäältä.",
    "En usko, että palaisimme enää vanhaan tapaan.",
    "Aluksi epäilin, mutta nyt en luopuisi tästä.",
    "Tämä oli pieni muutos, mutta sen vaikutus on iso.",
    "Nyt tiedän, keneltä kysyä.",
    "Arki on rauhallisempaa, ja se näkyy myös asiakkaille.",
    "Oli hienoa huomata, että omilla ideoilla on merkitystä.",
    "Kiire ei ole kadonnut, mutta se ei enää hallitse päivää.",
)

GENERIC_RESULTS = (
    "Henkilöstökyselyssä {pct2} prosenttia vastaajista arvioi muutoksen myönteiseksi.",
    "Sairauspoissaolot vähenivät seurantajaksolla {pct} prosenttia.",
    "Työtyytyväisyyden keskiarvo nousi {score1} → {score2} (asteikko 1–5).",
    "Aikaa säästyi arviolta {hours} tuntia kuukaudessa.",
    "Mukana oli lopulta {n} työntekijää, ja kaikki halusivat jatkaa.",
)

GENERIC_STEPS = (
    "Kävimme nykytilan läpi yhdessä koko tiimin kanssa.",
    "Sovimme kokeilulle selkeän alun ja lopun.",
    "Nimesimme jokaiselle tehtävälle vastuuhenkilön.",
    "Keräsimme palautetta kahden viikon välein.",
    "Kerroimme muutoksesta {clients_all} etukäteen.",
    "Teimme tarvittavat korjaukset ennen kuin malli otettiin käyttöön kaikkialla.",
    "Esittelimme tulokset johtoryhmälle ja yhteistoimintaryhmälle.",
    "Kirjasimme toimintatavan ohjeeksi, jotta se ei ole kiinni yksittäisistä ihmisistä.",
)

"""Municipalities, wellbeing services counties and the Finnish forms of their names.

The demo text inflects place names ("Limingan kunta", "Kangasalla"), and Finnish
has no rule simple enough to derive those forms in code (Kangasala takes the
external locative, Liminka the internal one, Virrat has the genitive "Virtain"),
so each municipality the demo uses is listed here by its official code. Every
genitive and locative was checked with the Voikko analyser (see
tests/deeds/test_seed_demo.py, which repeats the check where pyvoikko is installed).
"""

from dataclasses import dataclass

KUNTA, KAUPUNKI = "kunta", "kaupunki"
KAUPUNKI_GEN, KUNTA_GEN = "kaupungin", "kunnan"


@dataclass(frozen=True)
class Place:
    code: str
    gen: str  # "Limingan"
    loc: str  # "Limingassa", "Kangasalla"
    status: str  # kunta or kaupunki
    name_sv: str = ""  # the organisation's Swedish name, bilingual and Swedish places only

    @property
    def org_name(self):
        return f"{self.gen} {self.status}"

    @property
    def org_gen(self):
        return f"{self.gen} {KAUPUNKI_GEN if self.status == KAUPUNKI else KUNTA_GEN}"


def _p(code, gen, loc, status, name_sv=""):
    return Place(code, gen, loc, status, name_sv)


# The five municipalities the programme's reports name as most active, in order.
LEADERS = ("425", "211", "108", "915", "418")
BIG_CITIES = ("091", "049", "092", "837", "853", "564")
# Eastern Lapland has never sent a deed; nothing may be placed there.
EXCLUDED = ("320", "583", "614", "732", "742")
# Municipalities that write mostly in Swedish, and bilingual ones with a Finnish
# majority that write in Swedish now and then: the share of Swedish deeds.
SWEDISH_SHARE = {
    **dict.fromkeys(("599", "545", "287", "478", "170", "060", "280", "440", "288"), 0.85),
    **dict.fromkeys(("710", "475", "499", "598", "322", "445", "149", "946", "755"), 0.7),
    **dict.fromkeys(("638", "905", "434", "753", "257", "078", "231", "235"), 0.35),
    **dict.fromkeys(("091", "049", "092", "853", "272", "444"), 0.15),
}
# Åland's municipalities write in Swedish only; Finnish-named companies would be out of place.
ALAND = ("478", "170", "060")
# Chosen before the rest, so that even a small demo has them.
PRIORITY = ("638", "905", "710", "599", "545", "287", "478", *BIG_CITIES, "170")

PLACES = {
    p.code: p
    for p in (
        _p("425", "Limingan", "Limingassa", KUNTA),
        _p("211", "Kangasalan", "Kangasalla", KAUPUNKI),
        _p("108", "Hämeenkyrön", "Hämeenkyrössä", KUNTA),
        _p("915", "Varkauden", "Varkaudessa", KAUPUNKI),
        _p("418", "Lempäälän", "Lempäälässä", KUNTA),
        _p("091", "Helsingin", "Helsingissä", KAUPUNKI, "Helsingfors stad"),
        _p("049", "Espoon", "Espoossa", KAUPUNKI, "Esbo stad"),
        _p("092", "Vantaan", "Vantaalla", KAUPUNKI, "Vanda stad"),
        _p("837", "Tampereen", "Tampereella", KAUPUNKI),
        _p("853", "Turun", "Turussa", KAUPUNKI, "Åbo stad"),
        _p("564", "Oulun", "Oulussa", KAUPUNKI),
        _p("638", "Porvoon", "Porvoossa", KAUPUNKI, "Borgå stad"),
        _p("905", "Vaasan", "Vaasassa", KAUPUNKI, "Vasa stad"),
        _p("710", "Raaseporin", "Raaseporissa", KAUPUNKI, "Raseborgs stad"),
        _p("599", "Pedersören", "Pedersöressä", KUNTA, "Pedersöre kommun"),
        _p("545", "Närpiön", "Närpiössä", KAUPUNKI, "Närpes stad"),
        _p("287", "Kristiinankaupungin", "Kristiinankaupungissa", KAUPUNKI, "Kristinestads stad"),
        _p("478", "Maarianhaminan", "Maarianhaminassa", KAUPUNKI, "Mariehamns stad"),
        _p("170", "Jomalan", "Jomalassa", KUNTA, "Jomala kommun"),
        _p("060", "Finströmin", "Finströmissä", KUNTA, "Finströms kommun"),
        _p("280", "Korsnäsin", "Korsnäsissä", KUNTA, "Korsnäs kommun"),
        _p("440", "Luodon", "Luodossa", KUNTA, "Larsmo kommun"),
        _p("288", "Kruunupyyn", "Kruunupyyssä", KUNTA, "Kronoby kommun"),
        _p("475", "Maalahden", "Maalahdessa", KUNTA, "Malax kommun"),
        _p("499", "Mustasaaren", "Mustasaaressa", KUNTA, "Korsholms kommun"),
        _p("598", "Pietarsaaren", "Pietarsaaressa", KAUPUNKI, "Jakobstads stad"),
        _p("322", "Kemiönsaaren", "Kemiönsaarella", KUNTA, "Kimitoöns kommun"),
        _p("445", "Paraisten", "Paraisilla", KAUPUNKI, "Pargas stad"),
        _p("149", "Inkoon", "Inkoossa", KUNTA, "Ingå kommun"),
        _p("946", "Vöyrin", "Vöyrillä", KUNTA, "Vörå kommun"),
        _p("755", "Siuntion", "Siuntiossa", KUNTA, "Sjundeå kommun"),
        _p("434", "Loviisan", "Loviisassa", KAUPUNKI, "Lovisa stad"),
        _p("753", "Sipoon", "Sipoossa", KUNTA, "Sibbo kommun"),
        _p("257", "Kirkkonummen", "Kirkkonummella", KUNTA, "Kyrkslätts kommun"),
        _p("078", "Hangon", "Hangossa", KAUPUNKI, "Hangö stad"),
        _p("231", "Kaskisten", "Kaskisissa", KAUPUNKI, "Kaskö stad"),
        _p("235", "Kauniaisten", "Kauniaisissa", KAUPUNKI, "Grankulla stad"),
        _p("272", "Kokkolan", "Kokkolassa", KAUPUNKI, "Karleby stad"),
        _p("444", "Lohjan", "Lohjalla", KAUPUNKI, "Lojo stad"),
        _p("005", "Alajärven", "Alajärvellä", KAUPUNKI),
        _p("010", "Alavuden", "Alavudella", KAUPUNKI),
        _p("016", "Asikkalan", "Asikkalassa", KUNTA),
        _p("018", "Askolan", "Askolassa", KUNTA),
        _p("019", "Auran", "Aurassa", KUNTA),
        _p("020", "Akaan", "Akaassa", KAUPUNKI),
        _p("050", "Euran", "Eurassa", KUNTA),
        _p("051", "Eurajoen", "Eurajoella", KUNTA),
        _p("061", "Forssan", "Forssassa", KAUPUNKI),
        _p("069", "Haapajärven", "Haapajärvellä", KAUPUNKI),
        _p("071", "Haapaveden", "Haapavedellä", KAUPUNKI),
        _p("075", "Haminan", "Haminassa", KAUPUNKI),
        _p("077", "Hankasalmen", "Hankasalmella", KUNTA),
        _p("079", "Harjavallan", "Harjavallassa", KAUPUNKI),
        _p("082", "Hattulan", "Hattulassa", KUNTA),
        _p("086", "Hausjärven", "Hausjärvellä", KUNTA),
        _p("090", "Heinäveden", "Heinävedellä", KUNTA),
        _p("098", "Hollolan", "Hollolassa", KUNTA),
        _p("106", "Hyvinkään", "Hyvinkäällä", KAUPUNKI),
        _p("109", "Hämeenlinnan", "Hämeenlinnassa", KAUPUNKI),
        _p("111", "Heinolan", "Heinolassa", KAUPUNKI),
        _p("139", "Iin", "Iissä", KUNTA),
        _p("140", "Iisalmen", "Iisalmessa", KAUPUNKI),
        _p("142", "Iitin", "Iitissä", KUNTA),
        _p("143", "Ikaalisten", "Ikaalisissa", KAUPUNKI),
        _p("145", "Ilmajoen", "Ilmajoella", KUNTA),
        _p("146", "Ilomantsin", "Ilomantsissa", KUNTA),
        _p("148", "Inarin", "Inarissa", KUNTA),
        _p("153", "Imatran", "Imatralla", KAUPUNKI),
        _p("165", "Janakkalan", "Janakkalassa", KUNTA),
        _p("167", "Joensuun", "Joensuussa", KAUPUNKI),
        _p("169", "Jokioisten", "Jokioisissa", KUNTA),
        _p("171", "Joroisten", "Joroisissa", KUNTA),
        _p("172", "Joutsan", "Joutsassa", KUNTA),
        _p("176", "Juuan", "Juuassa", KUNTA),
        _p("177", "Juupajoen", "Juupajoella", KUNTA),
        _p("178", "Juvan", "Juvalla", KUNTA),
        _p("179", "Jyväskylän", "Jyväskylässä", KAUPUNKI),
        _p("182", "Jämsän", "Jämsässä", KAUPUNKI),
        _p("186", "Järvenpään", "Järvenpäässä", KAUPUNKI),
        _p("202", "Kaarinan", "Kaarinassa", KAUPUNKI),
        _p("204", "Kaavin", "Kaavilla", KUNTA),
        _p("205", "Kajaanin", "Kajaanissa", KAUPUNKI),
        _p("208", "Kalajoen", "Kalajoella", KAUPUNKI),
        _p("213", "Kangasniemen", "Kangasniemellä", KUNTA),
        _p("214", "Kankaanpään", "Kankaanpäässä", KAUPUNKI),
        _p("217", "Kannuksen", "Kannuksessa", KAUPUNKI),
        _p("224", "Karkkilan", "Karkkilassa", KAUPUNKI),
        _p("226", "Karstulan", "Karstulassa", KUNTA),
        _p("232", "Kauhajoen", "Kauhajoella", KAUPUNKI),
        _p("233", "Kauhavan", "Kauhavalla", KAUPUNKI),
        _p("236", "Kaustisen", "Kaustisella", KUNTA),
        _p("240", "Kemin", "Kemissä", KAUPUNKI),
        _p("241", "Keminmaan", "Keminmaalla", KUNTA),
        _p("244", "Kempeleen", "Kempeleessä", KUNTA),
        _p("245", "Keravan", "Keravalla", KAUPUNKI),
        _p("249", "Keuruun", "Keuruulla", KAUPUNKI),
        _p("250", "Kihniön", "Kihniössä", KUNTA),
        _p("260", "Kiteen", "Kiteellä", KAUPUNKI),
        _p("261", "Kittilän", "Kittilässä", KUNTA),
        _p("263", "Kiuruveden", "Kiuruvedellä", KAUPUNKI),
        _p("271", "Kokemäen", "Kokemäellä", KAUPUNKI),
        _p("276", "Kontiolahden", "Kontiolahdella", KUNTA),
        _p("285", "Kotkan", "Kotkassa", KAUPUNKI),
        _p("286", "Kouvolan", "Kouvolassa", KAUPUNKI),
        _p("290", "Kuhmon", "Kuhmossa", KAUPUNKI),
        _p("291", "Kuhmoisten", "Kuhmoisissa", KUNTA),
        _p("297", "Kuopion", "Kuopiossa", KAUPUNKI),
        _p("300", "Kuortaneen", "Kuortaneella", KUNTA),
        _p("301", "Kurikan", "Kurikassa", KAUPUNKI),
        _p("305", "Kuusamon", "Kuusamossa", KAUPUNKI),
        _p("309", "Outokummun", "Outokummussa", KAUPUNKI),
        _p("316", "Kärkölän", "Kärkölässä", KUNTA),
        _p("398", "Lahden", "Lahdessa", KAUPUNKI),
        _p("399", "Laihian", "Laihialla", KUNTA),
        _p("400", "Laitilan", "Laitilassa", KAUPUNKI),
        _p("402", "Lapinlahden", "Lapinlahdella", KUNTA),
        _p("405", "Lappeenrannan", "Lappeenrannassa", KAUPUNKI),
        _p("408", "Lapuan", "Lapualla", KAUPUNKI),
        _p("410", "Laukaan", "Laukaassa", KUNTA),
        _p("416", "Lemin", "Lemillä", KUNTA),
        _p("420", "Leppävirran", "Leppävirralla", KUNTA),
        _p("422", "Lieksan", "Lieksassa", KAUPUNKI),
        _p("423", "Liedon", "Liedossa", KUNTA),
        _p("426", "Liperin", "Liperissä", KUNTA),
        _p("430", "Loimaan", "Loimaalla", KAUPUNKI),
        _p("433", "Lopen", "Lopella", KUNTA),
        _p("436", "Lumijoen", "Lumijoella", KUNTA),
        _p("441", "Luumäen", "Luumäellä", KUNTA),
        _p("480", "Marttilan", "Marttilassa", KUNTA),
        _p("481", "Maskun", "Maskussa", KUNTA),
        _p("484", "Merikarvian", "Merikarvialla", KUNTA),
        _p("491", "Mikkelin", "Mikkelissä", KAUPUNKI),
        _p("494", "Muhoksen", "Muhoksella", KUNTA),
        _p("500", "Muuramen", "Muuramessa", KUNTA),
        _p("503", "Mynämäen", "Mynämäellä", KUNTA),
        _p("505", "Mäntsälän", "Mäntsälässä", KUNTA),
        _p("507", "Mäntyharjun", "Mäntyharjussa", KUNTA),
        _p("508", "Mänttä-Vilppulan", "Mänttä-Vilppulassa", KAUPUNKI),
        _p("529", "Naantalin", "Naantalissa", KAUPUNKI),
        _p("531", "Nakkilan", "Nakkilassa", KUNTA),
        _p("535", "Nivalan", "Nivalassa", KAUPUNKI),
        _p("536", "Nokian", "Nokialla", KAUPUNKI),
        _p("538", "Nousiaisten", "Nousiaisissa", KUNTA),
        _p("541", "Nurmeksen", "Nurmeksessa", KAUPUNKI),
        _p("543", "Nurmijärven", "Nurmijärvellä", KUNTA),
        _p("560", "Orimattilan", "Orimattilassa", KAUPUNKI),
        _p("562", "Oriveden", "Orivedellä", KAUPUNKI),
        _p("563", "Oulaisten", "Oulaisissa", KAUPUNKI),
        _p("576", "Padasjoen", "Padasjoella", KUNTA),
        _p("577", "Paimion", "Paimiossa", KAUPUNKI),
        _p("578", "Paltamon", "Paltamossa", KUNTA),
        _p("580", "Parikkalan", "Parikkalassa", KUNTA),
        _p("581", "Parkanon", "Parkanossa", KAUPUNKI),
        _p("592", "Petäjäveden", "Petäjävedellä", KUNTA),
        _p("593", "Pieksämäen", "Pieksämäellä", KAUPUNKI),
        _p("595", "Pielaveden", "Pielavedellä", KUNTA),
        _p("601", "Pihtiputaan", "Pihtiputaalla", KUNTA),
        _p("604", "Pirkkalan", "Pirkkalassa", KUNTA),
        _p("609", "Porin", "Porissa", KAUPUNKI),
        _p("611", "Pornaisten", "Pornaisissa", KUNTA),
        _p("615", "Pudasjärven", "Pudasjärvellä", KAUPUNKI),
        _p("619", "Punkalaitumen", "Punkalaitumella", KUNTA),
        _p("623", "Puumalan", "Puumalassa", KUNTA),
        _p("635", "Pälkäneen", "Pälkäneellä", KUNTA),
        _p("636", "Pöytyän", "Pöytyällä", KUNTA),
        _p("678", "Raahen", "Raahessa", KAUPUNKI),
        _p("680", "Raision", "Raisiossa", KAUPUNKI),
        _p("683", "Ranuan", "Ranualla", KUNTA),
        _p("684", "Rauman", "Raumalla", KAUPUNKI),
        _p("686", "Rautalammin", "Rautalammilla", KUNTA),
        _p("694", "Riihimäen", "Riihimäellä", KAUPUNKI),
        _p("698", "Rovaniemen", "Rovaniemellä", KAUPUNKI),
        _p("700", "Ruokolahden", "Ruokolahdella", KUNTA),
        _p("702", "Ruoveden", "Ruovedellä", KUNTA),
        _p("704", "Ruskon", "Ruskolla", KUNTA),
        _p("729", "Saarijärven", "Saarijärvellä", KAUPUNKI),
        _p("734", "Salon", "Salossa", KAUPUNKI),
        _p("738", "Sauvon", "Sauvossa", KUNTA),
        _p("739", "Savitaipaleen", "Savitaipaleella", KUNTA),
        _p("740", "Savonlinnan", "Savonlinnassa", KAUPUNKI),
        _p("743", "Seinäjoen", "Seinäjoella", KAUPUNKI),
        _p("746", "Sievin", "Sievissä", KUNTA),
        _p("749", "Siilinjärven", "Siilinjärvellä", KUNTA),
        _p("758", "Sodankylän", "Sodankylässä", KUNTA),
        _p("761", "Someron", "Somerolla", KAUPUNKI),
        _p("765", "Sotkamon", "Sotkamossa", KUNTA),
        _p("777", "Suomussalmen", "Suomussalmella", KUNTA),
        _p("781", "Sysmän", "Sysmässä", KUNTA),
        _p("783", "Säkylän", "Säkylässä", KUNTA),
        _p("785", "Vaalan", "Vaalassa", KUNTA),
        _p("790", "Sastamalan", "Sastamalassa", KAUPUNKI),
        _p("831", "Taipalsaaren", "Taipalsaarella", KUNTA),
        _p("832", "Taivalkosken", "Taivalkoskella", KUNTA),
        _p("834", "Tammelan", "Tammelassa", KUNTA),
        _p("845", "Tervolan", "Tervolassa", KUNTA),
        _p("846", "Teuvan", "Teuvalla", KUNTA),
        _p("848", "Tohmajärven", "Tohmajärvellä", KUNTA),
        _p("849", "Toholammin", "Toholammilla", KUNTA),
        _p("850", "Toivakan", "Toivakassa", KUNTA),
        _p("851", "Tornion", "Torniossa", KAUPUNKI),
        _p("854", "Pellon", "Pellossa", KUNTA),
        _p("858", "Tuusulan", "Tuusulassa", KUNTA),
        _p("859", "Tyrnävän", "Tyrnävällä", KUNTA),
        _p("886", "Ulvilan", "Ulvilassa", KAUPUNKI),
        _p("887", "Urjalan", "Urjalassa", KUNTA),
        _p("889", "Utajärven", "Utajärvellä", KUNTA),
        _p("892", "Uuraisten", "Uuraisilla", KUNTA),
        _p("895", "Uudenkaupungin", "Uudessakaupungissa", KAUPUNKI),
        _p("908", "Valkeakosken", "Valkeakoskella", KAUPUNKI),
        _p("922", "Vesilahden", "Vesilahdella", KUNTA),
        _p("925", "Vieremän", "Vieremällä", KUNTA),
        _p("927", "Vihdin", "Vihdissä", KUNTA),
        _p("931", "Viitasaaren", "Viitasaarella", KAUPUNKI),
        _p("976", "Ylitornion", "Ylitorniossa", KUNTA),
        _p("977", "Ylivieskan", "Ylivieskassa", KAUPUNKI),
        _p("980", "Ylöjärven", "Ylöjärvellä", KAUPUNKI),
        _p("989", "Ähtärin", "Ähtärissä", KAUPUNKI),
        _p("992", "Äänekosken", "Äänekoskella", KAUPUNKI),
    )
}


@dataclass(frozen=True)
class County:
    """A wellbeing services county (hyvinvointialue): serves a region, has no municipality."""

    region: str
    gen: str  # "Pirkanmaan"
    name_sv: str = ""

    @property
    def org_name(self):
        return f"{self.gen} hyvinvointialue"

    @property
    def org_gen(self):
        return f"{self.gen} hyvinvointialueen"

    @property
    def loc(self):
        return f"{self.gen} hyvinvointialueella"


# Ordered so that a small demo gets the counties of the leading regions first.
COUNTIES = (
    County("06", "Pirkanmaan"),
    County("17", "Pohjois-Pohjanmaan"),
    County("11", "Pohjois-Savon"),
    County("15", "Pohjanmaan", "Österbottens välfärdsområde"),
    County("01", "Itä-Uudenmaan", "Östra Nylands välfärdsområde"),
    County("02", "Varsinais-Suomen", "Egentliga Finlands välfärdsområde"),
    County("13", "Keski-Suomen"),
    County("14", "Etelä-Pohjanmaan"),
    County("04", "Satakunnan"),
    County("05", "Kanta-Hämeen"),
    County("07", "Päijät-Hämeen"),
    County("08", "Kymenlaakson"),
    County("09", "Etelä-Karjalan"),
    County("10", "Etelä-Savon"),
    County("12", "Pohjois-Karjalan"),
    County("16", "Keski-Pohjanmaan", "Mellersta Österbottens välfärdsområde"),
    County("18", "Kainuun"),
    County("19", "Lapin"),
    County("01", "Länsi-Uudenmaan", "Västra Nylands välfärdsområde"),
    County("01", "Keski-Uudenmaan", "Mellersta Nylands välfärdsområde"),
    County("01", "Vantaan ja Keravan", "Vanda och Kervo välfärdsområde"),
)
# Wellbeing services counties took over social and health care on 1 January 2023;
# before that the municipalities (and their joint authorities) provided it.
COUNTIES_START_YEAR = 2023

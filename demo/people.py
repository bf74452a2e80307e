"""Invented contact persons, funders and link texts for the demo.

Names are common Finnish and Finland-Swedish first names and surnames combined at
random, so no combination stands for a real person; addresses use example.com.
"""

import unicodedata

FIRST_NAMES_FI = (
    "Aino",
    "Anna",
    "Anne",
    "Anni",
    "Eeva",
    "Elina",
    "Emma",
    "Hanna",
    "Heidi",
    "Helena",
    "Jenni",
    "Johanna",
    "Katja",
    "Kaisa",
    "Kirsi",
    "Laura",
    "Leena",
    "Liisa",
    "Maarit",
    "Marja",
    "Minna",
    "Noora",
    "Outi",
    "Paula",
    "Pirjo",
    "Riikka",
    "Sanna",
    "Satu",
    "Suvi",
    "Tiina",
    "Tuula",
    "Ulla",
    "Antti",
    "Ari",
    "Eero",
    "Harri",
    "Heikki",
    "Ilkka",
    "Janne",
    "Jari",
    "Jukka",
    "Juha",
    "Kari",
    "Lauri",
    "Markku",
    "Matti",
    "Mikko",
    "Olli",
    "Pekka",
    "Petri",
    "Sami",
    "Teemu",
    "Timo",
    "Ville",
)
LAST_NAMES_FI = (
    "Aaltonen",
    "Heikkinen",
    "Hiltunen",
    "Hirvonen",
    "Hämäläinen",
    "Jokela",
    "Järvinen",
    "Kallio",
    "Karjalainen",
    "Kettunen",
    "Kinnunen",
    "Koivisto",
    "Korhonen",
    "Koskinen",
    "Laaksonen",
    "Lahtinen",
    "Laine",
    "Lehtonen",
    "Leinonen",
    "Manninen",
    "Mattila",
    "Miettinen",
    "Mäkelä",
    "Mäkinen",
    "Nieminen",
    "Niskanen",
    "Ojala",
    "Peltonen",
    "Pitkänen",
    "Rantanen",
    "Räsänen",
    "Saarinen",
    "Salminen",
    "Salonen",
    "Seppälä",
    "Tuominen",
    "Turunen",
    "Vainio",
    "Virtanen",
    "Väisänen",
    "Ylönen",
    "Honkanen",
    "Kiiskinen",
    "Rautio",
    "Pesonen",
    "Kärkkäinen",
)
FIRST_NAMES_SV = (
    "Annika",
    "Camilla",
    "Ebba",
    "Ida",
    "Johanna",
    "Linda",
    "Maria",
    "Pia",
    "Sara",
    "Sofia",
    "Anders",
    "Björn",
    "Fredrik",
    "Henrik",
    "Jonas",
    "Kim",
    "Mats",
    "Niklas",
    "Patrik",
    "Stefan",
)
LAST_NAMES_SV = (
    "Andersson",
    "Backman",
    "Björklund",
    "Ekholm",
    "Forsman",
    "Holmberg",
    "Höglund",
    "Lindqvist",
    "Lindström",
    "Nyberg",
    "Nyman",
    "Sandberg",
    "Sjöblom",
    "Strand",
    "Wikström",
    "Åberg",
)

# (Finnish nominative, Finnish genitive, Swedish), and the sectors each funds most.
FUNDERS = (
    (
        "Euroopan sosiaalirahasto ESR+",
        "Euroopan sosiaalirahaston (ESR+)",
        "Europeiska socialfonden ESF+",
        ("*",),
    ),
    ("Työsuojelurahasto", "Työsuojelurahaston", "Arbetarskyddsfonden", ("*",)),
    ("Opetushallitus", "Opetushallituksen", "Utbildningsstyrelsen", ("kasvatus-ja-opetus",)),
    (
        "Sosiaali- ja terveysministeriö",
        "Sosiaali- ja terveysministeriön",
        "Social- och hälsovårdsministeriet",
        ("sosiaali-ja-terveys",),
    ),
    ("Kuntaliitto", "Kuntaliiton", "Kommunförbundet", ("hallinto-ja-talous", "koko-organisaatio")),
    (
        "Työ- ja elinkeinoministeriö",
        "Työ- ja elinkeinoministeriön",
        "Arbets- och näringsministeriet",
        ("elinkeino-ja-tyollisyys",),
    ),
    (
        "Opetus- ja kulttuuriministeriö",
        "Opetus- ja kulttuuriministeriön",
        "Undervisnings- och kulturministeriet",
        ("kulttuuri-ja-vapaa-aika", "kasvatus-ja-opetus"),
    ),
    (
        "Euroopan aluekehitysrahasto EAKR",
        "Euroopan aluekehitysrahaston (EAKR)",
        "Europeiska regionala utvecklingsfonden Eruf",
        ("tekniset-palvelut", "elinkeino-ja-tyollisyys"),
    ),
)

LINK_TITLES = {
    "fi": (
        "Lisätietoja kehittämistyöstä",
        "Hankkeen loppuraportti (PDF)",
        "Esittelyvideo",
        "Toimintamallin kuvaus",
        "Muistilista muille (PDF)",
        "Tiedote",
        "Kokeilun arviointi",
    ),
    "sv": (
        "Mer information",
        "Slutrapport (PDF)",
        "Presentationsvideo",
        "Beskrivning av modellen",
        "Checklista (PDF)",
    ),
}
LINK_PATHS = ("kehittaminen", "hankkeet", "raportit", "uutiset", "materiaalit")


def ascii_fold(text):
    """ "Hämäläinen" -> "hamalainen", for made-up email addresses."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return folded.lower().replace(" ", "")


def contact_name(rng, language):
    first, last = (
        (FIRST_NAMES_SV, LAST_NAMES_SV) if language == "sv" else (FIRST_NAMES_FI, LAST_NAMES_FI)
    )
    first_name, last_name = rng.choice(first), rng.choice(last)
    return (
        f"{first_name} {last_name}",
        f"{ascii_fold(first_name)}.{ascii_fold(last_name)}@example.com",
    )


def funder_for(rng, sector):
    fitting = [f for f in FUNDERS if "*" in f[3] or sector in f[3]]
    return rng.choice(fitting)

"""The initial vocabulary, loaded by a data migration into every fresh database.

Staff edit, reorder and retire terms in the admin afterwards; loading again only
adds what is missing and never overwrites an edit.
"""

# (slug, Finnish, Swedish, English)
SECTORS = [
    (
        "sosiaali-ja-terveys",
        "Sosiaali- ja terveyspalvelut",
        "Social- och hälsovårdstjänster",
        "Social and health care",
    ),
    (
        "kasvatus-ja-opetus",
        "Kasvatus, opetus ja varhaiskasvatus",
        "Fostran, undervisning och småbarnspedagogik",
        "Education and early childhood education",
    ),
    (
        "kulttuuri-ja-vapaa-aika",
        "Kulttuuri- ja vapaa-aikapalvelut",
        "Kultur- och fritidstjänster",
        "Culture and leisure",
    ),
    ("tekniset-palvelut", "Tekniset palvelut", "Tekniska tjänster", "Technical services"),
    (
        "siivous-ja-ruokapalvelut",
        "Siivous- ja ruokapalvelut",
        "Städ- och kosttjänster",
        "Cleaning and catering",
    ),
    (
        "liikenne-ja-logistiikka",
        "Liikenne ja logistiikka",
        "Trafik och logistik",
        "Transport and logistics",
    ),
    (
        "asuminen-ja-kiinteistot",
        "Asuminen ja kiinteistöt",
        "Boende och fastigheter",
        "Housing and property",
    ),
    (
        "hallinto-ja-talous",
        "Hallinto ja talous",
        "Förvaltning och ekonomi",
        "Administration and finance",
    ),
    (
        "elinkeino-ja-tyollisyys",
        "Elinkeino- ja työllisyyspalvelut",
        "Närings- och sysselsättningstjänster",
        "Business and employment services",
    ),
    ("koko-organisaatio", "Koko organisaatio", "Hela organisationen", "Whole organisation"),
]

# (slug, Finnish, Swedish, English, [subthemes as (slug, fi, sv, en)])
THEMES = [
    (
        "innovaatiot",
        "Innovaatiot",
        "Innovationer",
        "Innovation",
        [
            ("kokeilukulttuuri", "Kokeilukulttuuri", "Försökskultur", "Culture of experimentation"),
            (
                "prosessien-kehittaminen",
                "Prosessien kehittäminen",
                "Processutveckling",
                "Process development",
            ),
            ("palvelumuotoilu", "Palvelumuotoilu", "Tjänstedesign", "Service design"),
        ],
    ),
    (
        "luottamus",
        "Luottamus",
        "Förtroende",
        "Trust",
        [
            ("avoin-viestinta", "Avoin viestintä", "Öppen kommunikation", "Open communication"),
            (
                "yhteistoiminta",
                "Yhteistoiminta",
                "Samarbete mellan arbetsgivare och personal",
                "Employer–employee cooperation",
            ),
        ],
    ),
    (
        "osaaminen",
        "Osaaminen",
        "Kompetens",
        "Competence",
        [
            ("perehdytys", "Perehdytys", "Introduktion", "Orientation"),
            ("oppiminen-tyossa", "Oppiminen työssä", "Lärande i arbetet", "Learning at work"),
            ("mentorointi", "Mentorointi", "Mentorskap", "Mentoring"),
        ],
    ),
    (
        "tyohyvinvointi",
        "Työhyvinvointi",
        "Välbefinnande i arbetet",
        "Wellbeing at work",
        [
            (
                "kuormitus-ja-palautuminen",
                "Työn kuormitus ja palautuminen",
                "Arbetsbelastning och återhämtning",
                "Workload and recovery",
            ),
            ("tyoyhteiso", "Työyhteisö", "Arbetsgemenskap", "Work community"),
            (
                "liikunta-ja-terveys",
                "Liikunta ja terveys",
                "Motion och hälsa",
                "Exercise and health",
            ),
        ],
    ),
    (
        "johtaminen",
        "Johtaminen ja esihenkilötyö",
        "Ledarskap och chefsarbete",
        "Leadership and supervisory work",
        [
            ("esihenkilotyo", "Esihenkilötyö", "Chefsarbete", "Supervisory work"),
            (
                "tiedolla-johtaminen",
                "Tiedolla johtaminen",
                "Kunskapsbaserad ledning",
                "Knowledge-based management",
            ),
            ("muutosjohtaminen", "Muutosjohtaminen", "Förändringsledning", "Change management"),
        ],
    ),
    (
        "digitalisaatio",
        "Digitalisaatio",
        "Digitalisering",
        "Digitalisation",
        [
            ("sahkoiset-palvelut", "Sähköiset palvelut", "E-tjänster", "Digital services"),
            (
                "automaatio",
                "Automaatio ja robotiikka",
                "Automation och robotik",
                "Automation and robotics",
            ),
            (
                "eta-ja-hybridityo",
                "Etä- ja hybridityö",
                "Distans- och hybridarbete",
                "Remote and hybrid work",
            ),
        ],
    ),
    (
        "asiakaslahtoisyys",
        "Asiakaslähtöisyys",
        "Kundorientering",
        "Customer orientation",
        [
            ("asiakaspalaute", "Asiakaspalaute", "Kundrespons", "Customer feedback"),
            ("osallisuus", "Osallisuus", "Delaktighet", "Participation"),
        ],
    ),
    (
        "yhteiskehittaminen",
        "Yhteiskehittäminen",
        "Samutveckling",
        "Co-development",
        [
            (
                "verkostot",
                "Verkostot ja kumppanuudet",
                "Nätverk och partnerskap",
                "Networks and partnerships",
            ),
            (
                "henkiloston-osallistaminen",
                "Henkilöstön osallistaminen",
                "Personalens delaktighet",
                "Staff involvement",
            ),
        ],
    ),
    (
        "tyoturvallisuus",
        "Työturvallisuus ja työympäristö",
        "Arbetarskydd och arbetsmiljö",
        "Occupational safety and working environment",
        [
            (
                "tyotilat",
                "Työtilat ja ergonomia",
                "Arbetslokaler och ergonomi",
                "Workspaces and ergonomics",
            ),
            (
                "vakivallan-ehkaisy",
                "Väkivallan ehkäisy",
                "Förebyggande av våld",
                "Violence prevention",
            ),
        ],
    ),
    (
        "palvelujen-laatu",
        "Palvelujen laatu",
        "Tjänsternas kvalitet",
        "Quality of services",
        [
            ("vaikuttavuus", "Vaikuttavuus", "Effekter", "Impact"),
            ("saavutettavuus", "Saavutettavuus", "Tillgänglighet", "Accessibility"),
        ],
    ),
    (
        "rekrytointi",
        "Rekrytointi",
        "Rekrytering",
        "Recruitment",
        [
            ("tyonantajakuva", "Työnantajakuva", "Arbetsgivarbild", "Employer brand"),
            (
                "oppisopimus-ja-harjoittelu",
                "Oppisopimus ja harjoittelu",
                "Läroavtal och praktik",
                "Apprenticeships and traineeships",
            ),
        ],
    ),
]

CUSTOMER_GROUPS = [
    ("lapset-ja-nuoret", "Lapset ja nuoret", "Barn och unga", "Children and young people"),
    ("perheet", "Perheet", "Familjer", "Families"),
    ("tyoikaiset", "Työikäiset", "Personer i arbetsför ålder", "Working-age people"),
    ("ikaantyneet", "Ikääntyneet", "Äldre", "Older people"),
    ("henkilosto", "Henkilöstö", "Personal", "Personnel"),
    ("kaikki-asukkaat", "Kaikki asukkaat", "Alla invånare", "All residents"),
    ("yritykset", "Yritykset", "Företag", "Businesses"),
    ("maahan-muuttaneet", "Maahan muuttaneet", "Invandrare", "Immigrants"),
]


def _names(fi, sv, en):
    return {"name_fi": fi, "name_sv": sv, "name_en": en}


def load_initial_taxonomy(sector_model, theme_model, subtheme_model, customer_group_model):
    for position, (slug, *names) in enumerate(SECTORS, start=1):
        sector_model.objects.get_or_create(
            slug=slug, defaults={**_names(*names), "position": position}
        )
    for position, (slug, fi, sv, en, subthemes) in enumerate(THEMES, start=1):
        theme, _ = theme_model.objects.get_or_create(
            slug=slug, defaults={**_names(fi, sv, en), "position": position}
        )
        for sub_position, (sub_slug, *names) in enumerate(subthemes, start=1):
            subtheme_model.objects.get_or_create(
                slug=sub_slug, defaults={**_names(*names), "position": sub_position, "theme": theme}
            )
    for position, (slug, *names) in enumerate(CUSTOMER_GROUPS, start=1):
        customer_group_model.objects.get_or_create(
            slug=slug, defaults={**_names(*names), "position": position}
        )

"""Swedish building blocks per theme (see corpus_fi_themes.py)."""

# ruff: noqa: E501 -- prose: each sentence stays whole on one line, so it can be searched for.

from .parts import m

MEASURES = {
    "innovaatiot": (
        m(
            "innovaatiot",
            "månadens försök",
            "månadens försök",
            ("Vi beslöt att testa ett nytt arbetssätt i en månad och utvärdera det tillsammans.",),
            ("Vi samlade idéer från alla.", "Vi röstade fram tre idéer att testa."),
            "kokeilukulttuuri",
        ),
        m(
            "innovaatiot",
            "idébank",
            "en idébank",
            (
                "Alla kan lämna förslag i en gemensam idébank, och förslagen behandlas varannan vecka.",
            ),
            (),
            "kokeilukulttuuri",
        ),
    ),
    "luottamus": (
        m(
            "luottamus",
            "gemensamma spelregler",
            "gemensamma spelregler",
            ("Vi kom tillsammans överens om skriftliga spelregler.",),
            (),
            "yhteistoiminta",
        ),
        m(
            "luottamus",
            "veckobrev till personalen",
            "ett veckobrev till personalen",
            ("Förmannen sammanställer varje fredag ett kort brev om veckans händelser.",),
            (),
            "avoin-viestinta",
        ),
    ),
    "osaaminen": (
        m(
            "osaaminen",
            "checklista för introduktion",
            "en checklista för introduktion",
            ("Vi sammanställde en gemensam checklista så att alla nya får samma introduktion.",),
            (),
            "perehdytys",
        ),
        m(
            "osaaminen",
            "kollegialt mentorskap",
            "kollegialt mentorskap",
            ("Erfarna medarbetare är mentorer för nyanställda.",),
            (),
            "mentorointi",
        ),
    ),
    "tyohyvinvointi": (
        m(
            "tyohyvinvointi",
            "pausgympa",
            "pausgympa",
            ("Varje dag har vi tio minuters pausgympa, och ansvaret roterar.",),
            (),
            "liikunta-ja-terveys",
        ),
        m(
            "tyohyvinvointi",
            "kartläggning av belastningen",
            "en kartläggning av belastningen",
            ("Tillsammans med företagshälsovården gick vi igenom vad som belastar i arbetet.",),
            (),
            "kuormitus-ja-palautuminen",
        ),
    ),
    "digitalisaatio": (
        m(
            "digitalisaatio",
            "elektronisk tidsbokning",
            "elektronisk tidsbokning",
            ("{clients} kan boka tid på nätet dygnet runt.",),
            (),
            "sahkoiset-palvelut",
        ),
    ),
    "asiakaslahtoisyys": (
        m(
            "asiakaslahtoisyys",
            "kundpanel",
            "en kundpanel",
            ("En kundpanel träffas fyra gånger om året och kommenterar förändringarna.",),
            (),
            "osallisuus",
        ),
    ),
}

MOTIVES = {
    "innovaatiot": (
        "Vi ville se om en liten förändring kunde ge en stor effekt.",
        "Det fanns många idéer, men aldrig tid att pröva dem.",
    ),
    "luottamus": ("I personalenkäten fick informationsgången de sämsta betygen.",),
    "osaaminen": ("Introduktionen berodde på vem som råkade vara i tjänst.",),
    "tyohyvinvointi": ("Sjukfrånvaron hade ökat, och många berättade att de var trötta.",),
    "digitalisaatio": ("Pappersblanketter och telefonsamtal tog tid från det egentliga arbetet.",),
    "asiakaslahtoisyys": ("Samma önskemål återkom i kundresponsen år efter år.",),
}
DEFAULT_MOTIVES = ("Vi ville hitta ett bättre sätt att arbeta tillsammans.",)

GAINS = {
    "innovaatiot": ("litet försök, stor förändring", "ett nytt arbetssätt"),
    "luottamus": ("öppenhet skapar förtroende", "informationen når alla"),
    "osaaminen": ("kunskapen delas", "nya medarbetare kommer snabbare in i arbetet"),
    "tyohyvinvointi": ("mer ork i vardagen", "mindre stress"),
    "digitalisaatio": ("bort med pappret",),
    "asiakaslahtoisyys": ("kunden med i planeringen",),
}
DEFAULT_GAINS = ("tillsammans blev det bättre",)

TIPS = (
    "Ta med hela arbetsgemenskapen från början.",
    "Testa i liten skala först.",
    "Bestäm på förhand hur ni ska utvärdera resultatet.",
    "Fira framgångarna, även de små.",
    "Fråga kunderna direkt, de berättar gärna.",
    "Ge förändringen tid: de första veckorna är alltid svårast.",
)

QUOTES = (
    "Arbetet känns meningsfullt igen.",
    "Jag tror inte att vi går tillbaka till det gamla sättet.",
    "Det var en liten förändring, men effekten är stor.",
    "Nu vet jag vem jag ska fråga.",
)

GENERIC_RESULTS = (
    "I personalenkäten bedömde {pct2} procent av de svarande förändringen som positiv.",
    "Sjukfrånvaron minskade med {pct} procent under uppföljningen.",
    "Vi sparade uppskattningsvis {hours} timmar i månaden.",
)

GENERIC_STEPS = (
    "Vi gick igenom nuläget tillsammans med hela teamet.",
    "Vi gav försöket en tydlig början och ett tydligt slut.",
    "Vi utsåg en ansvarsperson för varje uppgift.",
    "Vi samlade in respons varannan vecka.",
    "Vi presenterade resultaten för ledningsgruppen.",
)

THEME_GOALS = {
    "innovaatiot": ("att hitta nya arbetssätt", "att göra vardagen smidigare"),
    "luottamus": ("att öka öppenheten", "att förbättra informationsgången"),
    "osaaminen": ("att stärka kompetensen", "att underlätta introduktionen av nya medarbetare"),
    "tyohyvinvointi": ("att minska belastningen", "att ge mer ork i vardagen"),
    "digitalisaatio": ("att minska pappersarbetet",),
    "asiakaslahtoisyys": ("att lyssna bättre på {clients}",),
}

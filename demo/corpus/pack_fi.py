"""Finnish sentence frames that join the topic corpora into a story.

Frames are ``(template, weight)``; a frame naming ``{place_…}`` is used only when
the deed has a place (an organisation without a home municipality has none).
"""

from ..writer import Pack
from . import (
    corpus_fi_admin,
    corpus_fi_care,
    corpus_fi_education,
    corpus_fi_goals,
    corpus_fi_services,
    corpus_fi_social,
    corpus_fi_support,
    corpus_fi_theme_measures,
    corpus_fi_themes,
    corpus_fi_workplace,
)

TOPICS = (
    corpus_fi_care.TOPICS
    + corpus_fi_education.TOPICS
    + corpus_fi_services.TOPICS
    + corpus_fi_support.TOPICS
    + corpus_fi_admin.TOPICS
    + corpus_fi_social.TOPICS
    + corpus_fi_workplace.TOPICS
)

PACK = Pack(
    lang="fi",
    topics=TOPICS,
    theme_measures=corpus_fi_theme_measures.MEASURES,
    motives=corpus_fi_themes.MOTIVES,
    default_motives=("Halusimme löytää paremman tavan tehdä työtä yhdessä.",),
    gains=corpus_fi_themes.GAINS,
    default_gains=("yhdessä paremmaksi",),
    theme_tips=corpus_fi_themes.TIPS,
    generic_tips=corpus_fi_themes.GENERIC_TIPS,
    quotes=corpus_fi_themes.QUOTES,
    generic_results=corpus_fi_themes.GENERIC_RESULTS,
    generic_steps=corpus_fi_themes.GENERIC_STEPS,
    titles=(
        ("{m} {topic_loc}", 1),
        ("{m} {topic_loc} {place_loc}", 3),
        ("{m} {place_loc}", 2),
        ("{place_gen} {topic_gen} {m}", 3),
        ("{unit}: {m}", 2),
        ("{unit} {place_loc}: {m}", 1),
        ("{m}: {gain}", 0.5),
        ("{gain}: {m} {topic_loc}", 1),
        ("{gain}: {m} {place_loc}", 1),
        ("{hook}: {m}", 0.5),
        ("{hook} – {m} {place_loc}", 2),
        ("{hook} {place_loc}", 1),
        ("kokeilimme {m_par} {topic_loc} {place_loc}", 1),
        ("näin teimme {place_loc}: {m}", 1),
        ("{m} ja {m2} {topic_loc}", 0.5),
        ("{m} ja {m2} {place_loc}", 1),
        ("{place_loc} kehitettiin {topic_gen} {m_par}", 2),
        ("miten {goal}? {m} {topic_loc}", 1),
        ("miten {goal}? {place_gen} {topic_gen} {m}", 1),
        ("{m} {topic_loc} – {gain}", 0.5),
        ("{m} {place_loc}: {gain}", 2),
        ("{place_gen} {topic_loc} kokeiltiin {m_par}", 2),
        ("{place_gen} {topic_loc} otettiin käyttöön {m}", 1),
    ),
    kind_titles={
        "experiment": (
            ("kokeilu: {m} {topic_loc}", 2),
            ("{topic_gen} kokeilu: {m}", 1),
            ("{place_loc} kokeiltiin {m_par}", 1),
        ),
        "project": (
            ("{topic_gen} kehittämishanke: {m}", 2),
            ("hanke: {m} {place_loc}", 1),
            ("{place_gen} {topic_gen} hanke: {m}", 1),
        ),
    },
    openers=(
        ("{place_gen} {topic_loc} kokeiltiin {m_par}.", 2),
        ("{place_gen} {topic_loc} otettiin käyttöön {m}.", 2),
        ("{place_loc} {staff} kehittivät {m_par}.", 2),
        ("kokeilimme {topic_loc} {m_par}, jotta voisimme {goal}.", 2),
        ("halusimme {goal}, joten aloimme kehittää {m_par}.", 2),
        ("{topic_loc} otettiin käyttöön uusi toimintatapa: {m}.", 1),
        ("kehitimme {topic_loc} {m_par}.", 1),
    ),
    goal_sentences=("Tavoitteena oli {goal}.", "Halusimme {goal}.", "Tavoitteenamme oli {goal}."),
    description_intros=(
        "Ratkaisuksi kehitimme {m_par}.",
        "Päätimme kokeilla {m_par}.",
        "Lähdimme rakentamaan {m_par}.",
        "Keskeinen muutos: {m}.",
        "{topic_loc} otettiin käyttöön {m}.",
    ),
    second_measure=("Lisäksi kokeilimme {m2_par}.", "Samalla kehitimme {m2_par}."),
    parts_intro=(
        "Muutoksen keskeiset osat:",
        "Käytännössä tämä tarkoittaa:",
        "Mallissa on kolme osaa:",
    ),
    starts=(
        "Aloitimme {season} {year}.",
        "Työ alkoi {season} {year}.",
        "Kehittäminen käynnistyi {season} {year}.",
    ),
    kind_lengths={
        "experiment": ("Kokeilu kesti {weeks} viikkoa.", "Kokeilujakso oli {weeks} viikkoa."),
        "project": ("Hanke kesti {months} kuukautta.", "Hankkeen kesto oli {months} kuukautta."),
        "improvement": ("Muutos tehtiin oman työn ohessa.", "Erillistä rahoitusta ei tarvittu."),
    },
    steps_intros=("Etenimme näin:", "Työn vaiheet:", "Näin toimimme:"),
    participants=("Mukana oli {n} työntekijää.", "Kehittämiseen osallistui {n} työntekijää."),
    partner_sentences=("Teimme työn yhdessä {partner} kanssa.", "Kumppaninamme oli {partner_nom}."),
    funding={
        "external": "Hanketta rahoitettiin {funder} tuella.",
        "both": "Hanke rahoitettiin omalla rahoituksella ja {funder} tuella.",
        "own": "Hanke rahoitettiin kokonaan omalla budjetilla.",
    },
    results_intros=("Tärkeimmät tulokset:", "Tuloksia:", "Mitä saimme aikaan:"),
    quote_frames=("– {quote}, kertoo {role}.", "– {quote}, sanoo {role}."),
    tips_intros=("Vinkkimme muille:", "Jos kokeilette samaa, muistakaa tämä:", "Vinkit:"),
    seasons={
        12: "talvella",
        1: "talvella",
        2: "talvella",
        3: "keväällä",
        4: "keväällä",
        5: "keväällä",
        6: "kesällä",
        7: "kesällä",
        8: "kesällä",
        9: "syksyllä",
        10: "syksyllä",
        11: "syksyllä",
    },
    redundant=(("kokeilu", "kokeil"),),
    measure_goals=corpus_fi_goals.MEASURE_GOALS,
    theme_goals=corpus_fi_goals.THEME_GOALS,
)

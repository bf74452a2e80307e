"""The building blocks the demo stories are composed from.

A *topic* is a field of work (home care, school catering, the library) with the
inflected forms of its name, its people and its typical problems; a *measure* is
something a workplace did about them, tied to a theme. Text templates use
``str.format`` fields:

Finnish: ``{topic}`` ``{topic_gen}`` ``{topic_loc}`` (kotihoito, kotihoidon,
kotihoidossa); ``{staff}`` ``{staff_gen}`` ``{staff_par}`` ``{staff_all}`` and the
same four for ``{clients…}`` (nominative, genitive, partitive and allative plural);
``{place_gen}`` ``{place_loc}`` (Limingan, Limingassa); ``{m}`` ``{m_par}`` (the
measure in the nominative and partitive).

Swedish: ``{topic}`` (definite, "hemvården"), ``{staff}``, ``{clients}``,
``{place}``, ``{m}``.

Numbers: ``{pct}`` (5–40), ``{pct2}`` (45–90), ``{n}`` (3–30), ``{n2}`` (40–400),
``{hours}``, ``{weeks}``, ``{months}``, ``{score1}`` < ``{score2}`` (1–5 scale with
a decimal comma), ``{season}`` and ``{year}``.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Measure:
    theme: str  # taxonomy theme slug
    nom: str  # "yhteinen perehdytysmalli"
    par: str  # "yhteistä perehdytysmallia" (Swedish: same as nom)
    what: tuple  # sentences: what was done
    steps: tuple = ()  # bullet points: how
    sub: str = ""  # the subtheme slug it illustrates best
    results: tuple = ()  # result sentences only this measure explains


@dataclass(frozen=True)
class Topic:
    key: str
    sector: str  # taxonomy sector slug
    forms: tuple  # Finnish: (nom, gen, loc); Swedish: (indefinite, definite, "i …")
    staff: tuple  # Finnish: (nom, gen, par, all) plural; Swedish: (definite plural,)
    clients: tuple
    units: tuple
    groups: tuple  # customer group slugs
    context: tuple
    problems: tuple
    # Finnish: infinitive phrases ("vähentää …"); Swedish: "att …" phrases. Used when
    # neither the measure nor its theme has goals of its own (see corpus_fi_goals.py).
    goals: tuple
    measures: tuple
    metrics: tuple  # result sentences with numbers
    hooks: tuple = ()  # short title phrases
    tips: tuple = ()
    roles: tuple = ()  # contact persons' titles
    owners: frozenset = field(default_factory=lambda: frozenset({"municipality"}))


def m(theme, nom, par, what, steps=(), sub="", results=()):
    return Measure(theme, nom, par, tuple(what), tuple(steps), sub, tuple(results))


def topic(key, sector, forms, staff, clients, **kwargs):
    owners = frozenset(kwargs.pop("owners", ("municipality",)))
    data = {k: tuple(v) for k, v in kwargs.items()}
    return Topic(key, sector, tuple(forms), tuple(staff), tuple(clients), owners=owners, **data)

"""Compose one deed's title, summary and story sections from a language pack.

Language-neutral: everything that is Finnish or Swedish lives in the packs
(pack_fi.py, pack_sv.py) and their corpora; this module only decides which parts
to use, fills in the numbers and lays the text out in paragraphs and lists.
"""

import zlib
from dataclasses import dataclass

SUMMARY_MAX = 800
TITLE_MAX = 200
NUMBER_RANGES = {
    "pct": (5, 40),
    "pct2": (45, 90),
    "n": (3, 30),
    "n2": (40, 400),
    "hours": (5, 60),
    "weeks": (3, 12),
    "months": (6, 24),
}


@dataclass
class Pack:
    lang: str
    topics: list
    theme_measures: dict
    motives: dict
    default_motives: tuple
    gains: dict
    default_gains: tuple
    theme_tips: dict
    generic_tips: tuple
    quotes: tuple
    generic_results: tuple
    generic_steps: tuple
    titles: tuple
    kind_titles: dict
    openers: tuple
    goal_sentences: tuple
    description_intros: tuple
    second_measure: tuple
    parts_intro: tuple
    starts: tuple
    kind_lengths: dict
    steps_intros: tuple
    participants: tuple
    partner_sentences: tuple
    funding: dict
    results_intros: tuple
    quote_frames: tuple
    tips_intros: tuple
    seasons: dict
    # (word in a measure's name, stem of frames that would repeat it): no "kokeiltiin kokeilua"
    redundant: tuple = ()
    measure_goals: dict | None = None  # measure name -> goals
    theme_goals: dict | None = None  # theme slug -> goals

    def usable(self, options, missing):
        """Options (strings or (template, weight) pairs) that need none of the missing fields."""
        if not missing:
            return options
        return tuple(
            o
            for o in options
            if not any(stem in (o[0] if isinstance(o, tuple) else o) for stem in missing)
        )


@dataclass
class Story:
    """What the planner decided about a deed and the writer needs to know."""

    topic: object
    themes: list  # theme slugs, the first is the main one
    kind: str
    place: dict | None  # fi: place_gen, place_loc; sv: place
    partner: tuple | None  # (name in the genitive or as used in Swedish, nominative)
    unit: str
    funding: str
    funder: str  # in the form the funding sentence needs
    start: object  # date the work started
    months: int | None  # project length


class Numbers(dict):
    """Template fields whose numbers are drawn per sentence.

    The same sentence gets the same numbers wherever it appears in a deed (the summary
    repeats a result), while different sentences get different ones.
    """

    __slots__ = ("salt",)

    def __missing__(self, key):
        if key in NUMBER_RANGES:
            low, high = NUMBER_RANGES[key]
            return low + zlib.crc32(key.encode(), self.salt) % (high - low + 1)
        if key in ("score1", "score2"):
            first = 26 + zlib.crc32(b"score1", self.salt) % 11
            if key == "score1":
                return decimal(first / 10)
            return decimal(min(48, first + 2 + zlib.crc32(b"score2", self.salt) % 9) / 10)
        raise KeyError(key)


def cap(text):
    return text[:1].upper() + text[1:] if text else text


def bullets(items):
    return "\n".join(f"- {cap(item)}" for item in items)


def decimal(value):
    return f"{value:.1f}".replace(".", ",")


class Writer:
    def __init__(self, pack):
        self.pack = pack

    def choose_measures(self, rng, topic, themes):
        """The main measure (matching one of the themes) and sometimes a second one."""
        pack = self.pack
        own = [m for m in topic.measures if m.theme in themes]
        generic = [m for theme in themes for m in pack.theme_measures.get(theme, ())]
        pool = own if own and (not generic or rng.random() < 0.6) else generic
        if not pool:
            pool = list(topic.measures)
        first = rng.choice(pool)
        rest = [m for m in own + generic if m is not first] or [
            m for m in topic.measures if m is not first
        ]
        second = rng.choice(rest) if rest and rng.random() < 0.45 else None
        return first, second

    def write(self, rng, story, first, second):
        pack, topic = self.pack, story.topic
        missing = tuple(
            stem for stem, value in (("{place", story.place), ("{unit", story.unit)) if not value
        )
        f = self._fields(rng, story, first, second)
        salt = rng.getrandbits(32)
        clash = tuple(stem for word, stem in pack.redundant if word in first.nom)

        def fill(template):
            fields = Numbers(f)
            fields.salt = zlib.crc32(template.encode(), salt)
            return template.format_map(fields)

        def plain(frames):
            if not clash:
                return frames
            kept = tuple(
                x
                for x in frames
                if not any(stem in (x[0] if isinstance(x, tuple) else x) for stem in clash)
            )
            return kept or frames

        def one(options):
            return fill(rng.choice(pack.usable(options, missing)))

        def weighted(frames):
            frames = pack.usable(frames, missing)
            return fill(rng.choices([t for t, _ in frames], [w for _, w in frames])[0])

        def some(options, low, high):
            options = pack.usable(options, missing)
            k = min(len(options), rng.randint(low, high))
            return [cap(fill(o)) for o in rng.sample(options, k)]

        titles = pack.titles + pack.kind_titles.get(story.kind, ())
        if second is None:
            titles = tuple(t for t in titles if "{m2" not in t[0])
        title = cap(weighted(plain(titles)))
        if "? " in title:
            question, rest = title.split("? ", 1)
            title = f"{question}? {cap(rest)}"
        if len(title) > TITLE_MAX:
            title = cap(f["m"])

        main = story.themes[0]
        # A topic's own measure moves the topic's figures; a generic one (a theme's) is
        # mostly judged by what the staff and the survey say.
        specific = first in topic.measures
        metrics = topic.metrics if specific or rng.random() < 0.3 else pack.generic_results

        own_results = first.results
        opener = weighted(plain(pack.openers))
        summary = [cap(opener)]
        if rng.random() < 0.55:
            states_goal = f["goal"] in opener or rng.random() < 0.5
            summary.append(cap(one(topic.problems) if states_goal else one(pack.goal_sentences)))
        if rng.random() < 0.7:
            summary.append(cap(one(own_results if own_results and rng.random() < 0.7 else metrics)))
        while len(" ".join(summary)) > SUMMARY_MAX and len(summary) > 1:
            summary.pop()

        background = []
        first_paragraph = some(topic.context, 0, 1) + some(topic.problems, 1, 2)
        background.append(" ".join(first_paragraph))
        if rng.random() < 0.6:
            motive = one(pack.motives.get(main, pack.default_motives))
            background.append(f"{cap(motive)} {cap(one(pack.goal_sentences))}")

        what = [cap(fill(s)) for s in first.what]
        intro = cap(one(plain(pack.description_intros)))
        extra = []
        if second is not None:
            clash2 = tuple(stem for word, stem in pack.redundant if word in second.nom)
            frames = tuple(t for t in pack.second_measure if not any(c in t for c in clash2))
            intro2 = cap(fill(rng.choice(frames or pack.second_measure)))
            extra = [intro2] + [cap(fill(s)) for s in second.what[:1]]
        if len(what) >= 2 and rng.random() < 0.35:
            description = f"{intro}\n\n{one(pack.parts_intro)}\n{bullets(what)}"
            if extra:
                description += "\n\n" + " ".join(extra)
        else:
            description = " ".join([intro, *what])
            if extra:
                description += "\n\n" + " ".join(extra)

        start = [cap(one(pack.starts)), cap(one(pack.kind_lengths[story.kind]))]
        steps = [cap(fill(s)) for s in first.steps]
        if second is not None:
            steps += [cap(fill(s)) for s in second.steps[:1]]
        generic = pack.usable(pack.generic_steps, missing)
        steps += [
            cap(fill(s))
            for s in rng.sample(generic, max(0, min(len(generic), rng.randint(3, 5) - len(steps))))
        ]
        implementation = [" ".join(start)]
        if rng.random() < 0.7:
            implementation.append(f"{one(pack.steps_intros)}\n{bullets(steps)}")
        else:
            implementation.append(" ".join(steps[:3]))
        closing = []
        if rng.random() < 0.5:
            closing.append(cap(one(pack.participants)))
        if story.partner is not None:
            closing.append(cap(one(pack.partner_sentences)))
        if story.kind == "project" and story.funding:
            closing.append(cap(fill(pack.funding[story.funding])))
        if closing:
            implementation.append(" ".join(closing))

        found = [cap(fill(s)) for s in own_results] + some(metrics, 0 if own_results else 1, 2)
        more = topic.metrics if metrics is pack.generic_results else pack.generic_results
        found += some(more, 0, 1)
        if rng.random() < 0.4:
            results = [f"{one(pack.results_intros)}\n{bullets(found)}"]
        else:
            results = [" ".join(found)]
        if rng.random() < 0.5:
            results.append(one(pack.quote_frames))

        tip_pool = [t for theme in story.themes for t in pack.theme_tips.get(theme, ())]
        tip_pool += list(topic.tips) + list(rng.sample(pack.generic_tips, 3))
        tip_pool = list(dict.fromkeys(tip_pool))
        if rng.random() < 0.65:
            chosen = rng.sample(tip_pool, min(len(tip_pool), rng.randint(2, 4)))
            tips = f"{one(pack.tips_intros)}\n{bullets(chosen)}"
        else:
            tips = " ".join(cap(t) for t in rng.sample(tip_pool, min(len(tip_pool), 2)))

        return {
            "title": title,
            "summary": " ".join(summary),
            "background": "\n\n".join(background),
            "description": description,
            "implementation": "\n\n".join(implementation),
            "results": "\n\n".join(results),
            "tips": tips,
        }

    def _fields(self, rng, story, first, second):
        pack, topic = self.pack, story.topic
        f = {
            "m": first.nom,
            "m_par": first.par,
            "m2": second.nom if second else "",
            "m2_par": second.par if second else "",
            "gain": rng.choice(pack.gains.get(rng.choice(story.themes), pack.default_gains)),
            "hook": rng.choice(topic.hooks) if topic.hooks else cap(first.nom),
            "season": pack.seasons[story.start.month],
            "year": story.start.year,
            "role": rng.choice(topic.roles) if topic.roles else "",
            "quote": rng.choice(pack.quotes).rstrip("."),
            "funder": story.funder,
            "unit": story.unit,
        }
        if pack.lang == "sv":
            f.update(
                topic=topic.forms[1],
                topic_in=topic.forms[2],
                staff=topic.staff[0],
                clients=topic.clients[0],
            )
        else:
            f.update(topic=topic.forms[0], topic_gen=topic.forms[1], topic_loc=topic.forms[2])
            for key, forms in (("staff", topic.staff), ("clients", topic.clients)):
                f.update(zip((key, f"{key}_gen", f"{key}_par", f"{key}_all"), forms, strict=True))
        if story.months:
            f["months"] = story.months
        goals = (pack.measure_goals or {}).get(first.nom) or (pack.theme_goals or {}).get(
            first.theme
        )
        f["goal"] = rng.choice(goals or topic.goals).format_map(f)
        f["goal_bare"] = f["goal"].removeprefix("att ")
        if story.place:
            f.update(story.place)
        if story.partner:
            f["partner"], f["partner_nom"] = story.partner
        return f

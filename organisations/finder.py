"""Find organisations and municipalities by what people type.

People type "Liminka", "Limingan", "Limnka", "Helsingfors", "Oulun kaupunki", a
business ID or the first letters of a name, and expect their own organisation at the
top — not an empty list that makes them create a duplicate. So a query word matches a
name word when it is

- the same word or the same base form ("Limingan" -> "liminka", as the deed search
  analyses words: Voikko for Finnish, Snowball for Swedish and English),
- the beginning of a name word ("limi", "kuntayht"), or
- one edit away from a name word or its base form ("Limnka", "Hlsinki"), for words of
  four letters or more (shorter ones would match half the registry).

Every query word must match. An organisation also matches through its home
municipality's Finnish and Swedish names, more weakly, so "Liminka" lists the Liminka
municipality first, then Liminka's joint authorities and companies.

Speed: an in-memory index per process (a few MB at thousands of organisations), so a
keystroke in the share form costs a dictionary lookup, not a LIKE scan. It is rebuilt
when the organisations change; see ``_fingerprint``.

Layering: organisations is a reference app and imports only ``core``, where the
Finnish word analysis shared with the deed search lives (``core.analysis``).
"""

import re
import threading
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass, field

from django.db.models import Count, Max, Q

from core import analysis

from .models import Municipality, Organisation, OrganisationType

MAX_QUERY = 200  # characters; no organisation name is longer
MAX_WORDS = 8
BUSINESS_ID = re.compile(r"^(\d{7})-?(\d)$")
MIN_PREFIX = 2
MIN_TYPO = 4

# Score of one query word by how it matched (exact, prefix, typo) and where (the
# organisation's own name, or its home municipality's name).
SCORES = {
    ("exact", "own"): 4.0,
    ("prefix", "own"): 3.0,
    ("typo", "own"): 2.0,
    ("exact", "home"): 1.5,
    ("prefix", "home"): 1.0,
    ("typo", "home"): 0.5,
}
# A municipality's name typed: the municipality or city itself before everything else.
HOME_BONUS = 3.0
# Within the same score: the municipality first, then its joint authorities and companies.
TYPE_ORDER = {
    OrganisationType.MUNICIPALITY: 0,
    OrganisationType.JOINT_AUTHORITY: 1,
    OrganisationType.COMPANY: 2,
    OrganisationType.WELLBEING_COUNTY: 3,
    OrganisationType.OTHER: 4,
}


def clean_query(text):
    """What was typed, without control and format characters (NUL, zero-width, bidi
    overrides: pasted from elsewhere, never meant), spaces collapsed, cut to MAX_QUERY
    characters."""
    text = "".join(
        " " if c.isspace() else c
        for c in str(text or "")
        if c.isspace() or unicodedata.category(c)[0] != "C"
    )
    return " ".join(text[:MAX_QUERY].split())


def _deletions(word):
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _within_one_edit(a, b):
    """Optimal string alignment distance <= 1: one insertion, deletion, substitution or
    swap of neighbouring letters."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    i = 0
    while i < min(la, lb) and a[i] == b[i]:
        i += 1
    if la == lb:
        if a[i + 1 :] == b[i + 1 :]:
            return True
        return i + 1 < la and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2 :] == b[i + 2 :]
    if la > lb:
        return a[i + 1 :] == b[i:]
    return a[i:] == b[i + 1 :]


@dataclass
class NameIndex:
    """Words of names -> entries, with base forms, prefixes and one-edit neighbours."""

    terms: dict = field(default_factory=dict)  # term -> {entry: "own" | "home"}
    words: list = field(default_factory=list)  # sorted terms, for prefixes
    near: dict = field(default_factory=dict)  # one deletion -> {term}

    def add(self, entry, text, language, where):
        for word, _span in analysis.words(text):
            terms = {word} | analysis.analyse_word(word, language).terms
            if language != "fi":
                # Names are often Finnish inside a Swedish or English name (Oy, Ab).
                terms |= analysis.analyse_word(word, "fi").bases
            for term in terms:
                places = self.terms.setdefault(term, {})
                if places.get(entry) != "own":
                    places[entry] = where

    def freeze(self):
        self.words = sorted(self.terms)
        for term in self.words:
            if len(term) >= MIN_TYPO - 1:
                for variant in _deletions(term) | {term}:
                    self.near.setdefault(variant, set()).add(term)

    def _prefixed(self, word):
        start = bisect_left(self.words, word)
        for term in self.words[start:]:
            if not term.startswith(word):
                break
            yield term

    def _neighbours(self, word):
        found = set()
        for variant in _deletions(word) | {word}:
            found |= self.near.get(variant, set())
        return {term for term in found if _within_one_edit(word, term)}

    def match_word(self, word):
        """{entry: best score} for one query word."""
        exact = {word} | analysis.query_terms(word)
        matches = [(term, "exact") for term in exact if term in self.terms]
        if len(word) >= MIN_PREFIX:
            matches += [(term, "prefix") for term in self._prefixed(word)]
        if len(word) >= MIN_TYPO:
            matches += [(term, "typo") for term in self._neighbours(word)]
        best = {}
        for term, how in matches:
            for entry, where in self.terms[term].items():
                score = SCORES[(how, where)]
                if score > best.get(entry, 0):
                    best[entry] = score
        return best

    def match(self, text):
        """{entry: score}; every word must match something."""
        words = [word for word, _span in analysis.words(text)][:MAX_WORDS]
        total = None
        for word in words:
            scores = self.match_word(word)
            if total is None:
                total = scores
            else:
                total = {entry: total[entry] + scores[entry] for entry in total if entry in scores}
            if not total:
                return {}
        return total or {}


@dataclass(frozen=True)
class FoundOrganisation:
    pk: int
    slug: str
    names: dict  # name_fi, name_sv, name_en
    type: str
    municipality: str | None  # code
    municipality_pk: int | None
    business_id: str
    sort_key: str
    home_names: dict  # the home municipality's name_fi, name_sv (empty without one)

    def name(self, language=None):
        from core.i18n import localized

        return localized(self.names, language=language)

    def home(self, language=None):
        from core.i18n import localized

        return localized(self.home_names, language=language) if self.home_names else ""

    def type_label(self):
        return OrganisationType(self.type).label

    @property
    def name_fi(self):
        return self.names["name_fi"]


@dataclass
class Finder:
    fingerprint: tuple
    organisations: list
    organisation_index: NameIndex
    municipalities: list  # (code, name_fi, name_sv)
    municipality_index: NameIndex
    by_business_id: dict

    def organisations_for(self, text, limit=20):
        text = clean_query(text)
        if not text:
            return []
        business_id = BUSINESS_ID.match(text.replace(" ", ""))
        if business_id:
            wanted = "-".join(business_id.groups())
            return [self.organisations[i] for i in self.by_business_id.get(wanted, [])][:limit]
        # The municipalities whose name was typed: their own organisation comes first.
        homes = set(self.municipalities_for(text))
        scored = []
        for entry, score in self.organisation_index.match(text).items():
            found = self.organisations[entry]
            if found.type == OrganisationType.MUNICIPALITY and found.municipality in homes:
                score += HOME_BONUS
            scored.append((-score, TYPE_ORDER.get(found.type, 9), found.sort_key, entry))
        scored.sort()
        return [self.organisations[entry] for *_rest, entry in scored[:limit]]

    def municipalities_for(self, text, limit=None):
        """Codes of municipalities, best match first."""
        text = clean_query(text)
        if not text:
            return []
        matched = self.municipality_index.match(text)
        ranked = sorted(matched, key=lambda entry: (-matched[entry], entry))
        return [self.municipalities[entry][0] for entry in ranked[:limit]]


def _fingerprint():
    """Changes whenever an organisation is added, removed or saved.

    Why not the catalogue's version token (deeds.CatalogueVersion): organisations is a
    reference app and may not import the deeds app. One aggregate over a table of a few
    thousand rows costs well under a millisecond. Every save (admin, services, commands)
    moves ``updated_at``; a bare ``QuerySet.update()`` would not, so none is used on
    organisations. Municipality names change only with the reference data
    (migrations), so their count is enough.
    """
    row = Organisation.objects.aggregate(n=Count("id"), last=Max("updated_at"), top=Max("id"))
    return (row["n"], row["last"], row["top"], Municipality.objects.count())


def build(fingerprint):
    organisations, index, by_business_id = [], NameIndex(), {}
    municipality_names = {
        m.pk: (m.name_fi, m.name_sv) for m in Municipality.objects.only("name_fi", "name_sv")
    }
    rows = (
        Organisation.objects.public()
        .select_related("municipality")
        .order_by("sort_key", "id")
        .values(
            "pk",
            "slug",
            "type",
            "municipality_id",
            "municipality__code",
            "business_id",
            "sort_key",
            "name_fi",
            "name_sv",
            "name_en",
        )
    )
    home_names = {
        pk: {"name_fi": name_fi, "name_sv": name_sv}
        for pk, (name_fi, name_sv) in municipality_names.items()
    }
    for entry, row in enumerate(rows):
        organisations.append(
            FoundOrganisation(
                row["pk"],
                row["slug"],
                {k: row[k] for k in ("name_fi", "name_sv", "name_en")},
                row["type"],
                row["municipality__code"],
                row["municipality_id"],
                row["business_id"],
                row["sort_key"],
                home_names.get(row["municipality_id"], {}),
            )
        )
        for language in ("fi", "sv", "en"):
            index.add(entry, row[f"name_{language}"], language, "own")
        if row["municipality_id"] in municipality_names:
            name_fi, name_sv = municipality_names[row["municipality_id"]]
            index.add(entry, name_fi, "fi", "home")
            index.add(entry, name_sv, "sv", "home")
        if row["business_id"]:
            by_business_id.setdefault(row["business_id"], []).append(entry)
    index.freeze()
    municipalities, municipality_index = [], NameIndex()
    for entry, m in enumerate(Municipality.objects.order_by("sort_key")):
        municipalities.append((m.code, m.name_fi, m.name_sv))
        municipality_index.add(entry, m.name_fi, "fi", "own")
        municipality_index.add(entry, m.name_sv, "sv", "own")
    municipality_index.freeze()
    return Finder(
        fingerprint, organisations, index, municipalities, municipality_index, by_business_id
    )


_lock = threading.Lock()
_current = None


def get_finder():
    """The finder as of now: one cheap query, a rebuild only after a change."""
    global _current
    fingerprint = _fingerprint()
    finder = _current
    if finder is not None and finder.fingerprint == fingerprint:
        return finder
    with _lock:
        if _current is None or _current.fingerprint != fingerprint:
            _current = build(fingerprint)
        return _current


def find_organisations(text, limit=20):
    """Active organisations matching what was typed, best first."""
    return get_finder().organisations_for(text, limit)


def find_municipalities(text, limit=None):
    """Municipality codes matching what was typed, best first."""
    return get_finder().municipalities_for(text, limit)


def organisation_named(name):
    """The one active organisation with exactly this name (Finnish or Swedish), or None."""
    name = " ".join(name.split())
    if not name:
        return None
    found = list(
        Organisation.objects.public().filter(Q(name_fi__iexact=name) | Q(name_sv__iexact=name))[:2]
    )
    return found[0] if len(found) == 1 else None

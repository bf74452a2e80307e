"""Dictionaries from the names, labels, slugs and codes in a file to primary keys.

Built once per pass with a handful of queries, so that resolving a value never
costs a query per line. They also hold the organisations the file names that the
portal does not know yet (organisation_names.py).
"""

import difflib
import unicodedata

from organisations.models import Municipality, Organisation
from taxonomy.models import CustomerGroup, Sector, Subtheme, Theme

# (JSON field and Deed attribute, model, singular name used in messages)
VOCABULARIES = (
    ("sectors", Sector, "sector"),
    ("themes", Theme, "theme"),
    ("subthemes", Subtheme, "subtheme"),
    ("customer_groups", CustomerGroup, "customer group"),
)
_NAMED_ROWS = ("pk", "slug", "name_fi", "name_sv", "name_en")

AMBIGUOUS = object()  # a name that fits more than one row


def match_key(text):
    """How labels and names are compared: Unicode-normalised, case and spacing ignored."""
    return " ".join(unicodedata.normalize("NFC", text).split()).casefold()


def _add(index, key, pk):
    if key:
        index[key] = pk if index.get(key, pk) == pk else AMBIGUOUS


def _slugs_and_names(queryset):
    """Two dictionaries, from slug and from any name, to the row's primary key."""
    slugs, names = {}, {}
    for pk, slug, *labels in queryset.values_list(*_NAMED_ROWS):
        _add(slugs, match_key(slug), pk)
        for label in labels:
            _add(names, match_key(label), pk)
    return slugs, names


def _lookup(slugs, names, text):
    # A slug is unique and stable, so it wins over a name that happens to match it.
    key = match_key(text)
    return slugs.get(key) or names.get(key)


class Lookups:
    """Labels, names and codes to primary keys, built once per pass."""

    def __init__(self, create_organisations, new_organisations=None):
        self.create_organisations = create_organisations
        self.vocabularies = {
            attr: _slugs_and_names(model.objects) for attr, model, _name in VOCABULARIES
        }
        self.theme_of_subtheme = Subtheme.objects.theme_of_each()

        self.municipality_codes = dict(Municipality.objects.values_list("code", "pk"))
        self.municipality_names = {}
        for pk, *names in Municipality.objects.values_list("pk", "name_fi", "name_sv"):
            for name in names:
                _add(self.municipality_names, match_key(name), pk)

        self.organisations = _slugs_and_names(Organisation.objects)
        # match key -> organisation_names.NewOrganisation, in the order first named
        self.new_organisations = {} if new_organisations is None else new_organisations

    def term(self, attr, text):
        return _lookup(*self.vocabularies[attr], text)

    def term_suggestion(self, attr, text):
        slugs, names = self.vocabularies[attr]
        close = difflib.get_close_matches(match_key(text), [*slugs, *names], n=1)
        return close[0] if close else None

    def municipality(self, text):
        code = text.strip()
        if code.isdigit() and len(code) <= 3:
            # Spreadsheets drop leading zeros: 91 is Helsinki, 091.
            return self.municipality_codes.get(code.zfill(3))
        return self.municipality_names.get(match_key(text))

    def organisation(self, text):
        return _lookup(*self.organisations, text)

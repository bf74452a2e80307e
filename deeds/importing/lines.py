"""One line of the file: parsed and checked into a ``Record``, or into its problems."""

import difflib
import json
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import unquote, urlsplit
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.utils import timezone

from deeds.models import ContentLanguage, Deed, DeedContact, DeedKind, DeedLink, DeedStatus, Funding
from organisations.models import Organisation, OrganisationType
from taxonomy.models import themes_with_subthemes

from .lookups import AMBIGUOUS, VOCABULARIES
from .organisation_names import UnusableNameError, main_organisation, partner
from .values import DEED_MAX_LENGTHS, ValueChecker, max_length, type_name

# The format defines naive times as Helsinki time, whatever the server's settings say.
HELSINKI = ZoneInfo("Europe/Helsinki")

SECTION_FIELDS = ("background", "description", "implementation", "results", "tips")
KNOWN_FIELDS = frozenset(
    (
        "title summary body organisation organisation_type partners municipality sectors"
        " themes subthemes customer_groups kind published_at unit language contact links"
        " funding funder project_start project_end url"
    ).split()
    + list(SECTION_FIELDS)
)
CONTACT_FIELDS = ("name", "role", "email", "phone", "consent")
LINK_FIELDS = ("url", "title")

# Values and the labels editors know them by on the old site, in Finnish, Swedish
# and English (compared after normalising case and whitespace).
KIND_LABELS = {
    DeedKind.IMPROVEMENT: ("everyday improvement", "arjen parannus", "vardagsförbättring"),
    DeedKind.PROJECT: ("hanke", "projekti", "projekt"),
    DeedKind.EXPERIMENT: ("kokeilu", "försök"),
}
FUNDING_LABELS = {
    Funding.OWN: ("own funding", "oma rahoitus", "egen finansiering"),
    Funding.EXTERNAL: ("external funding", "ulkoinen rahoitus", "extern finansiering"),
    Funding.BOTH: (
        "own and external funding",
        "oma ja ulkoinen rahoitus",
        "egen och extern finansiering",
    ),
}

ORGANISATION_NAME_MAX = max_length(Organisation, "name_fi")
_url_validator = URLValidator(schemes=["http", "https"])


@dataclass
class Record:
    """One valid line, ready to become a deed.

    An organisation is the pk of an existing one, or the match key of a new one.
    """

    line: int
    fields: dict
    organisation: int | str
    partners: list
    tags: dict
    contacts: list
    links: list
    legacy_path: str
    themes_added: bool

    def new_organisations(self):
        """Keys of the new organisations this deed needs."""
        return [ref for ref in (self.organisation, *self.partners) if isinstance(ref, str)]


def _object_without_duplicates(pairs):
    result = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f'the field "{key}" is given twice')
        result[key] = value
    return result


class LineParser(ValueChecker):
    """Turns one line into a Record, or into the list of everything wrong with it."""

    def __init__(self, number, text, lookups, now):
        super().__init__()
        self.number = number
        self.text = text
        self.lookups = lookups
        self.now = now

    def parse(self):
        try:
            data = json.loads(self.text, object_pairs_hook=_object_without_duplicates)
        except json.JSONDecodeError as error:
            return [f"not valid JSON: {error.msg} (column {error.colno})"]
        except ValueError as error:
            return [f"not valid: {error}"]
        if not isinstance(data, dict):
            return [f"a line must be a JSON object {{…}}, not {type_name(data)}"]
        self.data = data
        for key in data:
            if key not in KNOWN_FIELDS and not key.startswith("_"):
                close = difflib.get_close_matches(key, KNOWN_FIELDS, n=1)
                hint = f' (did you mean "{close[0]}"?)' if close else ""
                self.problem(f'unknown field "{key}"{hint}')
        record = self._record()
        return self.problems or record

    def _record(self):
        fields = {
            "title": self.field("title", required=True, single_line=True),
            "summary": self.field("summary", required=True),
            "unit": self.field("unit", single_line=True),
            "funder": self.field("funder", single_line=True),
            "kind": self.choice("kind", KIND_LABELS, DeedKind.IMPROVEMENT),
            "funding": self.choice("funding", FUNDING_LABELS, ""),
            "language": self.choice(
                "language", {code: () for code in ContentLanguage.values}, ContentLanguage.FI
            ),
            "project_start": self.date("project_start"),
            "project_end": self.date("project_end"),
            "published_at": self._published_at(),
        }
        fields.update(self._sections())
        municipality = self._municipality()
        if municipality:
            fields["municipality_id"] = municipality
        organisation = self._organisation(municipality)
        partners = self._partners(organisation)
        tags, themes_added = self._tags()
        contacts = self._contacts()
        links = self._links()
        legacy_path = self._legacy_path()
        self._model_rules(fields)
        if self.problems:
            return None
        return Record(
            line=self.number,
            fields=fields,
            organisation=organisation,
            partners=partners,
            tags=tags,
            contacts=contacts,
            links=links,
            legacy_path=legacy_path,
            themes_added=themes_added,
        )

    def _sections(self):
        if self.data.get("body") is not None:
            given = [name for name in SECTION_FIELDS if self.data.get(name) is not None]
            if given:
                self.problem(f"give either body or the section fields, not both (also {given[0]})")
            return {"description": self.field("body")}
        return {name: self.field(name) for name in SECTION_FIELDS}

    def _published_at(self):
        value = self.field("published_at", required=True, single_line=True)
        if not value:
            return None
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            self.problem(
                f'published_at "{value}" is not an ISO 8601 date or time'
                " (e.g. 2021-03-15 or 2021-03-15T14:30:00+02:00)"
            )
            return None
        if timezone.is_naive(moment):
            moment = timezone.make_aware(moment, HELSINKI)
        if moment > self.now:
            self.problem(f'published_at "{value}" is in the future')
        return moment

    def _municipality(self):
        value = self.data.get("municipality")
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        value = self.string(value, "municipality", single_line=True)
        if not value:
            return None
        found = self.lookups.municipality(value)
        if found is None:
            self.problem(f'unknown municipality "{value}"')
        elif found is AMBIGUOUS:
            self.problem(f'municipality "{value}" matches several municipalities; use its code')
            return None
        return found

    # --- Organisations ------------------------------------------------------------------

    def _organisation(self, municipality):
        name = self.field(
            "organisation", required=True, single_line=True, max_length=ORGANISATION_NAME_MAX
        )
        type_ = self.choice(
            "organisation_type", {value: () for value in OrganisationType.values}, None
        )
        if not name:
            return None
        try:
            return main_organisation(self.lookups, name, type_, municipality, self.number)
        except UnusableNameError as problem:
            self.problem(str(problem))
            return None

    def _partners(self, organisation):
        partners = []
        for name in self.string_list(
            "partners", "organisation names", max_length=ORGANISATION_NAME_MAX
        ):
            try:
                ref = partner(self.lookups, name, self.number)
            except UnusableNameError as problem:
                self.problem(str(problem))
                continue
            # Old data sometimes lists the organisation among its own partners; the deed
            # is the organisation's anyway, so that says nothing and is left out.
            if ref != organisation and ref not in partners:
                partners.append(ref)
        return partners

    # --- Lists and objects --------------------------------------------------------------

    def _tags(self):
        tags = {}
        for attr, _model, singular in VOCABULARIES:
            pks = []
            for label in self.string_list(attr, "labels"):
                pk = self.lookups.term(attr, label)
                if pk is None:
                    close = self.lookups.term_suggestion(attr, label)
                    hint = f' (did you mean "{close}"?)' if close else ""
                    self.problem(f'unknown {singular} "{label}"{hint}')
                elif pk is AMBIGUOUS:
                    self.problem(f'{singular} "{label}" matches several {attr}; use its slug')
                elif pk not in pks:
                    pks.append(pk)
            tags[attr] = pks
        # The old site did not always store a subtheme's theme with it; adding it is
        # the one correct fix (themes_with_subthemes, as everywhere a deed is tagged),
        # so it is done here and counted in the report rather than making the editor
        # edit every such line. The lookup's map saves a query per line.
        themes = themes_with_subthemes(
            tags["themes"], tags["subthemes"], theme_of=self.lookups.theme_of_subtheme
        )
        added = len(themes) > len(tags["themes"])
        tags["themes"] = themes
        return tags, added

    def _contacts(self):
        value = self.data.get("contact")
        if value is None:
            return []
        items = value if isinstance(value, list) else [value]
        contacts = []
        for position, item in enumerate(items, start=1):
            label = "contact" if not isinstance(value, list) else f"contact {position}"
            if not isinstance(item, dict):
                self.problem(f"{label} must be an object {{…}}, not {type_name(item)}")
                continue
            self._unknown_keys(item, CONTACT_FIELDS, label)
            contact = {
                name: self.string(
                    item.get(name),
                    f"{label} {name}",
                    required=name == "name",
                    single_line=True,
                    max_length=max_length(DeedContact, name),
                )
                for name in ("name", "role", "email", "phone")
            }
            if contact["email"]:
                try:
                    validate_email(contact["email"])
                except ValidationError:
                    self.problem(f'{label} email "{contact["email"]}" is not an email address')
            consent = item.get("consent")
            if consent is not None and not isinstance(consent, bool):
                self.problem(f"{label} consent must be true or false, not {type_name(consent)}")
            # Contact details are personal data: public only with explicit consent.
            contact["publish_consent"] = consent is True
            contacts.append(contact)
        return contacts

    def _links(self):
        value = self.data.get("links")
        if value is None:
            return []
        if not isinstance(value, list):
            self.problem(f"links must be a list, not {type_name(value)}")
            return []
        links = []
        for position, item in enumerate(value, start=1):
            label = f"links item {position}"
            if isinstance(item, dict):
                self._unknown_keys(item, LINK_FIELDS, label)
                url, title = item.get("url"), item.get("title")
            else:
                url, title = item, None
            url = self.string(
                url,
                f"{label} url",
                required=True,
                single_line=True,
                max_length=max_length(DeedLink, "url"),
            )
            title = self.string(
                title, f"{label} title", single_line=True, max_length=max_length(DeedLink, "title")
            )
            if url:
                try:
                    _url_validator(url)
                except ValidationError:
                    self.problem(f'{label} "{url}" is not a web address (http:// or https://)')
            links.append({"url": url, "title": title})
        return links

    def _unknown_keys(self, item, known, label):
        for key in item:
            if key not in known:
                self.problem(f'{label} has an unknown field "{key}"')

    # --- The deed as a whole ------------------------------------------------------------

    def _legacy_path(self):
        value = self.field("url", single_line=True)
        if not value:
            return ""
        parts = urlsplit(value)
        if parts.query:
            # The redirect (deeds/middleware.py) matches the path only; with the query
            # dropped, every deed at "/teko.php?id=…" would look like the same deed.
            self.problem(f'url "{value}" has a query string (?…), which cannot be redirected')
            return ""
        path = unquote(parts.path).rstrip("/")
        if parts.scheme not in ("", "http", "https") or not (
            parts.netloc or parts.path.startswith("/")
        ):
            self.problem(f'url "{value}" is neither an address (https://…) nor a path (/…)')
            return ""
        if not path:
            self.problem(f'url "{value}" has no path, so it cannot identify a deed')
            return ""
        # Stored without a trailing slash; the redirect accepts the path with or without.
        limit = DEED_MAX_LENGTHS["legacy_path"]
        if len(path) > limit:
            self.problem(f"url path is {len(path)} characters long; the limit is {limit}")
        return path

    def _model_rules(self, fields):
        """The deed's own rules (Deed.clean), e.g. a project cannot end before it starts."""
        if self.problems:
            return
        deed = Deed(**fields, status=DeedStatus.PUBLISHED)
        try:
            deed.clean()
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                for message in messages:
                    self.problem(f"{name}: {message}")

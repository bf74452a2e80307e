"""``deeds_import``: check the whole file, then write it in one transaction."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from core.db import refresh_statistics
from deeds import changes
from deeds.models import Deed, DeedContact, DeedLink, DeedStatus
from organisations.models import Organisation

from .lookups import VOCABULARIES, Lookups
from .reading import BATCH_SIZE, SKIPPED, Pass

ACTOR_LABEL = "import_deeds"
MAX_ERRORS = 20
# The many-to-many fields written as rows of their through tables, per batch.
RELATIONS = (*(attr for attr, _model, _name in VOCABULARIES), "partners")


@dataclass(frozen=True)
class LineError:
    line: int | None
    message: str

    def __str__(self):
        return f"line {self.line}: {self.message}" if self.line else self.message


class DeedImportError(Exception):
    """The file cannot be imported; nothing was written. ``errors`` are the first ones found."""

    def __init__(self, errors, total=None):
        self.errors = list(errors)
        self.total = total if total is not None else len(self.errors)
        super().__init__(str(self))

    def __str__(self):
        lines = [str(error) for error in self.errors]
        if self.total > len(self.errors):
            lines.append(f"… and {self.total - len(self.errors)} more errors")
        return "\n".join(lines)


@dataclass
class ImportReport:
    source_name: str = ""
    dry_run: bool = False
    imported: int = 0  # or, in a dry run, would be imported
    skipped: int = 0  # already imported: the url matches a deed's legacy path
    organisations_created: list = field(default_factory=list)  # names, in order of first use
    themes_added: int = 0  # deeds whose themes were completed from their subthemes
    without_url: int = 0  # cannot be recognised on a re-run


class JsonLinesFile:
    """A file that can be read more than once, line by line, as bytes.

    Bytes rather than text so that a line that is not UTF-8 is reported with its
    number instead of stopping the whole read.
    """

    def __init__(self, path):
        self.path = Path(path)

    def __iter__(self):
        with self.path.open("rb") as file:
            yield from file


def deeds_import(
    lines: Iterable, *, create_organisations=False, dry_run=False, source_name=""
) -> ImportReport:
    """Validate all lines, then (unless ``dry_run``) create the deeds in one transaction.

    ``lines`` must be iterable twice (a list, or a ``JsonLinesFile``); items are
    bytes or str. Raises ``DeedImportError`` with the errors of the whole file.
    """
    if iter(lines) is lines:
        raise TypeError("lines must be iterable twice: a list or a JsonLinesFile")
    now = timezone.now()
    report = ImportReport(source_name=source_name, dry_run=dry_run)
    errors, total_errors = [], 0
    checker = Pass(Lookups(create_organisations), now)
    for number, item in checker.run(lines):
        if isinstance(item, list):
            total_errors += len(item)
            errors.extend(LineError(number, message) for message in item)
            del errors[MAX_ERRORS:]
        elif item is SKIPPED:
            report.skipped += 1
        else:
            report.imported += 1
            report.themes_added += item.themes_added
            report.without_url += not item.legacy_path
    if errors:
        raise DeedImportError(errors, total_errors)
    if not checker.lines_seen:
        raise DeedImportError([LineError(None, "the file has no deeds (it is empty)")])
    report.organisations_created = checker.organisations_to_create()
    if dry_run or not report.imported:
        return report
    # Deeds are saved before their tags are bulk-inserted: the read side hears of them
    # once, complete, inside the same transaction.
    with transaction.atomic(), changes.bulk_write():
        written = _write(lines, checker, now, source_name)
        changes.deeds_written(written)
    refresh_statistics(Deed, DeedContact, DeedLink, Organisation)
    return report


def _write(lines, checker, now, source_name):
    # Fresh lookups inside the transaction: the second pass sees the database as it is
    # now, and any difference from the first pass (a term deleted meanwhile) is an
    # error that rolls everything back rather than a half-imported file. The new
    # organisations come from the first pass, though: a line may name one as a
    # partner before a later line gives its type and municipality, and it is created
    # as soon as the first of those lines is written.
    lookups = Lookups(checker.lookups.create_organisations, checker.lookups.new_organisations)
    writer = Pass(lookups, now)
    batches = _BatchWriter(lookups, source_name)
    batch = []
    for number, item in writer.run(lines):
        if isinstance(item, list):
            raise DeedImportError([LineError(number, message) for message in item])
        if item is not SKIPPED:
            batch.append(item)
        if len(batch) >= BATCH_SIZE:
            batches.write(batch)
            batch = []
    if batch:
        batches.write(batch)
    return batches.written


class _BatchWriter:
    """Writes batches of records; creates each new organisation when first needed."""

    def __init__(self, lookups, source_name):
        self.lookups = lookups
        self.source_name = source_name
        self.created = {}  # match key -> Organisation
        self.written = []  # ids of the deeds written
        self.relations = {attr: Deed._meta.get_field(attr) for attr in RELATIONS}

    def write(self, records):
        organisations = Organisation.objects.in_bulk(
            {r.organisation for r in records if isinstance(r.organisation, int)}
        )
        through_rows = {attr: [] for attr in RELATIONS}
        contacts, links = [], []
        for record in records:
            if isinstance(record.organisation, int):
                organisation = organisations[record.organisation]
            else:
                organisation = self._new_organisation(record.organisation)
            # save() one by one: it derives the region, slug and sort key (Deed.save).
            # Published directly rather than through deed_publish: these deeds were
            # published on the old site (their date comes from the file), and checking
            # and locking each of thousands of rows would only slow the import down.
            # The deeds app's own bulk writer, audited per deed as deed.imported.
            deed = Deed(
                **record.fields,
                organisation=organisation,
                status=DeedStatus.PUBLISHED,
                legacy_path=record.legacy_path,
            )
            deed.save()
            self.written.append(deed.pk)
            partners = [
                ref if isinstance(ref, int) else self._new_organisation(ref).pk
                for ref in record.partners
            ]
            for attr, pks in (*record.tags.items(), ("partners", partners)):
                through_rows[attr].extend(self._through_rows(attr, deed.pk, pks))
            contacts.extend(
                DeedContact(deed=deed, position=position, **contact)
                for position, contact in enumerate(record.contacts)
            )
            links.extend(
                DeedLink(deed=deed, position=position, **link)
                for position, link in enumerate(record.links)
            )
            deed.log_action(
                "deed.imported",
                actor_label=ACTOR_LABEL,
                data={"file": self.source_name, "line": record.line},
            )
        for attr, rows in through_rows.items():
            self.relations[attr].remote_field.through.objects.bulk_create(rows)
        DeedContact.objects.bulk_create(contacts)
        DeedLink.objects.bulk_create(links)

    def _through_rows(self, attr, deed_pk, pks):
        m2m = self.relations[attr]
        own, other = m2m.m2m_field_name(), m2m.m2m_reverse_field_name()
        through = m2m.remote_field.through
        return [through(**{f"{own}_id": deed_pk, f"{other}_id": pk}) for pk in pks]

    def _new_organisation(self, key):
        if key not in self.created:
            new = self.lookups.new_organisations[key]
            organisation = new.build()
            organisation.save()
            organisation.log_action(
                "organisation.created",
                actor_label=ACTOR_LABEL,
                data={"file": self.source_name, "line": new.line},
            )
            self.created[key] = organisation
        return self.created[key]

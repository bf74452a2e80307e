"""Importing the old site's subscriber list: ``manage.py import_subscribers list.csv``.

CSV with a header line naming the columns ``email``, ``language`` (fi, sv or en; empty
is fi), ``subscribed`` (YYYY-MM-DD or D.M.YYYY) and ``consent_source`` (where the
person agreed to receive the newsletter: "2019 seminar registration form"). UTF-8,
with or without a byte-order mark; commas or semicolons (Excel's Finnish CSV).

Addresses come in subscribed (no confirmation is sent) only with a stated consent
source: GDPR art. 7(1) asks us to be able to show the consent, so a line without one is
rejected rather than guessed. As ``import_deeds``, all or nothing: every line is
checked first and if any is rejected nothing is written, and the report names every
rejected line with its reason. An address that is subscribed or waiting for
confirmation already is skipped, and so is one that unsubscribed earlier (its keyed
hash, models.address_hash): leaving must not be undone by an old list.

200,000 lines: the checks against the database go a thousand addresses per query, the
rows and their audit entries are written with ``bulk_create`` in one transaction.
"""

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models.functions import Lower
from django.utils import timezone

from audit.models import AuditEntry
from core.db import refresh_statistics

from .models import Subscriber, SubscriberSource, SubscriberStatus, address_hash

COLUMNS = ("email", "language", "subscribed", "consent_source")
LANGUAGES = ("fi", "sv", "en")
BATCH = 1000
ACTOR_LABEL = "import_subscribers"
ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
FINNISH_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
# No newsletter of ours, nor anyone's consent to one, is older than this.
EARLIEST = dt.date(1990, 1, 1)
EMAIL_LENGTH = Subscriber._meta.get_field("email").max_length
CONSENT_LENGTH = Subscriber._meta.get_field("consent").max_length
EXTRA = None  # the key of cells beyond the header's columns (as csv.DictReader)
SKIP_REASONS = {
    SubscriberStatus.CONFIRMED: "already subscribed",
    SubscriberStatus.PENDING: "waiting for confirmation",
    SubscriberStatus.SET_ASIDE: "set aside after bounces",
    SubscriberStatus.LEFT: "unsubscribed earlier",
}


@dataclass(frozen=True)
class LineProblem:
    line: int | None
    message: str

    def __str__(self):
        return f"line {self.line}: {self.message}" if self.line else self.message


class SubscriberImportError(Exception):
    """The file cannot be imported; nothing was written."""

    def __init__(self, problems):
        self.problems = list(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))


@dataclass
class ImportReport:
    source_name: str = ""
    dry_run: bool = False
    imported: int = 0  # or, in a dry run, would be imported
    skipped: list = field(default_factory=list)  # LineProblem: the line and why


@dataclass(frozen=True)
class Row:
    line: int
    email: str
    language: str
    day: dt.date
    consent: str


# --- Reading the file -----------------------------------------------------------------


def read_csv(data):
    """(line number, {column: text}) of each non-empty line of a CSV file's bytes.
    Raises SubscriberImportError when the file itself is unusable."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise SubscriberImportError(
            [
                LineProblem(
                    None,
                    f"not UTF-8 text (byte 0x{data[error.start]:02x} at position"
                    f" {error.start + 1}); save the file as CSV UTF-8",
                )
            ]
        ) from error
    first = text.partition("\n")[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader, None)
        if not header or not any(cell.strip() for cell in header):
            raise SubscriberImportError([LineProblem(None, "the file is empty")])
        names = [cell.strip().lower() for cell in header]
        missing = [column for column in COLUMNS if column not in names]
        if missing:
            raise SubscriberImportError(
                [
                    LineProblem(
                        1,
                        f"missing column{'s' if len(missing) > 1 else ''}"
                        f" {', '.join(missing)}: the first line must name the columns"
                        f" {', '.join(COLUMNS)}",
                    )
                ]
            )
        where = {column: names.index(column) for column in COLUMNS}
        rows = []
        for cells in reader:
            if not any(cell.strip() for cell in cells):
                continue
            values = {column: cells[i] if i < len(cells) else "" for column, i in where.items()}
            if len(cells) > len(names) and any(cell.strip() for cell in cells[len(names) :]):
                values[EXTRA] = cells[len(names) :]
            rows.append((reader.line_num, values))
    except csv.Error as error:
        raise SubscriberImportError([LineProblem(reader.line_num, f"not CSV: {error}")]) from error
    return rows


# --- Checking the lines ----------------------------------------------------------------


def parse_day(text, today):
    text = text.strip()
    match = ISO_DATE.match(text)
    parts = match.groups() if match else None
    match = FINNISH_DATE.match(text)
    if match:
        day, month, year = match.groups()
        parts = (year, month, day)
    if parts is None:
        raise ValueError(f"bad date “{text}”: write YYYY-MM-DD or D.M.YYYY")
    try:
        day = dt.date(*(int(part) for part in parts))
    except ValueError:
        raise ValueError(f"bad date “{text}”: no such day") from None
    if day > today:
        raise ValueError(f"date {text} is in the future")
    if day < EARLIEST:
        raise ValueError(f"bad date “{text}”: before {EARLIEST.year}")
    return day


def check_line(line, values, today):
    """A Row, or the list of what is wrong with the line."""
    problems = []
    if values.get(EXTRA):
        problems.append("more values than columns (a value with the separator in it needs quotes)")
    email = values["email"].strip()
    if not email:
        problems.append("no email address")
    else:
        try:
            validate_email(email)
            if len(email) > EMAIL_LENGTH:
                raise ValidationError("too long")
        except ValidationError:
            problems.append(f"invalid email address “{email[:100]}”")
    language = values["language"].strip().lower() or "fi"
    if language not in LANGUAGES:
        problems.append(f"unknown language “{values['language'].strip()[:20]}”: fi, sv or en")
    day = None
    if not values["subscribed"].strip():
        problems.append("no subscription date")
    else:
        try:
            day = parse_day(values["subscribed"], today)
        except ValueError as error:
            problems.append(str(error))
    consent = " ".join(values["consent_source"].split())
    if not consent:
        problems.append("no consent source: say where the person agreed to the newsletter")
    elif len(consent) > CONSENT_LENGTH:
        problems.append(f"consent source longer than {CONSENT_LENGTH} characters")
    if problems:
        return problems
    return Row(line, email, language, day, consent)


def _check(rows, today):
    """(rows to import, skipped, rejected)."""
    checked, rejected, seen = [], [], {}
    for line, values in rows:
        row = check_line(line, values, today)
        if isinstance(row, list):
            rejected.append(LineProblem(line, "; ".join(row)))
            continue
        key = row.email.lower()
        if key in seen:
            rejected.append(LineProblem(line, f"the same address as on line {seen[key]}"))
            continue
        seen[key] = line
        checked.append(row)
    wanted, skipped = [], []
    for start in range(0, len(checked), BATCH):
        batch = checked[start : start + BATCH]
        for row, status in zip(batch, _known(batch), strict=True):
            if status is None:
                wanted.append(row)
            else:
                skipped.append(LineProblem(row.line, SKIP_REASONS[status]))
    return wanted, skipped, rejected


def _known(batch):
    """Per row, the status of the address's subscriber (LEFT for one that left), or
    None for an address the newsletter does not know: two queries per batch."""
    keys = [row.email.lower() for row in batch]
    statuses = dict(
        Subscriber.objects.exclude(email="")
        .annotate(key=Lower("email"))
        .filter(key__in=keys)
        .values_list("key", "status")
    )
    hashes = {row.line: address_hash(row.email) for row in batch}
    left = set(
        Subscriber.objects.filter(left_hash__in=hashes.values()).values_list("left_hash", flat=True)
    )
    return [
        statuses.get(key) or (SubscriberStatus.LEFT if hashes[row.line] in left else None)
        for key, row in zip(keys, batch, strict=True)
    ]


# --- Writing ---------------------------------------------------------------------------


def noon(day):
    """Midday of the day in Finnish time: the list gives days, and midday keeps the day
    the same in any time zone the figures may be read in."""
    return timezone.make_aware(dt.datetime.combine(day, dt.time(12)))


def subscribers_import(rows, *, dry_run=False, source_name=""):
    """Check every line of ``rows`` ((line number, {column: text}), as ``read_csv``
    gives), then unless ``dry_run`` create the subscribers, subscribed, in one
    transaction. Raises SubscriberImportError listing every rejected line."""
    wanted, skipped, rejected = _check(rows, timezone.localdate())
    if rejected:
        raise SubscriberImportError(rejected)
    report = ImportReport(source_name, dry_run, len(wanted), skipped)
    if dry_run or not wanted:
        return report
    try:
        with transaction.atomic():
            _write(wanted, source_name)
    except IntegrityError as error:
        # Someone subscribed an address of the list between the check and the write.
        raise SubscriberImportError(
            [LineProblem(None, "an address in the file was subscribed meanwhile; run it again")]
        ) from error
    refresh_statistics(Subscriber, AuditEntry)
    return report


def _write(rows, source_name):
    content_type = ContentType.objects.get_for_model(Subscriber)
    for start in range(0, len(rows), BATCH):
        batch = rows[start : start + BATCH]
        created = Subscriber.objects.bulk_create(
            [
                Subscriber(
                    email=row.email,
                    language=row.language,
                    status=SubscriberStatus.CONFIRMED,
                    source=SubscriberSource.IMPORT,
                    consent=row.consent,
                    wants_newsletter=True,
                    created_at=noon(row.day),
                    confirmed_at=noon(row.day),
                )
                for row in batch
            ]
        )
        # The entries log_action would write, a thousand to a query.
        AuditEntry.objects.bulk_create(
            [
                AuditEntry(
                    action="newsletter.imported",
                    actor_label=ACTOR_LABEL,
                    content_type=content_type,
                    object_id=subscriber.pk,
                    data={"file": source_name, "line": row.line},
                )
                for subscriber, row in zip(created, batch, strict=True)
            ]
        )

"""What a message that arrived at the bounce address is: pure parsing, no database.

Every copy of an issue is sent from ``bounces+<subscriber's token>@…`` (VERP,
sending.bounce_address), so whatever comes back names the subscriber in its recipient
headers, whatever the remote mail system wrote about the address. Four kinds of
message arrive there:

- delivery status notifications (RFC 3464 ``multipart/report``, report-type
  delivery-status): per recipient, ``Action: failed`` with a 5.x.x ``Status`` is a
  permanent (hard) bounce, a 4.x.x status or ``Action: delayed`` a temporary (soft)
  one (RFC 3463 classes);
- older bounces in plain text (qmail's "failure notice" and the like): from a mailer
  daemon or with a bounce's subject, classified by the first SMTP reply code in the
  notice (5xx hard, 4xx or "mailbox full" soft), not by the returned copy below it;
- auto-replies (RFC 3834 ``Auto-Submitted: auto-replied`` and the older headers,
  out-of-office subjects): ignored;
- the mail client's unsubscribe button: a message to the address that
  ``List-Unsubscribe`` gives (``mailto:…?subject=unsubscribe``).

Anything else is ignored. Messages come from anywhere, so nothing here may fail on
them: a message that cannot be read is ignored too.
"""

import base64
import binascii
import email
import email.errors
import hashlib
import quopri
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from email.header import decode_header, make_header
from email.parser import HeaderParser
from email.utils import getaddresses, parsedate_to_datetime

from django.conf import settings
from django.utils import timezone

from .models import Bounce, BounceKind

UNSUBSCRIBE = "unsubscribe"
IGNORED = "ignored"

RECIPIENT_HEADERS = ("Delivered-To", "X-Original-To", "To", "Envelope-To", "X-Envelope-To")
# sending.new_token() makes 32 hex digits; a little room for another length later.
TOKEN = r"([A-Za-z0-9]{8,64})"
STATUS = re.compile(r"\b([245])\.(\d{1,3})\.(\d{1,3})\b")
# A reply code at the start of an SMTP answer ("said: 550 …", "550-5.2.1 …"), with its
# enhanced status code when there is one.
SMTP_REPLY = re.compile(r"(?:^|[\s:;'(\"])([45][0-5]\d)(?:[ -]+([45]\.\d{1,3}\.\d{1,3}))?(?=[ -])")
MAILBOX_FULL = re.compile(r"mailbox (?:is )?full|over quota|quota exceeded|insufficient storage")
BOUNCE_SENDER = re.compile(
    r"^(?:mailer-daemon|postmaster|mail delivery (?:subsystem|system))", re.I
)
BOUNCE_SUBJECT = re.compile(
    r"undeliver|undelivered|delivery (?:status|failure|failed|notification|problem)"
    r"|failure notice|returned mail|mail delivery failed|non-?delivery|could not be delivered"
    r"|returned to sender|delivery has failed",
    re.I,
)
# Where a plain-text bounce starts quoting the returned message: codes and dates in the
# newsletter's own text must not be read as the remote server's answer.
RETURNED_COPY = re.compile(
    r"^-{2,}.*(?:below this line|original message|copy of the message|returned message)"
    r"|^(?:original message headers|----- the header of the original)",
    re.I | re.M,
)
OUT_OF_OFFICE = re.compile(
    r"out of (?:the )?office|automatic reply|auto(?:matic)?[- ]?reply|autoreply"
    r"|away from (?:the )?office|on (?:holiday|vacation)|abwesenheit"
    r"|automaattinen vastaus|poissa toimistolta|lomalla|lomavastaaja"
    r"|automatiskt svar|frånvaro|ledighet|semester",
    re.I,
)
# Diagnostics often repeat the recipient's address; the subscriber's row says whose it
# is, and the address must go when they leave, so it is not copied into the reason.
ADDRESS = re.compile(r"<?[^\s<>;:'\"()\[\]]+@[^\s<>;:'\"()\[\]]+\.[^\s<>;:'\"()\[\]]+>?")
DIAGNOSTIC_LENGTH = Bounce._meta.get_field("diagnostic").max_length
MESSAGE_ID_LENGTH = Bounce._meta.get_field("message_id").max_length


@dataclass(frozen=True)
class Reading:
    """What one message is: ``kind`` is hard, soft, unsubscribe or ignored."""

    kind: str
    token: str = ""
    status_code: str = ""
    diagnostic: str = ""
    message_id: str = ""
    received_at: datetime | None = None
    why: str = ""  # of an ignored message, for the operator


def bounce_read(raw):
    """The ``Reading`` of one message as it came from the mailbox (bytes)."""
    try:
        message = email.message_from_bytes(raw)
        return _read(message, raw)
    except (
        email.errors.MessageError,
        binascii.Error,
        LookupError,
        TypeError,
        ValueError,
        AttributeError,
    ):
        # A broken message is somebody's broken message, not a bounce we can use.
        return Reading(IGNORED, why="unreadable")


def _read(message, raw):
    if not message.keys():
        return Reading(IGNORED, why="not an email message")
    common = {
        "token": verp_token(message),
        "message_id": message_id(message, raw),
        "received_at": received_at(message),
    }
    dsn = delivery_status(message)
    if dsn is not None:
        kind, status_code, diagnostic = dsn
        if kind is None:
            return Reading(IGNORED, why="delivery report without a failure", **common)
        return Reading(kind, status_code=status_code, diagnostic=diagnostic, **common)
    if is_auto_reply(message) and not looks_like_bounce(message):
        return Reading(IGNORED, why="auto-reply", **common)
    if UNSUBSCRIBE in header(message, "Subject").lower():
        return Reading(UNSUBSCRIBE, **common)
    if looks_like_bounce(message):
        found = plain_bounce(message)
        if found:
            kind, status_code, diagnostic = found
            return Reading(kind, status_code=status_code, diagnostic=diagnostic, **common)
    return Reading(IGNORED, why="not a bounce", **common)


def header(message, name):
    """A header decoded to text ("" when missing or undecodable)."""
    value = message.get(name)
    if value is None:
        return ""
    try:
        return str(make_header(decode_header(str(value))))
    except (LookupError, UnicodeError, ValueError, email.errors.HeaderParseError):
        return str(value)


def clean(text, length=DIAGNOSTIC_LENGTH):
    """One line of printable text: control and format characters (NUL, which
    PostgreSQL refuses, and direction overrides) become spaces."""
    text = "".join(ch if ch.isprintable() else " " for ch in str(text))
    return " ".join(text.split())[:length]


def reason(text):
    """A remote server's words, cleaned, without email addresses."""
    return clean(ADDRESS.sub("<…>", clean(text, 2000)))


def verp_token(message):
    """The subscriber's token from the first recipient header holding a bounce address."""
    local = settings.NEWSLETTER_BOUNCE_ADDRESS.partition("@")[0]
    pattern = re.compile(rf"{re.escape(local)}\+{TOKEN}", re.I)
    for name in RECIPIENT_HEADERS:
        values = [str(value) for value in message.get_all(name, [])]
        for _name, address in getaddresses(values):
            match = pattern.fullmatch(address.partition("@")[0])
            if match:
                return match.group(1).lower()
    return ""


def message_id(message, raw):
    """The message's own id, or a digest of the message when it has none (or a longer
    one than the column holds): the same message read twice is the same id."""
    value = clean(header(message, "Message-ID"), 1000).strip("<>")
    if value and len(value) <= MESSAGE_ID_LENGTH:
        return value
    return hashlib.sha256(value.encode() if value else raw).hexdigest()[:MESSAGE_ID_LENGTH]


def received_at(message):
    """When the bounce was written (its Date), so that a backlog read at once still
    counts per day; never later than now."""
    now = timezone.now()
    try:
        moment = parsedate_to_datetime(header(message, "Date"))
    except (TypeError, ValueError, IndexError):
        return now
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return min(moment, now)


def is_auto_reply(message):
    auto = header(message, "Auto-Submitted").lower()
    precedence = header(message, "Precedence").lower()
    return (
        auto.startswith("auto-replied")
        or bool(message.get("X-Autoreply") or message.get("X-Autorespond"))
        or precedence == "auto_reply"
        or bool(OUT_OF_OFFICE.search(header(message, "Subject")))
    )


def looks_like_bounce(message):
    sender = getaddresses([header(message, "From")])
    name, address = sender[0] if sender else ("", "")
    return bool(BOUNCE_SENDER.match(address) or BOUNCE_SENDER.match(name)) or bool(
        BOUNCE_SUBJECT.search(header(message, "Subject"))
    )


# --- Delivery status notifications (RFC 3464) ----------------------------------------


def delivery_status(message):
    """(kind or None, status code, diagnostic) of a delivery report, or None when the
    message is not one. Of several recipients the worst counts (we send one copy per
    recipient, so there is one)."""
    if message.get_content_type() != "multipart/report":
        return None
    if str(message.get_param("report-type") or "").lower() != "delivery-status":
        return None
    found = []
    for part in message.walk():
        if part.get_content_type() in ("message/delivery-status", "message/global-delivery-status"):
            found.extend(_recipient_verdict(block) for block in _status_blocks(part))
    found = [verdict for verdict in found if verdict[0]]
    for kind in (BounceKind.HARD, BounceKind.SOFT):
        for verdict in found:
            if verdict[0] == kind:
                return verdict
    return (None, "", "")


def _status_blocks(part):
    """The header blocks of a delivery-status part. The parser splits them into
    messages; a part sent encoded (against RFC 6046, as some servers do) is decoded and
    split here."""
    payload = part.get_payload()
    encoding = str(part.get("Content-Transfer-Encoding", "")).strip().lower()
    if encoding not in ("base64", "quoted-printable"):
        return payload if isinstance(payload, list) else []
    if isinstance(payload, list):
        payload = "\n".join(block.as_string() for block in payload)
    data = payload.encode("ascii", "replace")
    data = base64.b64decode(data) if encoding == "base64" else quopri.decodestring(data)
    text = data.decode("utf-8", "replace")
    parser = HeaderParser()
    return [parser.parsestr(block) for block in re.split(r"\r?\n\s*\r?\n", text) if block.strip()]


def _recipient_verdict(block):
    action = header(block, "Action").split("(")[0].strip().lower()
    diagnostic = header(block, "Diagnostic-Code")
    text = reason(diagnostic.partition(";")[2] or diagnostic)
    status = STATUS.search(header(block, "Status")) or STATUS.search(text)
    code = status.group(0) if status else ""
    if not code:
        reply = SMTP_REPLY.search(text)
        code = reply.group(1) if reply else ""
    klass = code[:1]
    if action == "delayed" or (action in ("failed", "") and klass == "4"):
        return (BounceKind.SOFT, code, text)
    if action == "failed" or (not action and klass == "5"):
        return (BounceKind.HARD, code, text)
    return (None, code, text)  # delivered, relayed, expanded: not a bounce


# --- Plain-text bounces -------------------------------------------------------------


def notice_text(message):
    """The bounce's own words: its first text part, up to the returned copy."""
    for part in message.walk():
        if part.get_content_maintype() == "multipart":
            continue
        if part.get_content_type() != "text/plain":
            return ""
        payload = part.get_payload(decode=True) or b""
        charset = part.get_content_charset() or "utf-8"
        try:
            text = payload.decode(charset, "replace")
        except LookupError:
            text = payload.decode("utf-8", "replace")
        cut = RETURNED_COPY.search(text)
        return text[: cut.start()] if cut else text
    return ""


def plain_bounce(message):
    """(kind, status code, diagnostic) from the first SMTP reply in the notice, or from
    its words about a full mailbox; None when it says neither."""
    text = notice_text(message)
    for line in text.splitlines():
        reply = SMTP_REPLY.search(line)
        if reply:
            code = reply.group(2) or reply.group(1)
            kind = BounceKind.HARD if code.startswith("5") else BounceKind.SOFT
            if MAILBOX_FULL.search(line.lower()):
                kind = BounceKind.SOFT
            return (kind, code, reason(line[reply.start(1) :]))
    for line in text.splitlines():
        if MAILBOX_FULL.search(line.lower()):
            return (BounceKind.SOFT, "", reason(line))
    return None

"""Calendar files (RFC 5545) for "add to calendar" and the registration emails.

Written by hand: one VEVENT needs a dozen lines, and a library would be a runtime
dependency for that. Times are in UTC ("Z"), which every calendar converts to the
reader's zone; the page shows them in Finnish time.
"""

from datetime import UTC

from django.conf import settings
from django.utils import timezone

from core.text import plain_excerpt


def _escape(text):
    return (
        str(text)
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def _fold(line):
    """Lines longer than 75 octets continue on the next line after a space (RFC 5545
    3.1), cut between characters, never inside a multi-byte UTF-8 sequence."""
    out, current, size = [], "", 0
    for char in line:
        width = len(char.encode())
        if size + width > 75:
            out.append(current)
            current, size = " ", 1
        current += char
        size += width
    out.append(current)
    return "\r\n".join(out)


def _utc(moment):
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def event_ics(event, *, stream_url=None, method="PUBLISH"):
    """The event as a calendar file. ``stream_url`` goes into the file sent to a
    registrant; the public file has it only when staff made the link public."""
    url = settings.SITE_URL.rstrip("/") + event.get_absolute_url()
    host = settings.SITE_URL.split("//")[-1].split("/")[0] or "tekojentori.fi"
    if stream_url is None and event.stream_visible_to_public():
        stream_url = event.stream_url
    location = (
        ", ".join(part for part in (event.venue, event.address) if part)
        if not event.online
        else (stream_url or url)
    )
    description = plain_excerpt(event.summary, 1000)
    if stream_url:
        description += f"\n\n{stream_url}"
    description += f"\n\n{url}"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Tekojen tori//Events//FI",
        "CALSCALE:GREGORIAN",
        f"METHOD:{method}",
        "BEGIN:VEVENT",
        f"UID:event-{event.pk}@{host}",
        f"DTSTAMP:{_utc(timezone.now())}",
        f"DTSTART:{_utc(event.starts_at)}",
        f"DTEND:{_utc(event.ends_at)}",
        f"SUMMARY:{_escape(event.title)}",
        f"DESCRIPTION:{_escape(description)}",
        f"URL:{url}",
    ]
    if location:
        lines.append(f"LOCATION:{_escape(location)}")
    lines.append("STATUS:CANCELLED" if event.is_cancelled else "STATUS:CONFIRMED")
    lines += ["END:VEVENT", "END:VCALENDAR"]
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"


def ics_filename(event):
    return f"{event.slug or 'tapahtuma'}.ics"

"""One pass over the file: decode each line, parse it, and mark lines already imported."""

import codecs

from deeds.models import Deed

from .lines import LineParser, Record

BATCH_SIZE = 500
SKIPPED = object()  # a line already imported


class Pass:
    """One pass over the lines: yields (line number, Record | SKIPPED | [messages])."""

    def __init__(self, lookups, now):
        self.lookups = lookups
        self.now = now
        self.lines_seen = 0
        self.seen_paths = {}  # legacy path -> line number, for duplicates within the file
        self.new_organisations_used = set()  # match keys, by lines that are not skipped

    def run(self, lines):
        batch = []
        for number, raw in enumerate(lines, start=1):
            text, problem = _decode(raw, number)
            if not problem and not text.strip():
                continue
            self.lines_seen += 1
            if problem:
                batch.append((number, [problem]))
            else:
                batch.append((number, LineParser(number, text, self.lookups, self.now).parse()))
            if len(batch) >= BATCH_SIZE:
                yield from self._finish(batch)
                batch = []
        yield from self._finish(batch)

    def organisations_to_create(self):
        """Names of the new organisations that lines to import need, in order of first use."""
        return [
            new.name
            for key, new in self.lookups.new_organisations.items()
            if key in self.new_organisations_used
        ]

    def _finish(self, batch):
        """Mark lines already imported (one query per batch) and duplicates in the file."""
        paths = {r.legacy_path for _n, r in batch if isinstance(r, Record) and r.legacy_path}
        existing = set(
            Deed.objects.filter(
                legacy_path__in=[*paths, *(path + "/" for path in paths)]
            ).values_list("legacy_path", flat=True)
        )
        existing = {path.rstrip("/") for path in existing}
        for number, record in batch:
            if not isinstance(record, Record):
                yield number, record
                continue
            path = record.legacy_path
            if path:
                if path in self.seen_paths:
                    yield number, [f'url "{path}" is also on line {self.seen_paths[path]}']
                    continue
                self.seen_paths[path] = number
                if path in existing:
                    yield number, SKIPPED
                    continue
            self.new_organisations_used.update(record.new_organisations())
            yield number, record


def _decode(raw, number):
    if isinstance(raw, bytes):
        if number == 1:
            raw = raw.removeprefix(codecs.BOM_UTF8)
        try:
            return raw.decode("utf-8"), None
        except UnicodeDecodeError as error:
            return "", (
                f"not UTF-8 text (byte 0x{raw[error.start]:02x} at position {error.start + 1});"
                " save the file in UTF-8"
            )
    return (raw.removeprefix("\ufeff") if number == 1 else raw), None

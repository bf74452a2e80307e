"""Import deeds from the previous site: JSON Lines, one deed per line.

The format and its rules are in docs/import-format.md. ``deeds_import`` is the
service; the ``import_deeds`` command only opens the file and prints the report.

All or nothing: the file is read twice. The first pass validates every line and
collects the errors, so an editor can fix the whole file in one go; only a clean
file gets the second pass, which writes everything in one transaction. Reading
twice instead of keeping the parsed deeds keeps memory proportional to one batch
of lines, even for a 100,000-line migration file. Labels, municipalities and
organisations are resolved from dictionaries built once per pass, never with a
query per value.

Modules: ``service`` (the entry point, the report and errors, writing),
``reading`` (one pass over the file), ``lines`` (one line into a record),
``values`` (checking single values), ``organisation_names`` (the organisation and
partners, and new organisations), ``lookups`` (names, slugs and codes to keys).
"""

from .service import DeedImportError, ImportReport, JsonLinesFile, LineError, deeds_import

__all__ = ["DeedImportError", "ImportReport", "JsonLinesFile", "LineError", "deeds_import"]

"""Tables as CSV and XLSX downloads, safe to open in a spreadsheet.

Shared by the statistics downloads (stats/downloads.py) and the staff's exports of event
registrants (events/exports.py); in ``core`` because apps of different layers use it.
"""

import csv
import io

from django.http import HttpResponse
from django.utils.http import content_disposition_header
from openpyxl import Workbook
from openpyxl.styles import Font

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def attachment(filename):
    # Django's own header builder (the one FileResponse uses) quotes any name safely;
    # the files are built in memory, so a plain HttpResponse keeps .content readable.
    return {"Content-Disposition": content_disposition_header(True, filename)}


def safe_cell(text):
    """Text typed by people (organisation names, registrants' answers): a leading
    = + - @ (or a tab or carriage return before one) would make a spreadsheet run it as
    a formula (CSV injection, OWASP), so such text gets a quote first. Numbers, dates
    and None pass as they are."""
    if isinstance(text, str) and text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return f"'{text}"
    return text


def csv_table(header, rows, name):
    """``rows``: lists of cells, already made safe with ``safe_cell`` where typed."""
    response = HttpResponse(
        content_type="text/csv; charset=utf-8", headers=attachment(f"{name}.csv")
    )
    # A byte-order mark, so that Excel opens Finnish letters right.
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow(header)
    for row in rows:
        writer.writerow(row)
    return response


def xlsx_table(header, rows, title, name, *, widths=None):
    """``widths``: {column letter: width} for the columns that hold longer text."""
    book = Workbook()
    sheet = book.active
    # A sheet's title is at most 31 characters and cannot hold some characters.
    sheet.title = "".join(c for c in title if c not in "[]:*?/\\")[:31] or "1"
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row)
    for column, width in (widths or {}).items():
        sheet.column_dimensions[column].width = width
    data = io.BytesIO()
    book.save(data)
    return HttpResponse(data.getvalue(), content_type=XLSX_TYPE, headers=attachment(f"{name}.xlsx"))

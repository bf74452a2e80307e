"""CSV and XLSX of exactly the rows a chart shows (same Figures, same filters)."""

import csv
import io

from django.http import HttpResponse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font


def _attachment(filename):
    # Django's own header builder (the one FileResponse uses) quotes any name safely;
    # the files are built in memory, so a plain HttpResponse keeps .content readable.
    return {"Content-Disposition": content_disposition_header(True, filename)}


def header(title, ranked):
    return [_("Place")] * ranked + [_("Key"), title, _("Deeds")]


def cells(row, ranked):
    return [row.place] * ranked + [row.key, safe_cell(row.label), row.count]


def csv_response(rows, title, name, *, ranked=False):
    response = HttpResponse(
        content_type="text/csv; charset=utf-8", headers=_attachment(f"{name}.csv")
    )
    # A byte-order mark, so that Excel opens Finnish letters right.
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow(header(title, ranked))
    for row in rows:
        writer.writerow(cells(row, ranked))
    return response


def xlsx_response(rows, title, name, *, ranked=False):
    book = Workbook()
    sheet = book.active
    sheet.title = title[:31]
    sheet.append(header(title, ranked))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(cells(row, ranked))
    sheet.column_dimensions["C" if ranked else "B"].width = 48
    data = io.BytesIO()
    book.save(data)
    return HttpResponse(
        data.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        headers=_attachment(f"{name}.xlsx"),
    )


def safe_cell(text):
    """Labels come from editors (organisation names): a leading = + - @ would make a
    spreadsheet run it as a formula (CSV injection), so such text gets a quote first."""
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text

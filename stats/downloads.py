"""CSV and XLSX of exactly the rows a chart shows (same Figures, same filters)."""

from django.utils.translation import gettext as _

from core.downloads import csv_table, safe_cell, xlsx_table

__all__ = ["csv_response", "safe_cell", "xlsx_response"]


def header(title, ranked):
    return [_("Place")] * ranked + [_("Key"), title, _("Deeds")]


def cells(row, ranked):
    return [row.place] * ranked + [row.key, safe_cell(row.label), row.count]


def csv_response(rows, title, name, *, ranked=False):
    return csv_table(header(title, ranked), (cells(row, ranked) for row in rows), name)


def xlsx_response(rows, title, name, *, ranked=False):
    return xlsx_table(
        header(title, ranked),
        (cells(row, ranked) for row in rows),
        title,
        name,
        widths={"C" if ranked else "B": 48},
    )

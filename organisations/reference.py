"""Load the committed region and municipality data (data/*.json).

Used by the data migration, so every fresh database has it, and by tests that
empty the database between runs. Idempotent: existing rows are updated by code.
"""

import json
from pathlib import Path

from core.collation import finnish_sort_key

DATA = Path(__file__).resolve().parent / "data"


def rows(name):
    return json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))["rows"]


def load_reference_data(region_model, municipality_model):
    regions = {}
    for row in rows("regions"):
        regions[row["code"]], _ = region_model.objects.update_or_create(
            code=row["code"],
            defaults={k: row[k] for k in ("name_fi", "name_sv", "name_en", "nuts3")},
        )
    for row in rows("municipalities"):
        municipality_model.objects.update_or_create(
            code=row["code"],
            defaults={
                "name_fi": row["name_fi"],
                "name_sv": row["name_sv"],
                "region": regions[row["region"]],
                "languages": row["languages"],
                "sort_key": finnish_sort_key(row["name_fi"]),
            },
        )

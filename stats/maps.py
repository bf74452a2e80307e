"""The map of Finland: deeds per municipality or region as a server-rendered SVG.

Borders are projected and turned into SVG path data once, at import
(organisations.geodata.load_geodata); here they are only coloured. Colours are
ColorBrewer's sequential "Blues" (colour-blind safe, and darker means more in
greyscale too); places without deeds are white with a hatch, listed beside the map.
"""

from dataclasses import dataclass

from organisations.models import Municipality, Region

LAYERS = {"kunnat": ("municipality", Municipality), "maakunnat": ("region", Region)}
# Kilometres in ETRS-TM35FIN, north up (y is minus the northing): all of Finland.
VIEWBOX = "55 -7782 685 1182"
CLASSES = 4


@dataclass
class Area:
    code: str
    name: str
    count: int
    path: str
    shade: int = 0  # 0 = no deeds, 1..CLASSES darker for more
    url: str = ""


def breaks(counts):
    """Upper bounds of the classes, from the non-zero counts (quantiles, no repeats)."""
    values = sorted(c for c in counts if c)
    if not values:
        return []
    bounds = []
    for i in range(1, CLASSES + 1):
        bound = values[min(len(values) - 1, max(0, round(i * len(values) / CLASSES) - 1))]
        if not bounds or bound > bounds[-1]:
            bounds.append(bound)
    return bounds


def areas(figures, layer, language):
    facet, model = LAYERS[layer]
    counts = {row.key: row.count for row in figures.rows(facet, language)}
    places = model.objects.order_by("sort_key" if model is Municipality else "code")
    if model is Municipality:
        places = places.filter(is_active=True)
    result = [
        Area(p.code, p.name, counts.get(p.code, 0), p.svg_path)
        for p in places.only("code", "name_fi", "name_sv", "svg_path")
    ]
    bounds = breaks(a.count for a in result)
    for area in result:
        if area.count:
            area.shade = 1 + next(i for i, bound in enumerate(bounds) if area.count <= bound)
    return result, legend(bounds)


def legend(bounds):
    rows, low = [], 1
    for shade, bound in enumerate(bounds, start=1):
        rows.append({"shade": shade, "low": low, "high": bound})
        low = bound + 1
    return rows

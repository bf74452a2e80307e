"""Import municipal and regional borders for the map.

Input is a GeoJSON FeatureCollection: the National Land Survey's administrative
areas (properties NATCODE, NAMEFIN, NAMESWE) or Statistics Finland's
``tilastointialueet`` layers (properties kunta/maakunta, nimi, namn), in WGS84
lon/lat or already in ETRS-TM35FIN (EPSG:3067). Borders are projected to
ETRS-TM35FIN, Finland's national grid, and simplified once here, so drawing the
map never projects or simplifies anything per request.
"""

import json
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import shapely
from django.db import transaction
from pyproj import Transformer
from shapely.geometry import mapping, shape

from .models import Municipality, Region

MAX_BYTES = 300 * 1024 * 1024
CODE_PROPERTIES = ("NATCODE", "natcode", "kunta", "maakunta", "code", "KUNTA", "MAAKUNTA")
DEFAULT_TOLERANCE_M = 200
_TO_TM35FIN = Transformer.from_crs("EPSG:4326", "EPSG:3067", always_xy=True)


class GeodataError(Exception):
    pass


@dataclass
class GeodataReport:
    layer: str
    updated: int = 0
    unknown_codes: list = field(default_factory=list)
    missing: list = field(default_factory=list)


def read_source(source, *, timeout=60):
    """The bytes of a local file or an http(s) address."""
    if source.startswith(("http://", "https://")):
        try:
            with urllib.request.urlopen(source, timeout=timeout) as response:  # noqa: S310
                data = response.read(MAX_BYTES + 1)
        except OSError as error:
            raise GeodataError(f"Could not download {source}: {error}") from error
    else:
        path = Path(source)
        if not path.is_file():
            raise GeodataError(f"No such file: {source}")
        data = path.read_bytes()
    if len(data) > MAX_BYTES:
        raise GeodataError(f"{source} is larger than {MAX_BYTES // (1024 * 1024)} MB.")
    return data


def parse_collection(data):
    try:
        collection = json.loads(data)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise GeodataError(f"Not valid GeoJSON: {error}") from error
    if not isinstance(collection, dict) or collection.get("type") != "FeatureCollection":
        raise GeodataError("Expected a GeoJSON FeatureCollection.")
    features = collection.get("features")
    if not isinstance(features, list) or not features:
        raise GeodataError("The FeatureCollection has no features.")
    return collection, features


def feature_code(feature):
    properties = feature.get("properties") or {}
    for name in CODE_PROPERTIES:
        value = properties.get(name)
        if value not in (None, ""):
            return str(value).strip()
    return None


def is_projected(collection, features):
    crs = json.dumps(collection.get("crs") or {})
    if "3067" in crs:
        return True
    # Lon/lat values never exceed 180; TM35FIN metres in Finland are in the hundred thousands.
    first = features[0].get("geometry") or {}
    coords = first.get("coordinates")
    while isinstance(coords, list) and coords and isinstance(coords[0], list):
        coords = coords[0]
    try:
        return bool(coords) and abs(float(coords[0])) > 180
    except (TypeError, ValueError):
        return False  # not coordinates at all: prepare() reports the feature


def _project(coords):
    x, y = _TO_TM35FIN.transform(coords[:, 0], coords[:, 1])
    return np.column_stack([x, y])


def prepare(geometry, projected, tolerance):
    geom = shape(geometry)
    if not projected:
        geom = shapely.transform(geom, _project)
    geom = geom.simplify(tolerance, preserve_topology=True)
    if not geom.is_valid:
        geom = geom.buffer(0)
    data = mapping(geom)
    return json.loads(json.dumps(data, default=list), parse_float=lambda v: round(float(v)))


def svg_path(geometry):
    """SVG path data of a prepared (ETRS-TM35FIN) geometry in kilometres, north up:
    computed once here so that drawing the map is only string output."""
    polygons = geometry["coordinates"]
    if geometry["type"] == "Polygon":
        polygons = [polygons]
    parts = []
    for polygon in polygons:
        for ring in polygon:
            points = " ".join(f"{x / 1000:.1f},{-y / 1000:.1f}" for x, y in ring[:-1])
            parts.append(f"M{points}Z")
    return "".join(parts)


def load_geodata(source, *, layer=None, tolerance=DEFAULT_TOLERANCE_M):
    collection, features = parse_collection(read_source(source))
    codes = [feature_code(f) for f in features]
    if any(code is None for code in codes):
        raise GeodataError(
            "Every feature needs a code property (one of: " + ", ".join(CODE_PROPERTIES) + ")."
        )
    codes = [code.zfill(3) if len(code) > 2 else code.zfill(2) for code in codes]
    if layer is None:
        lengths = {len(code) for code in codes}
        if lengths == {3}:
            layer = "municipalities"
        elif lengths == {2}:
            layer = "regions"
        else:
            raise GeodataError(
                "Could not tell municipalities (3-digit codes) from regions "
                "(2-digit codes); give --layer."
            )
    model = Municipality if layer == "municipalities" else Region
    projected = is_projected(collection, features)
    report = GeodataReport(layer)
    known = dict(model.objects.values_list("code", "pk"))
    with transaction.atomic():
        for code, feature in zip(codes, features, strict=True):
            if code not in known:
                report.unknown_codes.append(code)
                continue
            geometry = feature.get("geometry")
            if not geometry:
                raise GeodataError(f"Feature {code} has no geometry.")
            try:
                prepared = prepare(geometry, projected, tolerance)
            except (ValueError, TypeError, AttributeError, shapely.errors.ShapelyError) as error:
                raise GeodataError(f"Feature {code} has an invalid geometry: {error}") from error
            # update(), not save(): borders do not change what deed lists show.
            model.objects.filter(pk=known[code]).update(
                geometry=prepared, svg_path=svg_path(prepared)
            )
            report.updated += 1
        report.missing = list(
            model.objects.filter(geometry__isnull=True).values_list("code", flat=True)
        )
    return report

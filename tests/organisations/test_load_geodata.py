"""python manage.py load_geodata: borders for the map."""

import json

import pytest
from django.core.management import CommandError, call_command

from organisations.models import Municipality, Region
from tests.conftest import shared_data_dir

pytestmark = pytest.mark.django_db
SHARED = shared_data_dir()
needs_data = pytest.mark.skipif(SHARED is None, reason="../shared/data is not present")


@needs_data
def test_loads_municipal_borders_projected_to_tm35fin(capsys):
    call_command("load_geodata", str(SHARED / "kunnat-2023.geojson"))
    assert "309 municipalities updated" in capsys.readouterr().out
    liminka = Municipality.objects.get(code="425").geometry
    x, y = (
        liminka["coordinates"][0][0]
        if liminka["type"] == "Polygon"
        else liminka["coordinates"][0][0][0]
    )
    # Liminka lies near 430 000 E, 7 190 000 N in ETRS-TM35FIN metres.
    assert 380_000 < x < 480_000 and 7_130_000 < y < 7_250_000
    assert Municipality.objects.filter(geometry__isnull=True).count() == 0


@needs_data
def test_loads_regions_and_reports_layer(capsys):
    call_command("load_geodata", str(SHARED / "maakunnat-2023.geojson"))
    assert "19 regions updated" in capsys.readouterr().out
    assert Region.objects.filter(geometry__isnull=True).count() == 0


def feature(code, coordinates=None, **properties):
    ring = coordinates or [[25.0, 65.0], [25.1, 65.0], [25.1, 65.1], [25.0, 65.0]]
    return {
        "type": "Feature",
        "properties": {"kunta": code, **properties},
        "geometry": {"type": "Polygon", "coordinates": [ring]},
    }


def write(tmp_path, data, name="layer.geojson"):
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data))
    return str(path)


def test_statistics_finland_property_names_and_unknown_codes(tmp_path, capsys):
    path = write(
        tmp_path, {"type": "FeatureCollection", "features": [feature("425"), feature("999")]}
    )
    call_command("load_geodata", path)
    out = capsys.readouterr().out
    assert "1 municipalities updated" in out and "999" in out
    assert Municipality.objects.get(code="425").geometry is not None


def test_already_projected_coordinates_are_kept(tmp_path):
    ring = [[430000, 7190000], [440000, 7190000], [440000, 7200000], [430000, 7190000]]
    path = write(tmp_path, {"type": "FeatureCollection", "features": [feature("425", ring)]})
    call_command("load_geodata", path)
    assert Municipality.objects.get(code="425").geometry["coordinates"][0][0] == [430000, 7190000]


@pytest.mark.parametrize(
    "content, message",
    [
        ("not json", "Not valid GeoJSON"),
        ('{"type": "Feature"}', "FeatureCollection"),
        ('{"type": "FeatureCollection", "features": []}', "no features"),
        (
            '{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {}}]}',
            "code property",
        ),
        (
            '{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": '
            '{"kunta": "425"}, "geometry": {"type": "Polygon", "coordinates": "x"}}]}',
            "invalid geometry",
        ),
    ],
)
def test_bad_files_stop_with_a_clear_message(tmp_path, content, message):
    with pytest.raises(CommandError, match=message):
        call_command("load_geodata", write(tmp_path, content))
    assert Municipality.objects.filter(geometry__isnull=False).count() == 0


def test_missing_file_and_unreachable_address(tmp_path):
    with pytest.raises(CommandError, match="No such file"):
        call_command("load_geodata", str(tmp_path / "missing.geojson"))
    with pytest.raises(CommandError, match="Could not download"):
        call_command("load_geodata", "http://127.0.0.1:9/kunnat.geojson")

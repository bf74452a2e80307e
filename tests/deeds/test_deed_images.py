"""Deed images: accepted by content, stripped of metadata, resized once."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from deeds.images import clean_image_upload, store_derivatives
from deeds.models import DeedImage
from tests.deeds.factories import DeedFactory, image_bytes


def upload(data, name="kuva.jpg"):
    return SimpleUploadedFile(name, data, content_type="image/jpeg")


@pytest.mark.parametrize("image_format", ["JPEG", "PNG", "WEBP"])
def test_jpeg_png_and_webp_are_accepted(image_format):
    cleaned = clean_image_upload(upload(image_bytes(image_format=image_format), "Kuva 1.bin"))
    with Image.open(io.BytesIO(cleaned.read())) as image:
        assert image.format == image_format
    assert cleaned.name.startswith("kuva-1.")


def test_an_executable_renamed_jpg_is_rejected():
    elf = b"\x7fELF\x02\x01\x01" + b"\x00" * 500
    with pytest.raises(ValidationError) as error:
        clean_image_upload(upload(elf, "lomake.jpg"))
    assert error.value.code == "unreadable"


def test_other_image_formats_are_rejected():
    with pytest.raises(ValidationError) as error:
        clean_image_upload(upload(image_bytes(image_format="GIF"), "kuva.gif"))
    assert error.value.code == "format"


def test_too_many_pixels_is_rejected_before_decoding():
    # 50 megapixels, 1 bit per pixel so the test itself stays small.
    huge = image_bytes(10_000, 5_000, mode="1")
    with pytest.raises(ValidationError) as error:
        clean_image_upload(upload(huge, "iso.png"))
    assert error.value.code == "too_many_pixels"


def test_too_large_a_file_is_rejected(settings):
    settings.IMAGE_MAX_BYTES = 1000
    with pytest.raises(ValidationError) as error:
        clean_image_upload(upload(image_bytes(800, 800, image_format="PNG")))
    assert error.value.code == "too_large"


def test_location_and_camera_metadata_are_removed():
    exif = Image.Exif()
    exif[0x010F] = "Kameravalmistaja"  # Make
    exif[0x8825] = {1: "N", 2: (65.0, 4.0, 0.0)}  # GPS info
    data = image_bytes(image_format="JPEG", exif=exif.tobytes())
    with Image.open(io.BytesIO(data)) as original:
        assert original.getexif()
    cleaned = clean_image_upload(upload(data))
    with Image.open(io.BytesIO(cleaned.read())) as image:
        assert not image.getexif()
        assert "exif" not in image.info


def test_comments_and_text_chunks_are_removed():
    """A JPEG comment or PNG text can carry a name, a phone number or markup."""
    from PIL import PngImagePlugin

    jpeg = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 10, 10)).save(jpeg, "JPEG", comment=b"Maija 040 1234567")
    text = PngImagePlugin.PngInfo()
    text.add_text("Comment", "<script>alert(1)</script>")
    png = io.BytesIO()
    Image.new("RGBA", (40, 30), (0, 0, 0, 0)).save(png, "PNG", pnginfo=text)
    for data, name in ((jpeg.getvalue(), "kuva.jpg"), (png.getvalue(), "kuva.png")):
        cleaned = clean_image_upload(upload(data, name)).read()
        assert b"Maija" not in cleaned and b"script" not in cleaned, name
        with Image.open(io.BytesIO(cleaned)) as image:
            assert "comment" not in image.info and "Comment" not in image.info


@pytest.mark.django_db
def test_derivatives_are_made_narrower_than_the_original(settings):
    deed = DeedFactory()
    image = DeedImage.objects.create(
        deed=deed, image=ContentFile(image_bytes(1200, 800), "k.png"), alt_text="Kuva"
    )
    derivatives = store_derivatives(image)
    assert sorted(derivatives) == ["480", "960"]
    image.refresh_from_db()
    assert "480w" in image.srcset() and "960w" in image.srcset()
    with Image.open(settings.MEDIA_ROOT / derivatives["480"]) as small:
        assert small.size == (480, 320)
        assert small.format == "WEBP"

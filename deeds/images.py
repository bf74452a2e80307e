"""Deed images: accepted by content, stripped of metadata, resized once at upload.

Uploads are decoded with Pillow, never trusted by name or declared type. The
stored original is a re-encoded copy, so EXIF data (camera, time and GPS location)
never reaches the public; resized WebP copies are made for srcset.
"""

import io
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils.text import slugify
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}


def clean_image_upload(upload):
    """Return a safe re-encoded copy of an uploaded image, or raise ValidationError."""
    if upload.size > settings.IMAGE_MAX_BYTES:
        raise ValidationError(
            _("The image is too large: at most %(mb)d MB.")
            % {"mb": settings.IMAGE_MAX_BYTES // (1024 * 1024)},
            code="too_large",
        )
    try:
        upload.seek(0)
        with Image.open(upload) as probe:
            # The header gives format and size before any pixels are decoded, so a
            # decompression bomb is refused without spending memory on it.
            image_format, (width, height) = probe.format, probe.size
            if image_format not in FORMATS:
                raise ValidationError(
                    _("Only JPEG, PNG and WebP images are accepted."), code="format"
                )
            if width * height > settings.IMAGE_MAX_PIXELS:
                raise ValidationError(
                    _("The image has too many pixels: at most %(mp)d megapixels.")
                    % {"mp": settings.IMAGE_MAX_PIXELS // 1_000_000},
                    code="too_many_pixels",
                )
            probe.verify()
        upload.seek(0)
        with Image.open(upload) as image:
            image = ImageOps.exif_transpose(image)
            image.load()
            data = _encode(image, image_format)
    except ValidationError:
        raise
    except (
        UnidentifiedImageError,
        Image.DecompressionBombError,
        OSError,
        SyntaxError,
        ValueError,
    ) as error:
        raise ValidationError(
            _("The file is not a readable JPEG, PNG or WebP image."), code="unreadable"
        ) from error
    stem = slugify(PurePosixPath(getattr(upload, "name", "") or "kuva").stem)[:60] or "kuva"
    return ContentFile(data, name=f"{stem}.{FORMATS[image_format]}")


def _encode(image, image_format, **options):
    out = io.BytesIO()
    if image_format == "JPEG" and image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    # The copy carries pixels only: Pillow would otherwise write back what it read into
    # ``info`` (a JPEG comment, PNG text chunks, an ICC profile, XMP), which may hold a
    # name, a phone number or markup. Transparency is part of the picture and stays.
    image.info = {key: value for key, value in image.info.items() if key == "transparency"}
    image.save(out, format=image_format, quality=88, optimize=True, **options)
    return out.getvalue()


def store_derivatives(deed_image):
    """Make the resized WebP copies of a stored image and record them on it."""
    derivatives = {}
    with default_storage.open(deed_image.image.name, "rb") as handle, Image.open(handle) as image:
        image.load()
        base = PurePosixPath(deed_image.image.name)
        for width in settings.IMAGE_DERIVATIVE_WIDTHS:
            if width >= image.width:
                continue
            height = round(image.height * width / image.width)
            copy = image.convert("RGBA" if image.mode in ("RGBA", "LA", "P") else "RGB")
            copy = copy.resize((width, height), Image.Resampling.LANCZOS)
            out = io.BytesIO()
            copy.save(out, format="WEBP", quality=80)
            name = default_storage.save(
                str(base.with_name(f"{base.stem}-{width}.webp")), ContentFile(out.getvalue())
            )
            derivatives[str(width)] = name
    deed_image.derivatives = derivatives
    deed_image.save(update_fields=["derivatives"])
    return derivatives

"""Share cards: 1200×630 PNG images for link previews (Open Graph), drawn with Pillow's
bundled font, so nothing is fetched and no font file is needed."""

import hashlib
import io
import textwrap

from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import patch_cache_control
from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 630
BRAND = (0, 52, 121)
TEXT = (33, 33, 33)
MUTED = (95, 104, 109)


def share_card(title, subtitle="", kicker="Tekojen tori"):
    image = Image.new("RGB", (WIDTH, HEIGHT), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, WIDTH, 24), fill=BRAND)
    draw.rectangle((0, HEIGHT - 12, WIDTH, HEIGHT), fill=BRAND)
    draw.text((80, 80), kicker, font=ImageFont.load_default(size=40), fill=BRAND)
    font = ImageFont.load_default(size=64)
    lines = textwrap.wrap(title, width=30)[:4]
    if len(textwrap.wrap(title, width=30)) > 4:
        lines[-1] = lines[-1].rstrip(" .,") + "…"
    y = 170
    for line in lines:
        draw.text((80, y), line, font=font, fill=TEXT)
        y += 80
    if subtitle:
        draw.text(
            (80, max(y + 30, 500)), subtitle[:60], font=ImageFont.load_default(size=36), fill=MUTED
        )
    data = io.BytesIO()
    image.save(data, "PNG", optimize=True)
    return data.getvalue()


# Drawing a card takes some 100 ms of CPU; link-preview crawlers fetch the same card again
# and again, so a drawn card is kept in the cache, keyed by its text (a changed title is
# a new key, and the old one expires).
CARD_CACHE_SECONDS = 7 * 24 * 3600


def card_cache_key(title, subtitle="", kicker="Tekojen tori"):
    digest = hashlib.sha256("\x00".join((title, subtitle, kicker)).encode()).hexdigest()
    return f"share-card:{digest}"


def card_response(title, subtitle="", kicker="Tekojen tori"):
    png = cache.get_or_set(
        card_cache_key(title, subtitle, kicker),
        lambda: share_card(title, subtitle, kicker),
        CARD_CACHE_SECONDS,
    )
    response = HttpResponse(png, content_type="image/png")
    patch_cache_control(response, public=True, max_age=3600)
    return response

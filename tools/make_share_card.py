#!/usr/bin/env python3
"""Draw the default share card (Open Graph image, 1200×630) into tori/static/img/.

Run once when the brand changes; the PNG is committed. Needs Liberation Sans (Debian
package fonts-liberation), an Arial-compatible font with the Finnish and Swedish letters.
"""

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

OUT = Path(__file__).resolve().parent.parent / "tori" / "static" / "img" / "share-card.png"
BRAND = (0, 52, 122)  # Suomi.fi brand-base hsl(214, 100%, 24%)
HIGHLIGHT = (42, 110, 187)
WHITE = (255, 255, 255)
FONTS = Path("/usr/share/fonts/truetype/liberation")


def font(size, bold=False):
    return ImageFont.truetype(
        str(FONTS / f"LiberationSans-{'Bold' if bold else 'Regular'}.ttf"), size
    )


def main():
    image = Image.new("RGB", (1200, 630), BRAND)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 590, 1200, 630), fill=HIGHLIGHT)
    # The mark from the site header, drawn large.
    draw.rounded_rectangle((80, 90, 200, 210), radius=22, fill=WHITE)
    draw.line([(110, 172), (170, 172)], fill=BRAND, width=8)
    draw.line(
        [(118, 172), (118, 138), (140, 123), (162, 138), (162, 172)],
        fill=BRAND,
        width=8,
        joint="curve",
    )
    draw.line([(133, 172), (133, 153), (147, 153), (147, 172)], fill=BRAND, width=8)
    draw.text((80, 260), "Tekojen tori", font=font(104, bold=True), fill=WHITE)
    draw.text((80, 390), "Kehittämistekoja kuntatyöpaikoilta", font=font(50), fill=WHITE)
    draw.text(
        (80, 460),
        "Utvecklingsarbete på kommunala arbetsplatser",
        font=font(38),
        fill=(210, 225, 245),
    )
    OUT.parent.mkdir(parents=True, exist_ok=True)
    image.save(OUT, optimize=True)
    print(OUT)


if __name__ == "__main__":
    main()

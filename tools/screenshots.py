#!/usr/bin/env python3
"""Screenshot pages of a running portal at desktop and phone widths (headless Chromium).

    python tools/screenshots.py http://127.0.0.1:8000 OUT_DIR / /teot/ /teot/1/

Uses the system Chromium (/usr/bin/chromium or $TORI_CHROMIUM); never downloads one.
"""

import os
import re
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

WIDTHS = {"desktop": (1366, 900), "phone": (390, 844)}


def main():
    base, out, *paths = sys.argv[1:]
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=os.environ.get("TORI_CHROMIUM", "/usr/bin/chromium"),
            args=["--no-sandbox", "--disable-background-networking"],
        )
        for name, (width, height) in WIDTHS.items():
            page = browser.new_page(viewport={"width": width, "height": height})
            for path in paths or ["/"]:
                page.goto(base + path)
                slug = re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-") or "home"
                target = out / f"{slug}-{name}.png"
                page.screenshot(path=str(target), full_page=True)
                print(target)
            page.close()
        browser.close()


if __name__ == "__main__":
    main()

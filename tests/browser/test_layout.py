"""Words and images fit their boxes: no heading, card or button overflows from 320 to 1280 px or at
200 % text size, pictures are served as AVIF with their size set, and only the top image loads at once.

Screenshots of every page type at 375, 768 and 1280 px (and at 320 px and 200 % text) go to
artifacts/visual-review/ for a visual review (scripts/visual_review.sh).
"""

import json

import pytest

from tests.browser.conftest import ARTIFACTS

pytestmark = pytest.mark.browser

WIDTHS = [320, 375, 768, 1280]
REVIEW_WIDTHS = {375, 768, 1280}
EXTRA_PATHS = ["/amnen/digitalisering/", "/sok/?q=digitalisering", "/finns-inte-har/"]
# What must hold its content: headings, cards and their titles, buttons and button-like links.
BOXES = "h1, h2, h3, h4, .card, .card__title, .card__meta, .button, button, .person, .speaker"
OVERFLOWS = """selector => {
    const found = [];
    for (const el of document.querySelectorAll(selector)) {
        if (el.closest('.visually-hidden, .table-wrap') || !el.offsetParent) continue;
        if (el.scrollWidth > el.clientWidth + 1) {
            found.push(`${el.tagName.toLowerCase()}.${el.className}: ${el.textContent.trim().slice(0, 60)}`
                + ` (${el.scrollWidth} > ${el.clientWidth})`);
        }
    }
    if (document.documentElement.scrollWidth > window.innerWidth) {
        found.push(`the page scrolls sideways (${document.documentElement.scrollWidth} > ${window.innerWidth})`);
    }
    return found;
}"""


def _paths(demo_server):
    """One page of each type, plus the views outside the page tree."""
    by_type = {}
    for row in demo_server["pages"]:
        by_type.setdefault(row["type"], row["path"])
    return list(by_type.values()) + EXTRA_PATHS


def _slug(path):
    return path.strip("/").replace("/", "_").replace("?", "_").replace("=", "-") or "start"


def _review(page, name):
    folder = ARTIFACTS / "visual-review"
    folder.mkdir(parents=True, exist_ok=True)
    # A full-page screenshot shows what lies below the fold, so lazy images are loaded first.
    page.evaluate(
        """() => Promise.all([...document.images].map(img => {
            img.loading = 'eager';
            return img.complete ? null : new Promise(done => { img.onload = img.onerror = done; });
        }))"""
    )
    page.screenshot(path=str(folder / f"{name}.png"), full_page=True)


@pytest.mark.parametrize("width", WIDTHS)
def test_no_heading_card_or_button_overflows_its_box(demo_server, browser, width, tally):
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="sv-SE")
    page = context.new_page()
    failures = {}
    for path in _paths(demo_server):
        page.goto(demo_server["url"] + path, wait_until="load")
        if found := page.evaluate(OVERFLOWS, BOXES):
            failures[path] = found
        else:
            tally(path)
        if width in REVIEW_WIDTHS or width == 320:
            _review(page, f"{_slug(path)}-{width}")
    context.close()
    assert not failures, json.dumps(failures, ensure_ascii=False, indent=2)


@pytest.mark.parametrize("width", [1280, 768])
def test_the_layout_holds_at_200_percent_text(demo_server, browser, width, tally):
    # Chromium's text-only zoom is a user setting; doubling the root font size does the same to a
    # layout measured in rem, as ours is.
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="sv-SE")
    page = context.new_page()
    failures = {}
    for path in _paths(demo_server):
        page.goto(demo_server["url"] + path, wait_until="load")
        page.evaluate("() => { document.documentElement.style.fontSize = '200%'; }")
        if found := page.evaluate(OVERFLOWS, BOXES):
            failures[path] = found
        else:
            tally(path)
        _review(page, f"{_slug(path)}-{width}-text200")
    context.close()
    assert not failures, json.dumps(failures, ensure_ascii=False, indent=2)


def test_pictures_are_avif_with_their_size_set_and_only_the_top_image_loads_at_once(demo_server, browser, tally):
    context = browser.new_context(viewport={"width": 375, "height": 740}, locale="sv-SE")
    page = context.new_page()
    seed = next(row["path"] for row in demo_server["pages"] if row["type"] == "ConferencePage")
    page.goto(demo_server["url"] + seed, wait_until="load")
    images = page.evaluate(
        """() => [...document.querySelectorAll('main img')].map(img => ({
            src: img.currentSrc, width: img.getAttribute('width'), height: img.getAttribute('height'),
            loading: img.getAttribute('loading'), top: !!img.closest('.top-image'), complete: img.complete,
        }))"""
    )
    context.close()
    top = [image for image in images if image["top"]]
    assert len(top) == 1 and top[0]["loading"] is None and top[0]["complete"]
    assert top[0]["src"].endswith(".avif"), "Chromium reads AVIF, so it picks that source"
    assert all(image["width"] and image["height"] for image in images), images
    assert all(image["loading"] == "lazy" for image in images if not image["top"]), images
    tally(seed)

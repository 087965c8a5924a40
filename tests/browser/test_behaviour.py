"""What only a browser shows: keyboard use, focus, the narrow-screen menu."""

import pytest

pytestmark = pytest.mark.browser

FOCUS_IS_VISIBLE = """() => {
    const el = document.activeElement;
    const style = getComputedStyle(el);
    return style.outlineStyle !== 'none' && style.outlineWidth !== '0px' || style.boxShadow !== 'none';
}"""

# A group of radio buttons is one tab stop (the arrow keys move within it), so it counts once.
FOCUSABLE_COUNT = """() => new Set([...document.querySelectorAll(
        'a[href], button, input, select, textarea, summary, [tabindex]')]
    .filter(el => el.tabIndex >= 0 && !el.disabled && el.type !== 'hidden'
        && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden')
    .map(el => el.type === 'radio' && el.name
        ? 'radio:' + [...document.forms].indexOf(el.form) + ':' + el.name : el)).size"""


def _seed_paths(demo_server):
    return [row["path"] for row in demo_server["pages"]]


def test_skip_link_moves_focus_to_the_main_content(demo_server, context_factory, tally):
    page = context_factory().new_page()
    page.goto(demo_server["url"] + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Hoppa till huvudinnehållet"
    assert page.evaluate(FOCUS_IS_VISIBLE)
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    tally("/")


def test_every_interactive_element_is_reachable_with_visible_focus(demo_server, context_factory, tally):
    page = context_factory().new_page()
    for path in _seed_paths(demo_server):
        page.goto(demo_server["url"] + path)
        expected = page.evaluate(FOCUSABLE_COUNT)
        seen = set()
        for _ in range(expected + 5):
            page.keyboard.press("Tab")
            key = page.evaluate(
                "() => { const e = document.activeElement; return e === document.body ? null :"
                " e.outerHTML.slice(0, 200) + '@' + [...document.querySelectorAll('*')].indexOf(e); }"
            )
            if key is None:
                continue
            assert page.evaluate(FOCUS_IS_VISIBLE), f"no visible focus on {key} at {path}"
            seen.add(key)
        assert len(seen) >= expected, f"{path}: reached {len(seen)} of {expected} interactive elements"
        tally(path)


def test_menu_opens_and_closes_on_a_narrow_screen(demo_server, context_factory, tally):
    page = context_factory("mobile").new_page()
    page.goto(demo_server["url"] + "/")
    toggle = page.get_by_role("button", name="Meny")
    menu = page.locator("#main-menu")
    assert toggle.is_visible()
    assert not menu.is_visible()
    toggle.focus()
    page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true"
    assert menu.is_visible()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('#main-menu') !== null")
    page.keyboard.press("Escape")
    assert not menu.is_visible()
    assert page.evaluate("document.activeElement.classList.contains('menu-toggle')")
    tally("/", checks=2)

"""The state block of a broadcast moves on by itself on an open page: the count-down, "Sänds nu" with the
join button, then the end; with the browser's clock advanced (Playwright's clock control), no reload."""

import datetime as dt
import re

import pytest

from tests.servers import manage

pytestmark = pytest.mark.browser

RECORD_CSP_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => window.__cspViolations.push(event.violatedDirective));
"""


def test_the_state_script_moves_the_block_on_at_each_moment(demo_server, context_factory, tally):
    # A part of the demo series starts in 20 minutes (to the minute) and lasts 10.
    output = manage(demo_server["env"], "shift_broadcast", "--minutes", "20", "--length", "10")
    url = re.search(r"(http\S+#del-(\d+))", output)
    path, part_id = url.group(1).split("://", 1)[1].split("/", 1)[1], url.group(2)
    context = context_factory()
    page = context.new_page()
    page.clock.install(time=dt.datetime.now(dt.UTC))
    page.add_init_script(RECORD_CSP_VIOLATIONS)
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"{demo_server['url']}/{path.split('#')[0]}")
    block = page.locator(f"#del-{part_id} .broadcast")
    label = block.locator(".broadcast__label")
    join = block.locator("[data-broadcast-join]")
    assert label.inner_text().startswith("Kommande: ")
    assert not join.is_visible()
    loaded = len(requests)

    def forward_to(seconds_before_start):
        # The start is to the minute, so how far off it is depends on when the command ran: go by the
        # block's own moment, not by the time the page happened to load.
        left = page.evaluate("element => Date.parse(element.dataset.start) - Date.now()", block.element_handle())
        page.clock.fast_forward(int(left - seconds_before_start * 1000))

    forward_to(13.5 * 60)
    assert re.fullmatch(r"Börjar om 1[34] minuter", label.inner_text())
    forward_to(90)
    assert re.fullmatch(r"Börjar om [12] minut(er)?", label.inner_text())
    forward_to(-30)
    assert label.inner_text() == "Sänds nu"
    assert join.is_visible()
    assert join.get_by_role("link").inner_text().startswith("Följ sändningen nu")
    assert "broadcast--live" in block.get_attribute("class")

    page.clock.fast_forward("10:00")
    assert label.inner_text() == "Sändningen är slut, inspelningen kommer"
    assert not join.is_visible()
    assert not page.locator(f"#del-{part_id} .seminar-part__links").is_visible()
    # No reload and no request: the script works from the block's own moments.
    assert len(requests) == loaded
    assert page.evaluate("window.__cspViolations") == []
    tally(path, checks=5)

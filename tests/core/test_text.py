"""Text for line-based files: control characters never reach a line, whatever an editor stored."""

import sys

from core.text import CONTROL_EXCEPT_TAB_RE, CONTROL_RE, is_control, multi_line, single_line


def test_the_fast_expressions_find_exactly_the_control_characters():
    """The writers scan with one expression; it must name the characters is_control names, all of them."""
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        assert bool(CONTROL_RE.fullmatch(char)) == is_control(char), hex(code)
        assert bool(CONTROL_EXCEPT_TAB_RE.fullmatch(char)) == (is_control(char) and char != "\t"), hex(code)


def test_a_single_line_has_no_breaks_controls_or_runs_of_spaces():
    assert single_line(" Möte\r\nom\tvälfärd\u2028och\x00  skola\x85 ") == "Möte om välfärd och skola"
    assert single_line(None) == ""


def test_multi_line_keeps_line_feeds_and_tabs_only():
    assert multi_line("Rad ett\r\nRad\ttvå\x0bslut\x07\u2029sist") == "Rad ett\nRad\ttvå\nslut\nsist"

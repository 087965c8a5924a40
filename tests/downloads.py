"""Strict readers of the site's downloads, for specifications that every file still parses.

Lenient parsers accept what a strict calendar or address book would refuse, so these also check
the raw lines: CRLF line ends, no control characters, and (for vCards) escaped separators.
"""

import csv
import email.message
import io
import re
import unicodedata

import feedparser
import openpyxl
from icalendar import Calendar


def has_control(text):
    return any(unicodedata.category(char) in {"Cc", "Cs"} for char in text)


def content_lines(data):
    """The physical lines of an RFC 5545 or RFC 2426 file: every one ends in CRLF and holds no control character."""
    text = data if isinstance(data, str) else data.decode("utf-8")
    assert text.endswith("\r\n"), "the file ends with CRLF"
    lines = text[:-2].split("\r\n")
    for line in lines:
        assert not has_control(line.replace("\t", "")), f"control character in {line!r}"
    return lines


def unfold(lines):
    """Logical lines: a line starting with a space or tab continues the one before."""
    logical = []
    for line in lines:
        if line[:1] in (" ", "\t") and logical:
            logical[-1] += line[1:]
        else:
            logical.append(line)
    return logical


def parse_ics(data):
    """An .ics file as icalendar reads it, after checking its raw lines."""
    content_lines(data)
    return Calendar.from_ical(data)  # bytes or, as an e-mail attachment, text


def vcard_components(value):
    """A vCard text value split on unescaped semicolons, each unescaped; a bad escape fails."""
    components, current, chars = [], "", iter(value)
    for char in chars:
        if char == "\\":
            escaped = next(chars, "")
            assert escaped in {"\\", ";", ",", "n", "N"}, f"bad escape in {value!r}"
            current += "\n" if escaped in "nN" else escaped
        elif char == ";":
            components.append(current)
            current = ""
        else:
            assert char != ",", f"unescaped comma in {value!r}"
            current += char
    return [*components, current]


def parse_vcard(data):
    """A vCard 3.0 (RFC 2426) as {property name: [components]}, read strictly."""
    lines = content_lines(data)
    assert all(len(line.encode()) <= 75 for line in lines), "lines are folded at 75 octets"
    logical = unfold(lines)
    assert logical[:2] == ["BEGIN:VCARD", "VERSION:3.0"] and logical[-1] == "END:VCARD"
    properties = {}
    for line in logical[2:-1]:
        name, separator, value = line.partition(":")
        assert separator and re.fullmatch(r"[A-Z-]+(;[A-Z]+=[A-Z,]+)*", name), f"malformed line {line!r}"
        properties[name.split(";")[0]] = vcard_components(value)
    assert "FN" in properties and "N" in properties
    return properties


def parse_rss(data):
    """An RSS feed as feedparser reads it; a feed it had to guess at fails."""
    feed = feedparser.parse(data)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def parse_csv(response):
    """A CSV download's rows, as Swedish Excel reads it: a byte order mark, then semicolon-separated UTF-8."""
    content = b"".join(response.streaming_content) if response.streaming else response.content
    assert content.startswith(b"\xef\xbb\xbf"), "the file starts with a byte order mark"
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline=""), delimiter=";"))


def download_name(response):
    """The file name a browser saves a download as (RFC 6266, filename* preferred), from an ASCII header."""
    value = response["Content-Disposition"]
    assert value.isascii() and not has_control(value), value
    message = email.message.Message()
    message["Content-Disposition"] = value
    return message.get_filename()


def xlsx_sheet(client, url, params, capture_on_commit):
    """The sheet of an XLSX export: the file sent at once, or (many rows) written by the worker when the
    request commits and downloaded from the page the editor is sent to."""
    with capture_on_commit(execute=True):
        response = client.get(url, params)
    if response.status_code == 302:
        response = client.get(response["Location"] + "fil/")
    return openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active

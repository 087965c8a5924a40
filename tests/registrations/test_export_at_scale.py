"""Exports of many registrations start at once and use the same memory for 3,000 rows as for 300."""

import csv
import io
import tracemalloc

import openpyxl
import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core import exports
from registrations.models import Registration, Status
from tests.registrations.factories import RegistrationFactory

pytestmark = pytest.mark.django_db

LIST = "/admin/anmalningar/"


@pytest.fixture
def editor(client):
    client.force_login(get_user_model().objects.create_superuser("admin", "admin@example.se", "lösenord-långt"))
    return client


def add_registrations(event, count):
    start = Registration.objects.count()
    Registration.objects.bulk_create(
        RegistrationFactory.build(event=event, email=f"person{start + n}@kommun.se", status=Status.CONFIRMED)
        for n in range(count)
    )


def peak_while_downloading(client, export):
    """Python's peak allocation while the view answers and the whole file is read and thrown away."""
    tracemalloc.start()
    try:
        response = client.get(LIST, {"export": export})
        size = sum(len(chunk) for chunk in response.streaming_content)
        return tracemalloc.get_traced_memory()[1], size
    finally:
        tracemalloc.stop()


def test_the_csv_heading_row_is_sent_before_any_registration_is_read(editor, event):
    add_registrations(event, 50)

    response = editor.get(LIST, {"export": "csv"})
    chunks = iter(response.streaming_content)
    with CaptureQueriesContext(connection) as queries:
        first = next(chunks)

    assert response.streaming
    assert first.decode("utf-8-sig").startswith("Evenemang;Namn;E-post")
    assert len(queries) == 0
    rows = list(csv.reader(io.StringIO((first + b"".join(chunks)).decode("utf-8-sig")), delimiter=";"))
    assert len(rows) == 51


# The XLSX file of as many rows is written by the worker: tests/core/test_exports.py checks its memory.
@pytest.mark.parametrize("export", ["csv"])
def test_memory_stays_flat_when_the_rows_grow_tenfold(editor, event, monkeypatch, export):
    monkeypatch.setattr(exports, "CHUNK_ROWS", 100)
    # CSV goes out in pieces of CHUNK_BYTES: smaller than the small file, so both sizes send several.
    monkeypatch.setattr(exports, "CHUNK_BYTES", 8 * 1024)
    add_registrations(event, 300)
    editor.get(LIST, {"export": export})  # warm-up: imports and first-use caches are not the export's
    small, small_size = peak_while_downloading(editor, export)
    add_registrations(event, 2700)
    large, large_size = peak_while_downloading(editor, export)

    assert large_size > 5 * small_size
    # Reading every row at once would take about ten times the small export's memory.
    assert large < small * 1.5, f"{small / 2**20:.1f} MB for 300 rows, {large / 2**20:.1f} MB for 3,000"


def test_the_xlsx_export_has_every_row(editor, event):
    add_registrations(event, 250)

    response = editor.get(LIST, {"export": "xlsx"})

    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    assert sheet.max_row == 251

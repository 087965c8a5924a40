"""Spreadsheet exports from the admin's reports and listings, safe to open in Excel, in flat memory."""

import csv
import io
import tempfile
from decimal import Decimal
from itertools import islice

from django.db.models import QuerySet
from django.http import FileResponse
from django.utils.http import content_disposition_header
from wagtail.admin.views.mixins import SpreadsheetExportMixin

# Spreadsheet programs run cells starting with these characters as formulas.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# Rows read from the database at a time, and CSV bytes sent at a time: memory stays at one chunk
# whatever the number of rows (100,000 registrations are 50 chunks, not 1 GB of model instances).
CHUNK_ROWS = 2000
CHUNK_BYTES = 64 * 1024
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def spreadsheet_safe(value):
    """Text that a spreadsheet program shows as text, never runs as a formula."""
    return f"'{value}" if value.startswith(FORMULA_PREFIXES) else value


# Swedish Excel opens a CSV file as UTF-8 only with a byte order mark, and separates fields with
# semicolons, since the comma is its decimal sign.
BOM = "\ufeff".encode()


class SwedishExcel(csv.excel):
    """The CSV dialect Swedish Excel opens with a double click: semicolons between fields."""

    delimiter = ";"


def swedish_number(value):
    """A share or an average as Swedish Excel reads it: one decimal at most, after a comma (66,7)."""
    return f"{value:.1f}".removesuffix(".0").replace(".", ",")


def rounded(value):
    return round(value, 1)


def swedish_csv(lines):
    """Wagtail's CSV (commas, UTF-8, whole records per chunk) as Swedish Excel opens it, chunk for chunk:
    the byte order mark goes out with the first one (the heading row)."""
    prefix = BOM
    for chunk in lines:
        out = io.StringIO()
        csv.writer(out, SwedishExcel).writerows(csv.reader(io.StringIO(chunk.decode("utf-8"), newline="")))
        yield prefix + out.getvalue().encode("utf-8")
        prefix = b""


class ChunkedRows:
    """Rows (a queryset read CHUNK_ROWS at a time, or a list) in chunks, each passed through the view's
    `decorate` if it has one, with the `.model` that Wagtail's headings read."""

    def __init__(self, rows, decorate=None):
        self.rows = rows
        self.decorate = decorate
        self.model = getattr(rows, "model", None)

    def __iter__(self):
        rows = self.rows.iterator(chunk_size=CHUNK_ROWS) if isinstance(self.rows, QuerySet) else iter(self.rows)
        while chunk := list(islice(rows, CHUNK_ROWS)):
            yield from self.decorate(chunk) if self.decorate else chunk


class SafeExportMixin:
    """For Wagtail's exporting views: CSV cells that never run as formulas, a UTF-8 file name, and
    files written as the rows are read (CSV streamed, XLSX via a temporary file), never all in memory."""

    custom_value_preprocess = {
        **SpreadsheetExportMixin.custom_value_preprocess,
        # XLSX cells are typed as text by Wagtail already; CSV has no types, so guard the text itself.
        str: {SpreadsheetExportMixin.FORMAT_CSV: spreadsheet_safe},
        (float, Decimal): {
            SpreadsheetExportMixin.FORMAT_CSV: swedish_number,
            SpreadsheetExportMixin.FORMAT_XLSX: rounded,
        },
    }

    def get(self, request, *args, **kwargs):
        if not self.is_export:
            return super().get(request, *args, **kwargs)
        # Wagtail builds the listing's context before exporting, and counts the rows by loading them
        # all (len()); an export needs only the rows, read in chunks.
        is_report = hasattr(self, "get_filtered_queryset")
        rows = self.get_filtered_queryset() if is_report else self.get_queryset()
        return self.as_spreadsheet(ChunkedRows(rows, self.decorate_export_chunk), request.GET["export"])

    def decorate_export_chunk(self, rows):
        """Adds what the file needs to a chunk of rows, as a report's decorate_paginated_queryset does
        for a page of the listing. No prefetch_related in exports: its caches tie each row into a
        reference cycle that only Python's rare full collection frees, so memory would grow with rows."""
        decorate = getattr(self, "decorate_paginated_queryset", None)
        return decorate(rows) if decorate else rows

    def stream_csv(self, queryset):
        lines = super().stream_csv(queryset)
        # The heading row goes out at once, before any row is read: the download starts within a second.
        yield next(lines)
        buffer, size = [], 0
        for line in lines:
            buffer.append(line)
            size += len(line)
            if size >= CHUNK_BYTES:
                yield b"".join(buffer)
                buffer, size = [], 0
        if buffer:
            yield b"".join(buffer)

    def write_csv_response(self, queryset):
        response = super().write_csv_response(queryset)
        response.streaming_content = swedish_csv(response.streaming_content)
        response["Content-Type"] = "text/csv; charset=utf-8"
        # Wagtail quotes the file name as it is; a Swedish slug needs RFC 6266's filename* (UTF-8).
        response["Content-Disposition"] = content_disposition_header(True, f"{self.get_filename()}.csv")
        return response

    def write_xlsx_response(self, queryset):
        # An XLSX file is a zip archive, complete only at its end, so it is written to a temporary file
        # (openpyxl's write-only mode keeps one row in memory) and sent from there.
        output = tempfile.TemporaryFile()  # noqa: SIM115 (FileResponse closes it once it is sent)
        self.write_xlsx(queryset, output)
        output.seek(0)
        return FileResponse(
            output, as_attachment=True, content_type=XLSX_CONTENT_TYPE, filename=f"{self.get_filename()}.xlsx"
        )

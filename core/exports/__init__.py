"""Spreadsheet exports from the admin's reports and listings, safe to open in Excel, in flat memory."""

import csv
import io
import tempfile
from collections.abc import Sized
from decimal import Decimal
from itertools import islice

from django.conf import settings
from django.db.models import QuerySet
from django.http import FileResponse, StreamingHttpResponse
from django.shortcuts import redirect
from django.utils.functional import cached_property
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


def drain(buffer):
    """What a StringIO holds, as UTF-8, leaving it empty for the next rows."""
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return text.encode("utf-8")


class ChunkedRows:
    """Rows (a queryset read CHUNK_ROWS at a time, or a list) in chunks, each passed through the view's
    `decorate` if it has one, with the `.model` that Wagtail's headings read; `count` says how many went by."""

    def __init__(self, rows, decorate=None):
        self.rows = rows
        self.decorate = decorate
        self.model = getattr(rows, "model", None)
        self.count = 0

    def __iter__(self):
        rows = self.rows.iterator(chunk_size=CHUNK_ROWS) if isinstance(self.rows, QuerySet) else iter(self.rows)
        while chunk := list(islice(rows, CHUNK_ROWS)):
            self.count += len(chunk)
            yield from self.decorate(chunk) if self.decorate else chunk

    def more_than(self, limit):
        """Whether there are more than `limit` rows, reading at most limit + 1 of them; rows that cannot be
        counted without making them all are taken to be many."""
        if isinstance(self.rows, QuerySet):
            return self.rows[: limit + 1].count() > limit
        return len(self.rows) > limit if isinstance(self.rows, Sized) else True


class SafeExportMixin:
    """For Wagtail's exporting views: CSV cells that never run as formulas, a UTF-8 file name, and files
    written as the rows are read, never all in memory: CSV streamed, XLSX via a temporary file, by the
    worker when there are more than EXPORT_XLSX_DIRECT_ROWS rows (core/exports/files.py)."""

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
        export_format = request.GET["export"]
        rows = self.export_rows()
        # An XLSX file is complete only at its end; of many rows the worker writes it, and the editor gets a
        # page at once that offers the file when it is ready (core/exports/views.py).
        if export_format == self.FORMAT_XLSX and rows.more_than(settings.EXPORT_XLSX_DIRECT_ROWS):
            from .files import start

            return redirect("core_export", start(self, "xlsx").pk)
        return self.as_spreadsheet(rows, export_format)

    def export_rows(self):
        """The rows to export, in chunks. Wagtail builds the listing's context before exporting, and counts
        the rows by loading them all (len()); an export needs only the rows, read in chunks."""
        is_report = hasattr(self, "get_filtered_queryset")
        rows = self.get_filtered_queryset() if is_report else self.get_queryset()
        return ChunkedRows(rows, self.decorate_export_chunk)

    def write_xlsx_file(self, output):
        """Writes the whole export as XLSX into a file (the worker's task); returns the number of rows."""
        rows = self.export_rows()
        self.write_xlsx(rows, output)
        return rows.count

    def decorate_export_chunk(self, rows):
        """Adds what the file needs to a chunk of rows, as a report's decorate_paginated_queryset does
        for a page of the listing. No prefetch_related in exports: its caches tie each row into a
        reference cycle that only Python's rare full collection frees, so memory would grow with rows."""
        decorate = getattr(self, "decorate_paginated_queryset", None)
        return decorate(rows) if decorate else rows

    def preprocess_field_value(self, field, value, export_format):
        # Wagtail looks the function up for every cell, through every type it knows; it depends only on the
        # field, the value's type and the format, so it is looked up once per view for each of those.
        key = (field, type(value), export_format)
        try:
            function = self.export_preprocessors[key]
        except KeyError:
            function = self.export_preprocessors[key] = self.get_preprocess_function(field, value, export_format)
        return value if function is None else function(value)

    @cached_property
    def export_preprocessors(self):
        return {}

    def stream_csv(self, queryset):
        """The rows as Swedish Excel opens them (semicolons, a byte order mark), sent CHUNK_BYTES at a time.
        The heading row goes out at once, before any row is read: the download starts within a second."""
        buffer = io.StringIO()
        writer = csv.writer(buffer, SwedishExcel)
        writer.writerow([self.get_heading(queryset, field) for field in self.list_export])
        yield BOM + drain(buffer)
        for item in queryset:
            row = self.to_row_dict(item)
            writer.writerow(
                [self.preprocess_field_value(field, value, self.FORMAT_CSV) for field, value in row.items()]
            )
            if buffer.tell() >= CHUNK_BYTES:
                yield drain(buffer)
        if buffer.tell():
            yield drain(buffer)

    def write_csv_response(self, queryset):
        response = StreamingHttpResponse(self.stream_csv(queryset), content_type="text/csv; charset=utf-8")
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

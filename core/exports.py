"""Spreadsheet exports from the admin's reports and listings, safe to open in Excel."""

import csv
import io
from decimal import Decimal

from django.utils.http import content_disposition_header
from wagtail.admin.views.mixins import SpreadsheetExportMixin

# Spreadsheet programs run cells starting with these characters as formulas.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


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


class SafeExportMixin:
    """For Wagtail's exporting views: CSV cells that never run as formulas, and a UTF-8 file name."""

    custom_value_preprocess = {
        **SpreadsheetExportMixin.custom_value_preprocess,
        # XLSX cells are typed as text by Wagtail already; CSV has no types, so guard the text itself.
        str: {SpreadsheetExportMixin.FORMAT_CSV: spreadsheet_safe},
        (float, Decimal): {
            SpreadsheetExportMixin.FORMAT_CSV: swedish_number,
            SpreadsheetExportMixin.FORMAT_XLSX: rounded,
        },
    }

    def write_csv_response(self, queryset):
        response = super().write_csv_response(queryset)
        response.streaming_content = swedish_csv(response.streaming_content)
        response["Content-Type"] = "text/csv; charset=utf-8"
        # Wagtail quotes the file name as it is; a Swedish slug needs RFC 6266's filename* (UTF-8).
        response["Content-Disposition"] = content_disposition_header(True, f"{self.get_filename()}.csv")
        return response

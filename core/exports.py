"""Spreadsheet exports from the admin's reports and listings, safe to open in Excel."""

from django.utils.http import content_disposition_header
from wagtail.admin.views.mixins import SpreadsheetExportMixin

# Spreadsheet programs run cells starting with these characters as formulas.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    """Text that a spreadsheet program shows as text, never runs as a formula."""
    return f"'{value}" if value.startswith(FORMULA_PREFIXES) else value


class SafeExportMixin:
    """For Wagtail's exporting views: CSV cells that never run as formulas, and a UTF-8 file name."""

    custom_value_preprocess = {
        **SpreadsheetExportMixin.custom_value_preprocess,
        # XLSX cells are typed as text by Wagtail already; CSV has no types, so guard the text itself.
        str: {SpreadsheetExportMixin.FORMAT_CSV: spreadsheet_safe},
    }

    def write_csv_response(self, queryset):
        response = super().write_csv_response(queryset)
        # Wagtail quotes the file name as it is; a Swedish slug needs RFC 6266's filename* (UTF-8).
        response["Content-Disposition"] = content_disposition_header(True, f"{self.get_filename()}.csv")
        return response

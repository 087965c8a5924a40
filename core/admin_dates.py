"""Date and time fields in the admin: a typed date the picker cannot read stays in the field and the
form answers with a Swedish error that shows the expected format, instead of the picker silently
putting today's date in its place."""

import datetime as dt

from django.conf import settings
from django.db import models
from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.widgets import AdminDateInput, AdminDateTimeInput, AdminTimeInput

EXAMPLE = dt.datetime(2027, 5, 10, 9, 0)
# How the parts of a strftime format read to a Swedish editor.
PLACEHOLDERS = {"%Y": "ÅÅÅÅ", "%m": "MM", "%d": "DD", "%H": "TT", "%M": "MM", "%S": "SS"}


def spelled_out(fmt):
    """A strftime format as an editor reads it, e.g. "%Y-%m-%d %H:%M" as "ÅÅÅÅ-MM-DD TT:MM"."""
    for code, placeholder in PLACEHOLDERS.items():
        fmt = fmt.replace(code, placeholder)
    return fmt


def format_message(what, fmt):
    return f"Skriv {what} som {spelled_out(fmt)}, till exempel {EXAMPLE.strftime(fmt)}."


class KeepTypedText:
    """The date picker's default replaces, on leaving the field, a text it cannot read with the
    current date and time; switched off here, so the server sees what the editor typed."""

    def get_config(self):
        return {**super().get_config(), "validateOnBlur": False}


class DateInput(KeepTypedText, AdminDateInput):
    """Wagtail's date picker that keeps what was typed."""


class DateTimeInput(KeepTypedText, AdminDateTimeInput):
    """Wagtail's date and time picker that keeps what was typed."""


class TimeInput(KeepTypedText, AdminTimeInput):
    """Wagtail's time picker that keeps what was typed."""


def register_date_fields():
    """Use the pickers above, with a Swedish message naming the format, for every model date field."""
    fields = [
        (models.DateField, DateInput, "datumet", settings.WAGTAIL_DATE_FORMAT),
        (models.DateTimeField, DateTimeInput, "datum och tid", settings.WAGTAIL_DATETIME_FORMAT),
        (models.TimeField, TimeInput, "tiden", settings.WAGTAIL_TIME_FORMAT),
    ]
    for field, widget, what, fmt in fields:
        register_form_field_override(
            field, override={"widget": widget, "error_messages": {"invalid": format_message(what, fmt)}}
        )

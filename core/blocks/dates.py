"""Date and time blocks that behave like the admin's date fields (core/admin_dates.py): a typed value the
picker cannot read is kept and answered with a Swedish error naming the format."""

from django import forms
from django.conf import settings
from django.utils.functional import cached_property
from wagtail import blocks

from core.admin_dates import DateInput, TimeInput, format_message


class DateBlock(blocks.DateBlock):
    """Wagtail's date block with the picker that keeps what was typed and a Swedish error."""

    @cached_property
    def field(self):
        return forms.DateField(
            widget=DateInput(format=self.format),
            error_messages={"invalid": format_message("datumet", settings.WAGTAIL_DATE_FORMAT)},
            **self.field_options,
        )


class TimeBlock(blocks.TimeBlock):
    """Wagtail's time block with the picker that keeps what was typed and a Swedish error."""

    @cached_property
    def field(self):
        return forms.TimeField(
            widget=TimeInput(format=self.format),
            error_messages={"invalid": format_message("tiden", settings.WAGTAIL_TIME_FORMAT)},
            **self.field_options,
        )

"""Django's Swedish formats, but forms read dates only in ISO order (2027-05-10), as the admin's pickers
write them: Django also reads 05/10/2027 as American, month first, which a Swede would mean as 5 October."""

from django.conf.locale.sv.formats import *  # noqa: F403

DATE_INPUT_FORMATS = ["%Y-%m-%d"]
DATETIME_INPUT_FORMATS = ["%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M:%S.%f", "%Y-%m-%d"]
TIME_INPUT_FORMATS = ["%H:%M", "%H:%M:%S", "%H:%M:%S.%f"]

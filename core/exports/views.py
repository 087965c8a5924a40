"""The editor's side of a background export: a page that says the file is being prepared and offers it
when it is ready, and the download, for the editor who asked while they may still see the listing."""

import datetime as dt

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.functional import cached_property
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from core.models import ExportFile, ExportState

from . import XLSX_CONTENT_TYPE
from .files import listing_view, may_export

LATE_AFTER = dt.timedelta(minutes=15)


def own_export(request, pk):
    """The requesting editor's own export; anyone else's is not found, so its existence is not told."""
    return get_object_or_404(ExportFile, pk=pk, user=request.user)


class ExportStatusView(WagtailAdminTemplateMixin, TemplateView):
    """Says that the export is being prepared, then offers the file (the page looks again by itself)."""

    template_name = "core/admin/export.html"
    header_icon = "download"

    @cached_property
    def export(self):
        return own_export(self.request, self.kwargs["pk"])

    def get_page_title(self):
        return f"Export: {self.export.filename}"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        export = self.export
        # A file still not written after this long: no worker is running, or it stopped while writing.
        late = export.state == ExportState.PENDING and export.created_at < timezone.now() - LATE_AFTER
        return super().get_context_data(
            export=export, late=late, ExportState=ExportState, keep_hours=settings.EXPORT_KEEP_HOURS, **kwargs
        )


def download(request, pk):
    """The finished file, to the editor who asked for it, while they may still see the listing."""
    export = own_export(request, pk)
    if export.state != ExportState.DONE or not export.file:
        raise Http404("Filen är inte klar.")
    view = listing_view(export, request.user)
    if view is None or not may_export(view):
        raise PermissionDenied
    return FileResponse(
        export.file.open("rb"), as_attachment=True, filename=export.filename, content_type=XLSX_CONTENT_TYPE
    )

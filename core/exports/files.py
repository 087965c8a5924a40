"""Exports written by the worker: an XLSX file of many rows takes longer than an editor should wait for a
first byte, so the listing's own view writes it in a task, into private storage, for the editor who
asked; the file is removed after EXPORT_KEEP_HOURS."""

import datetime as dt
import logging
import tempfile

from django.conf import settings
from django.core.files import File
from django.db import transaction
from django.db.models.signals import post_delete
from django.http import HttpRequest, QueryDict
from django.urls import Resolver404, resolve
from django.utils import timezone
from django_tasks import task

from core.models import ExportFile, ExportState

logger = logging.getLogger(__name__)


def start(view, extension):
    """Records an export of the view's listing, as its user filtered it, and queues it after the commit."""
    query = view.request.GET.copy()
    query.pop("export", None)
    export = ExportFile.objects.create(
        user=view.request.user,
        source=view.request.path_info,
        query=query.urlencode(),
        filename=f"{view.get_filename()}.{extension}",
    )

    def enqueue():
        try:
            write_export.enqueue(str(export.pk))
        except Exception:
            # A queue that is down (Redis) fails this export, not the editor's request.
            logger.exception("Could not queue export %s", export.pk)
            finish(export, ExportState.FAILED)

    transaction.on_commit(enqueue)
    return export


def listing_view(export, user):
    """The listing's own view, set up as for a GET by `user` with the export's filters, or None."""
    try:
        match = resolve(export.source)
    except Resolver404:
        return None
    # Django's as_view() keeps the view class and its arguments on the function (documented attributes);
    # Wagtail's admin decorators copy them onto their wrappers.
    view_class = getattr(match.func, "view_class", None)
    if view_class is None or not hasattr(view_class, "export_rows"):
        return None
    request = HttpRequest()
    request.method = "GET"
    request.path = request.path_info = export.source
    request.GET = QueryDict(export.query, mutable=True)
    request.GET["export"] = "xlsx"  # the view knows it writes a file, as in the editor's request
    request.user = user
    view = view_class(**match.func.view_initkwargs)
    view.setup(request, *match.args, **match.kwargs)
    return view


def may_export(view):
    """Whether the view's user may see its listing: the checks Wagtail's PermissionCheckedMixin makes when
    the view is dispatched (the views here ask through user_has_permission), and access to the admin."""
    user = view.request.user
    if not (user.is_active and user.has_perm("wagtailadmin.access_admin")):
        return False
    if not hasattr(view, "user_has_permission"):
        return False
    required = getattr(view, "permission_required", None)
    if required is not None and not view.user_has_permission(required):
        return False
    any_required = getattr(view, "any_permission_required", None)
    return any_required is None or view.user_has_any_permission(any_required)


def finish(export, state, rows=None):
    """Marks the export done or failed; False if it was removed meanwhile (purged, or its user deleted)."""
    return bool(
        ExportFile.objects.filter(pk=export.pk).update(
            state=state, rows=rows, file=export.file.name or "", finished_at=timezone.now()
        )
    )


@task(backend="background")
def write_export(export_id):
    """Writes one export's file with the listing's own view, as its user; returns the number of rows."""
    export = ExportFile.objects.filter(pk=export_id, state=ExportState.PENDING).select_related("user").first()
    if export is None:
        return 0
    view = listing_view(export, export.user)
    if view is None or not may_export(view):
        finish(export, ExportState.FAILED)
        return 0
    try:
        with tempfile.TemporaryFile() as output:
            rows = view.write_xlsx_file(output)
            output.seek(0)
            export.file.save(f"{export.pk}.xlsx", File(output), save=False)
    except Exception:
        logger.exception("Export %s failed", export.pk)
        finish(export, ExportState.FAILED)
        return 0
    if not finish(export, ExportState.DONE, rows):
        export.file.delete(save=False)
    return rows


def purge_expired(now=None):
    """Removes the exports asked for more than EXPORT_KEEP_HOURS ago, with their files; the periodic job
    purge_exports runs it hourly. Returns how many."""
    cutoff = (now or timezone.now()) - dt.timedelta(hours=settings.EXPORT_KEEP_HOURS)
    return ExportFile.objects.filter(created_at__lt=cutoff).delete()[1].get(ExportFile._meta.label, 0)


def delete_file(sender, instance, **kwargs):
    """An export's file goes with its row: purged, or its editor's account deleted."""
    if instance.file:
        instance.file.delete(save=False)


def connect():
    """Called once from CoreConfig.ready()."""
    post_delete.connect(delete_file, sender=ExportFile, dispatch_uid="core_export_file_deleted")

"""An XLSX export of many rows is written by the worker: the editor gets a Swedish page at once, which
offers the file when it is ready, to that editor only, while they may still see the listing; old files go."""

import datetime as dt
import io
import tracemalloc

import openpyxl
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_tasks import task_backends

from core import exports
from core.exports import files
from core.models import ExportFile, ExportState
from registrations.models import Registration, Status
from tests.registrations.factories import OnsiteConferenceFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

LIST = "/admin/anmalningar/"


@pytest.fixture(autouse=True)
def few_rows_directly(settings):
    settings.EXPORT_XLSX_DIRECT_ROWS = 5


@pytest.fixture
def event(home_page):
    from tests.events.factories import EventIndexPageFactory

    return OnsiteConferenceFactory(parent=EventIndexPageFactory(parent=home_page), title="Presidiekonferens")


def add_registrations(event, count, prefix="person"):
    Registration.objects.bulk_create(
        RegistrationFactory.build(event=event, email=f"{prefix}{n}@kommun.se", status=Status.CONFIRMED)
        for n in range(count)
    )


def editor(client, username="arrangor", *codenames):
    user = get_user_model().objects.create_user(username, f"{username}@example.se", "lösenord-som-är-långt")
    group = Group.objects.create(name=f"grupp-{username}")
    group.permissions.set(Permission.objects.filter(codename__in=["access_admin", "view_registration", *codenames]))
    user.groups.add(group)
    client.force_login(user)
    return user


def ask_for_xlsx(client, capture, **filters):
    """The editor's click on Ladda ner XLSX; the worker's task runs when the request's transaction commits."""
    with capture(execute=True):
        return client.get(LIST, {"export": "xlsx", **filters})


def workbook(response):
    return openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active


def test_a_long_list_is_prepared_by_the_worker_and_offered_when_ready(
    client, event, django_capture_on_commit_callbacks
):
    add_registrations(event, 12)
    editor(client)

    response = ask_for_xlsx(client, django_capture_on_commit_callbacks)

    export = ExportFile.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/admin/exporter/{export.pk}/"
    assert export.state == ExportState.DONE and export.rows == 12
    page = client.get(response["Location"]).content.decode()
    assert "Filen är klar: 12 rader." in page and "Export: anmalningar.xlsx" in page
    assert "Ladda ner anmalningar.xlsx" in page and "kan bara hämtas av dig" in page
    download = client.get(f"/admin/exporter/{export.pk}/fil/")
    assert download.status_code == 200
    assert 'filename="anmalningar.xlsx"' in download["Content-Disposition"]
    sheet = workbook(download)
    assert sheet.max_row == 13 and sheet["B1"].value == "Namn"


def test_a_short_list_is_still_sent_at_once(client, event):
    add_registrations(event, 5)
    editor(client)

    response = client.get(LIST, {"export": "xlsx"})

    assert response.status_code == 200 and workbook(response).max_row == 6
    assert not ExportFile.objects.exists()


def test_the_request_reads_no_rows_however_long_the_list(client, event):
    editor(client)
    add_registrations(event, 10)
    with CaptureQueriesContext(connection) as short:
        client.get(LIST, {"export": "xlsx"})
    add_registrations(event, 200, prefix="fler")
    with CaptureQueriesContext(connection) as long:
        client.get(LIST, {"export": "xlsx"})

    assert len(long) == len(short)
    # The only look at the rows is a count of at most EXPORT_XLSX_DIRECT_ROWS + 1 of them.
    assert not any('"registrations_registration"."email"' in q["sql"] for q in long)


def test_the_file_holds_the_filtered_list(client, event, home_page, django_capture_on_commit_callbacks):
    other = OnsiteConferenceFactory(parent=event.get_parent(), title="Nätverksdag")
    add_registrations(event, 8)
    add_registrations(other, 7, prefix="annan")
    editor(client)

    ask_for_xlsx(client, django_capture_on_commit_callbacks, event=other.pk)

    export = ExportFile.objects.get()
    assert export.rows == 7 and export.query == f"event={other.pk}"
    names = {row[0] for row in list(workbook(client.get(f"/admin/exporter/{export.pk}/fil/")).values)[1:]}
    assert names == {"Nätverksdag"}


def test_while_the_file_is_prepared_the_page_says_so(client, event):
    user = editor(client)
    export = ExportFile.objects.create(user=user, source=LIST, filename="anmalningar.xlsx")

    page = client.get(f"/admin/exporter/{export.pk}/").content.decode()

    assert "Filen förbereds." in page and 'role="status"' in page
    assert f"/admin/exporter/{export.pk}/fil/" not in page
    assert client.get(f"/admin/exporter/{export.pk}/fil/").status_code == 404


def test_a_file_not_written_after_a_quarter_of_an_hour_is_said_to_be_late(client, event):
    user = editor(client)
    export = ExportFile.objects.create(user=user, source=LIST, filename="anmalningar.xlsx")
    ExportFile.objects.filter(pk=export.pk).update(created_at=timezone.now() - dt.timedelta(minutes=16))

    page = client.get(f"/admin/exporter/{export.pk}/").content.decode()

    assert "Bakgrundsprocessen kanske inte körs" in page and "Filen förbereds." not in page


def test_nobody_else_sees_the_page_or_the_file(client, event, django_capture_on_commit_callbacks):
    add_registrations(event, 8)
    editor(client)
    ask_for_xlsx(client, django_capture_on_commit_callbacks)
    export = ExportFile.objects.get()

    client.force_login(get_user_model().objects.create_superuser("admin", "admin@example.se", "lösenord-långt"))

    assert client.get(f"/admin/exporter/{export.pk}/").status_code == 404
    assert client.get(f"/admin/exporter/{export.pk}/fil/").status_code == 404
    client.logout()
    assert client.get(f"/admin/exporter/{export.pk}/fil/").status_code == 302  # to the login


def test_an_editor_who_lost_the_permission_cannot_download(client, event, django_capture_on_commit_callbacks):
    add_registrations(event, 8)
    user = editor(client)
    ask_for_xlsx(client, django_capture_on_commit_callbacks)
    export = ExportFile.objects.get()

    user.groups.first().permissions.remove(Permission.objects.get(codename="view_registration"))

    assert client.get(f"/admin/exporter/{export.pk}/fil/").status_code in (302, 403)


def test_a_queue_that_is_down_fails_the_export_not_the_request(
    client, event, monkeypatch, django_capture_on_commit_callbacks
):
    add_registrations(event, 8)
    editor(client)

    def down(*args):
        raise ConnectionError("kön svarar inte")

    monkeypatch.setattr(task_backends["background"], "enqueue", down)
    response = ask_for_xlsx(client, django_capture_on_commit_callbacks)

    assert response.status_code == 302
    assert ExportFile.objects.get().state == ExportState.FAILED
    assert "Exporten misslyckades." in client.get(response["Location"]).content.decode()


def test_files_are_removed_after_the_keeping_time(client, event, settings, django_capture_on_commit_callbacks):
    settings.EXPORT_KEEP_HOURS = 24
    add_registrations(event, 8)
    user = editor(client)
    ask_for_xlsx(client, django_capture_on_commit_callbacks)
    ask_for_xlsx(client, django_capture_on_commit_callbacks)
    old, new = ExportFile.objects.order_by("created_at")
    ExportFile.objects.filter(pk=old.pk).update(created_at=timezone.now() - dt.timedelta(hours=25))
    storage = old.file.storage

    assert files.purge_expired() == 1

    assert list(ExportFile.objects.all()) == [new]
    assert not storage.exists(old.file.name) and storage.exists(new.file.name)
    user.delete()
    assert not storage.exists(new.file.name)


def test_the_workers_memory_stays_flat_when_the_rows_grow_tenfold(
    client, event, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(exports, "CHUNK_ROWS", 100)
    editor(client)

    def peak_while_writing():
        response = ask_for_xlsx(client, django_capture_on_commit_callbacks)
        export = ExportFile.objects.order_by("-created_at").first()
        ExportFile.objects.filter(pk=export.pk).update(state=ExportState.PENDING)
        tracemalloc.start()
        try:
            files.write_export.call(str(export.pk))
            return tracemalloc.get_traced_memory()[1], response
        finally:
            tracemalloc.stop()

    add_registrations(event, 300)
    peak_while_writing()  # warm-up: imports and first-use caches are not the export's
    small, _ = peak_while_writing()
    add_registrations(event, 2700, prefix="fler")
    large, _ = peak_while_writing()

    assert ExportFile.objects.order_by("-created_at").first().rows == 3000
    # Reading every row at once would take about ten times the small export's memory.
    assert large < small * 1.5, f"{small / 2**20:.1f} MB for 300 rows, {large / 2**20:.1f} MB for 3,000"

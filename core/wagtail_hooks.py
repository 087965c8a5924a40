"""Admin registration of the shared snippets, the periodic jobs' report and the background exports' pages."""

from django.db import transaction
from django.urls import path
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import log
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import SnippetChooserViewSet, SnippetCreateView
from wagtail.snippets.views.snippets import SnippetViewSet

from core.admin_dates import register_date_fields
from core.exports import views as export_views
from core.exports.views import ExportStatusView
from core.models import PeriodicJob, Person, SiteNotice, SiteText, Topic

register_date_fields()


class PersonChooserCreateView(SnippetCreateView):
    """Creates a person from the chooser with the history and revision the snippet editor would give."""

    def save_form(self, form):
        user = self.request.user
        with transaction.atomic():
            person = form.save()
            log(person, "wagtail.create", user=user)
            person.save_revision(user=user).publish(user=user)
        return person


class PersonChooserViewSet(SnippetChooserViewSet):
    """The people chooser, with a tab to add a person who is not yet in the register."""

    create_view_class = PersonChooserCreateView
    # The photo is left for the person's own editor: a chooser inside the chooser is one step too many.
    form_fields = ["name", "role", "organisation", "email", "phone"]
    creation_tab_label = "Ny person"
    create_action_label = "Lägg till person"


class PersonViewSet(SnippetViewSet):
    """People who appear as contacts and speakers."""

    model = Person
    icon = "user"
    menu_label = "Personer"
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "role", "organisation", "email"]
    search_fields = ["name", "role", "organisation"]
    chooser_viewset_class = PersonChooserViewSet


class TopicViewSet(SnippetViewSet):
    """The shared subject areas."""

    model = Topic
    icon = "tag"
    menu_label = "Ämnen"
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "slug"]


class SiteNoticeViewSet(SnippetViewSet):
    """Banners shown on every page while active."""

    model = SiteNotice
    icon = "warning"
    menu_label = "Driftmeddelanden"
    menu_order = 220
    add_to_admin_menu = True
    list_display = ["message", "level", "starts_at", "ends_at"]


class SiteTextViewSet(SnippetViewSet):
    """The footer's and the Kontakt box's words, one set per language, beside the site settings."""

    model = SiteText
    icon = "list-ul"
    menu_label = "Texter i sidfot och kontaktruta"
    add_to_settings_menu = True
    url_prefix = "texter-sidfot-kontakt"


register_snippet(PersonViewSet)
register_snippet(TopicViewSet)
register_snippet(SiteNoticeViewSet)
register_snippet(SiteTextViewSet)


class PeriodicJobViewSet(ModelViewSet):
    """When each periodic job last ran and whether it failed (core/scheduler.py); read only."""

    model = PeriodicJob
    icon = "time"
    menu_label = "Schemalagda jobb"
    add_to_settings_menu = True
    name = "periodic_jobs"
    url_prefix = "schemalagda-jobb"
    list_display = ["name", "last_outcome", "last_started_at", "last_succeeded_at", "next_run_at"]
    inspect_view_enabled = True
    copy_view_enabled = False
    inspect_view_fields = [
        "name",
        "last_outcome",
        "last_started_at",
        "last_finished_at",
        "last_succeeded_at",
        "next_run_at",
        "last_error",
    ]

    def get_common_view_kwargs(self, **kwargs):
        # The scheduler writes these rows; editors only read them.
        return super().get_common_view_kwargs(
            **{"add_url_name": None, "edit_url_name": None, "delete_url_name": None, **kwargs}
        )

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
        ]


@hooks.register("register_admin_viewset")
def register_periodic_job_viewset():
    return PeriodicJobViewSet()


@hooks.register("register_admin_urls")
def register_export_urls():
    return [
        path("exporter/<uuid:pk>/", ExportStatusView.as_view(), name="core_export"),
        path("exporter/<uuid:pk>/fil/", export_views.download, name="core_export_download"),
    ]


@hooks.register("after_create_page")
def default_owner_is_the_creator(request, page):
    """A page created with the owner field left empty belongs to its creator (Wagtail's default)."""
    if page.owner_id is None and request.user.is_authenticated:
        type(page).objects.filter(pk=page.pk).update(owner=request.user)
        page.owner = request.user


@hooks.register("after_edit_page")
def keep_the_chosen_owner(request, page):
    """Wagtail keeps the owner outside revisions (it belongs to the page as a whole), so an owner chosen in
    the editor is written to the page at once, whether the edit was a draft or published."""
    if "owner" in request.POST:
        type(page).objects.filter(pk=page.pk).exclude(owner_id=page.owner_id).update(owner_id=page.owner_id)

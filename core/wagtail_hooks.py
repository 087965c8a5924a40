"""Admin registration of the shared snippets."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.models import Person, SiteNotice, Topic


class PersonViewSet(SnippetViewSet):
    """People who appear as contacts and speakers."""

    model = Person
    icon = "user"
    menu_label = "Personer"
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "role", "organisation", "email"]
    search_fields = ["name", "role", "organisation"]


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


register_snippet(PersonViewSet)
register_snippet(TopicViewSet)
register_snippet(SiteNoticeViewSet)

"""Site-wide reports for page owners' work: overdue reviews per owner (for Publicister) and pages that link
to pages visitors cannot reach (found with Wagtail's reference index)."""

import datetime as dt
from types import SimpleNamespace

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, F, Q
from django.db.models.functions import Cast
from django.utils import timezone
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page, ReferenceIndex
from wagtail.permission_policies.pages import PagePermissionPolicy

from core.models import LinkAlert, LinkChange
from core.reviews import due_for_review

from .panels import may_edit_pages

NO_OWNER = "Ingen ägare"


def may_publish_pages(user):
    return PagePermissionPolicy().user_has_any_permission(user, ["publish"])


def owner_names(user_ids):
    """{user id: name} in one query."""
    users = get_user_model().objects.filter(pk__in=[pk for pk in user_ids if pk])
    return {user.pk: user.get_full_name() or user.get_username() for user in users}


class ListReportView(ReportView):
    """A report over rows computed in a few queries (not a queryset); the rows are sorted in Python."""

    permission_required = "view"  # any value: makes the view call user_has_permission

    def user_has_permission(self, permission):
        return self.is_allowed(self.request.user)

    def get_base_queryset(self):
        return []

    def order_queryset(self, queryset):
        return queryset

    def get_filtered_queryset(self):
        return self.rows()


class OverdueReviewsView(ListReportView):
    """Every live page whose review date has passed, grouped by owner, longest overdue first."""

    page_title = "Försenade granskningar"
    header_icon = "time"
    index_url_name = "editorial_overdue_reviews"
    index_results_url_name = "editorial_overdue_reviews_results"
    export_filename = "forsenade-granskningar"
    verbose_name_plural = "försenade sidor"
    list_export = ["owner", "title", "kind", "review_due", "days_overdue"]
    export_headings = {
        "owner": "Ägare",
        "title": "Sida",
        "kind": "Sidtyp",
        "review_due": "Granskas senast",
        "days_overdue": "Dagar försenad",
    }
    columns = [
        Column("owner", label="Ägare"),
        TitleColumn("title", label="Sida", url_name="wagtailadmin_pages:edit"),
        Column("kind", label="Sidtyp"),
        DateColumn("review_due", label="Granskas senast"),
        Column("days_overdue", label="Dagar försenad"),
    ]

    @staticmethod
    def is_allowed(user):
        return may_publish_pages(user)

    def rows(self):
        today = timezone.localdate()
        pages = list(due_for_review(until=today - dt.timedelta(days=1)))
        names = owner_names({owner_id for *_rest, owner_id, _kind in pages})
        rows = [
            SimpleNamespace(
                pk=pk,
                title=title,
                review_due=due,
                kind=kind,
                owner=names.get(owner_id, NO_OWNER),
                days_overdue=(today - due).days,
            )
            for pk, title, due, owner_id, kind in pages
        ]
        rows.sort(key=lambda row: (row.owner == NO_OWNER, row.owner.casefold(), row.review_due, row.pk))
        return rows


class BrokenLinksView(ListReportView):
    """Pages whose content links (rich text, link and contact blocks, related pages) to a page that is not
    live: unpublished, never published or deleted."""

    page_title = "Länkar till opublicerade sidor"
    header_icon = "warning"
    index_url_name = "editorial_broken_links"
    index_results_url_name = "editorial_broken_links_results"
    export_filename = "lankar-till-opublicerade-sidor"
    verbose_name_plural = "länkar"
    list_export = ["title", "owner", "target", "target_state"]
    export_headings = {"title": "Sida", "owner": "Ägare", "target": "Länkar till", "target_state": "Länkad sida"}
    columns = [
        TitleColumn("title", label="Sida", url_name="wagtailadmin_pages:edit"),
        Column("owner", label="Ägare"),
        Column("target", label="Länkar till"),
        Column("target_state", label="Länkad sida"),
    ]

    @staticmethod
    def is_allowed(user):
        return may_edit_pages(user)

    def rows(self):
        page_type = ContentType.objects.get_for_model(Page)
        live_ids = Page.objects.live().annotate(key=Cast("pk", CharField())).values("key")
        references = (
            ReferenceIndex.objects.filter(base_content_type=page_type, to_content_type=page_type)
            .exclude(to_object_id__in=live_ids)
            .values_list("object_id", "to_object_id")
            .distinct()
        )
        pairs = {(int(source), int(target)) for source, target in references if source != target}
        # Wagtail drops the index rows pointing at a page when it is deleted; until the linking page is
        # saved again (which indexes its dangling link anew), the alert written at the delete stands in.
        deletions = list(
            LinkAlert.objects.filter(change=LinkChange.DELETED)
            .exclude(target_id__in=Page.objects.values("pk"))
            .filter(
                Q(page__latest_revision_created_at__isnull=True)
                | Q(page__latest_revision_created_at__lte=F("created_at"))
            )
            .order_by("created_at")
            .values_list("page_id", "target_id", "target_title")
        )
        pairs |= {(source, target) for source, target, _title in deletions}
        deleted = {target: title for _source, target, title in deletions}
        ids = {pk for pair in pairs for pk in pair}
        pages = {page.pk: page for page in Page.objects.filter(pk__in=ids).only("pk", "title", "owner_id", "live")}
        deleted |= dict(
            LinkAlert.objects.filter(target_id__in=[target for _s, target in pairs if target not in pages])
            .order_by("created_at")
            .values_list("target_id", "target_title")
        )
        names = owner_names({page.owner_id for page in pages.values()})
        rows = []
        for source_id, target_id in pairs:
            source, target = pages.get(source_id), pages.get(target_id)
            if source is None:
                continue
            rows.append(
                SimpleNamespace(
                    pk=source_id,
                    title=source.title,
                    owner=names.get(source.owner_id, NO_OWNER),
                    target=target.title if target else deleted.get(target_id, f"Sida {target_id}"),
                    target_state="Opublicerad" if target else "Raderad",
                )
            )
        rows.sort(key=lambda row: (row.title.casefold(), row.pk, row.target))
        return rows

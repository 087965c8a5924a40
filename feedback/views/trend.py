"""One page's helpfulness over time: the chart, per-version figures and a table of every period."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import cached_property
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.models import Page

from core.page_titles import readable_page_ids, title_for

from ..access import may_view_page_feedback
from ..chart import build_chart
from ..trends import FEW_ANSWERS, UNITS, publications, shares_by_period, shares_by_revision

UNIT_LABELS = {"vecka": "vecka", "manad": "månad"}


class PageTrendView(WagtailAdminTemplateMixin, TemplateView):
    """The share of Ja per week or month with answer counts, Wilson intervals and a marker per published
    version, drawn as SVG on the server with a table alternative; and the share before and after each edit."""

    template_name = "feedback/admin/trend.html"
    header_icon = "comment"

    def dispatch(self, request, *args, **kwargs):
        if not may_view_page_feedback(request.user, self.page):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def page(self):
        return get_object_or_404(Page, pk=self.kwargs["page_id"])

    @cached_property
    def shown_title(self):
        return title_for(self.page.pk, self.page.title, readable_page_ids(self.request.user, [self.page.pk]))

    @cached_property
    def unit(self):
        unit = self.request.GET.get("per", "vecka")
        return unit if unit in UNITS else "vecka"  # anything else falls back to weeks

    def get_page_title(self):
        return f"Utveckling över tid: {self.shown_title}"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("feedback_page_report", args=[self.page.pk]), "label": f"Återkoppling: {self.shown_title}"},
            {"url": "", "label": "Utveckling över tid"},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        published = publications(self.page)
        periods = shares_by_period(self.page, self.unit)
        context.update(
            {
                "feedback_page": self.page,
                "shown_title": self.shown_title,
                "unit": self.unit,
                "unit_label": UNIT_LABELS[self.unit],
                "units": UNIT_LABELS,
                "periods": periods,
                "versions": shares_by_revision(self.page, published),
                "chart": build_chart(periods, published),
                "few_answers": FEW_ANSWERS,
                "total": sum(period.total for period in periods),
                "last_label": periods[-1].label if periods else "",
            }
        )
        return context

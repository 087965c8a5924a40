"""Factories for the home app's pages."""

import wagtail_factories

from home.models import ContentPage


class ContentPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ContentPage

    title = "Om oss"
    intro = "Vi är en förening för Sveriges kommuner och regioner."

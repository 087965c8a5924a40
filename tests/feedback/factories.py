"""Factories for the feedback app."""

import factory

from feedback.models import FeedbackResponse


class FeedbackResponseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FeedbackResponse

    helpful = True
    comment = ""

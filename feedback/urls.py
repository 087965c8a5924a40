"""Routes of the feedback widget's endpoint under /aterkoppling/."""

from django.urls import path

from .views.endpoint import AnswerView, CommentView

app_name = "feedback"

urlpatterns = [
    path("", AnswerView.as_view(), name="answer"),
    path("kommentar/", CommentView.as_view(), name="comment"),
]

from django.urls import path

from . import views

app_name = "alerts"

urlpatterns = [
    path("", views.SubscribeView.as_view(), name="subscribe"),
    path("bekrafta/<str:token>/", views.ConfirmView.as_view(), name="confirm"),
    path("hantera/<str:token>/", views.ManageView.as_view(), name="manage"),
    path("avsluta/<str:token>/", views.UnsubscribeView.as_view(), name="unsubscribe"),
]

from django.urls import path

from assistance.views import requests as views

app_name = "assistance"
urlpatterns = [
    path("", views.request_list, name="list"),
    path("new/", views.request_new, name="new"),
    path("<int:request_id>/", views.request_detail, name="detail"),
]

from django.urls import path

from assessments import views as assessment_views
from instruments import views
from participation import views as participation_views

app_name = "instruments"
urlpatterns = [
    path("", views.instrument_list, name="list"),
    path("<slug:slug>/", views.instrument_detail, name="detail"),
    path("<slug:slug>/status/", participation_views.instrument_status, name="status"),
    path("<slug:slug>/obligations/", assessment_views.obligation_list, name="obligations"),
]

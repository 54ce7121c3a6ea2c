from django.urls import path

from instruments import views

# The participation status and the obligations of an instrument (names "status" and
# "obligations" in this namespace) are added by ctassist/urls.py: they belong to the apps above.
app_name = "instruments"
urlpatterns = [
    path("", views.instrument_list, name="list"),
    path("<slug:slug>/", views.instrument_detail, name="detail"),
]

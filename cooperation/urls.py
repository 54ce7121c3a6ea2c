from django.urls import path  # noqa: F401 (each part of the app adds its pages below)

app_name = "cooperation"
# Each part of the app adds its own lines: the directory (authorities/), the legal-basis
# finder and the request writer.
urlpatterns = []

from django.urls import path

from cooperation.views import legal_basis

app_name = "cooperation"
# Each part of the app adds its own lines: the directory (authorities/), the legal-basis
# finder and the request writer.
urlpatterns = [
    path("legal-basis/", legal_basis.finder, name="legal-basis"),
]

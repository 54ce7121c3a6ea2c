from django.urls import include, path

from cooperation.views import authorities, legal_basis

app_name = "cooperation"
# Each part of the app adds its own lines: the directory (authorities/), the legal-basis
# finder and the request writer.
urlpatterns = [
    path("authorities/", authorities.authority_list, name="authorities"),
    path("authorities/export.csv", authorities.authority_export, name="authorities-export"),
    path("authorities/out-of-date/", authorities.authority_stale, name="authorities-stale"),
    path("authorities/<int:authority_id>/", authorities.authority_detail, name="authority"),
    path("authorities/<int:authority_id>/edit/", authorities.authority_edit, name="authority-edit"),
    path("authorities/<int:authority_id>/confirm/", authorities.authority_confirm, name="authority-confirm"),
    path("states/<str:iso3>/authorities/new/", authorities.authority_new, name="authority-new"),
    path("legal-basis/", legal_basis.finder, name="legal-basis"),
    path("drafts/", include("cooperation.drafting.urls")),
]

from django.urls import path

from legislation import views

app_name = "legislation"
urlpatterns = [
    path("", views.law_list, name="list"),
    path("search/", views.search, name="search"),
    path("import/", views.law_import, name="import"),
    path("<slug:slug>/", views.law_detail, name="detail"),
    path("<slug:slug>/changes/", views.law_diff, name="diff"),
    path("<slug:slug>/akn.xml", views.law_export, {"format": "akn"}, name="export-akn"),
    path("<slug:slug>/law.docx", views.law_export, {"format": "docx"}, name="export-docx"),
    path("<slug:slug>/<str:eid>/", views.provision_detail, name="provision"),
]

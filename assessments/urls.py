from django.urls import path

from assessments import views

app_name = "assessments"
urlpatterns = [
    path("", views.review_list, name="list"),
    path("quick-check/", views.quick_check, name="quick-check"),
    path("start/", views.review_start, name="start"),
    path("<str:iso3>/report.docx", views.country_report, {"format": "docx"}, name="report-docx"),
    path("<str:iso3>/report.pdf", views.country_report, {"format": "pdf"}, name="report-pdf"),
    path("<str:iso3>/<slug:slug>/", views.review_detail, name="review"),
    path("<str:iso3>/<slug:slug>/open/", views.review_open, name="open"),
    path("<str:iso3>/<slug:slug>/move/", views.review_move, name="move"),
    path("<str:iso3>/<slug:slug>/comments/", views.review_comment, name="comment"),
    path("<str:iso3>/<slug:slug>/findings/<int:finding_id>/", views.finding_update, name="finding"),
]

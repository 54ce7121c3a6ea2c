from django.urls import path, re_path

from assistance.views import matrix as matrix_views

app_name = "matrix"
urlpatterns = [
    path("", matrix_views.matrix_page, name="month"),
    path("calendar/", matrix_views.calendar_page, name="calendar"),
    re_path(r"^(?P<month>\d{4}-\d{2})\.(?P<format>xlsx|pdf)$", matrix_views.matrix_download, name="download"),
]

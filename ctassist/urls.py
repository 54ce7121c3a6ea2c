from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from api.v1 import api as api_v1
from ctassist import views

urlpatterns = [
    path("i18n/setlang/", views.switch_language, name="set_language"),
    path("api/v1/", api_v1.urls),
]
urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("instruments/", include("instruments.urls")),
    path("states/", include("states.urls")),
    path("participation/", include("participation.urls")),
    path("laws/", include("legislation.urls")),
    path("reviews/", include("assessments.urls")),
    path("requests/", include("assistance.urls.requests")),
    path("activities/", include("assistance.urls.activities")),
    path("matrix/", include("assistance.urls.matrix")),
    path("projects/", include("projects.urls")),
    path("funding/", include("funding.urls")),
    path("experts/", include("experts.urls")),
    path("plans/", include("plans.urls")),
    path("outcomes/", include("outcomes.urls")),
    path("cooperation/", include("cooperation.urls")),
    path("accounts/", include("accounts.urls")),
    path("admin/", admin.site.urls),
    prefix_default_language=False,
)

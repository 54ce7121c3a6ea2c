from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from api.v1 import api as api_v1
from assessments import views as assessment_views
from ctassist import views
from instruments import urls as instrument_urls
from participation import views as participation_views

# An instrument's pages: its own, and the pages of participation and of review about it, which
# those apps own; they are joined here so that instruments imports neither of the apps above it.
instrument_pages = (
    [
        *instrument_urls.urlpatterns,
        path("<slug:slug>/status/", participation_views.instrument_status, name="status"),
        path("<slug:slug>/obligations/", assessment_views.obligation_list, name="obligations"),
    ],
    instrument_urls.app_name,
)

urlpatterns = [
    path("i18n/setlang/", views.switch_language, name="set_language"),
    path("api/v1/", api_v1.urls),
]
urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("instruments/", include(instrument_pages)),
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
    path("strategy/", include("strategy.urls")),
    path("questionnaires/", include("surveys.urls")),
    path("reports/", include("reports.urls")),
    path("accounts/", include("accounts.urls")),
    path("admin/", admin.site.urls),
    prefix_default_language=False,
)

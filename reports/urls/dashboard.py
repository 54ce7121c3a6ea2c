from django.urls import path

from reports.views.dashboard import balance_page, dashboard_page

urlpatterns = [
    path("dashboard/", dashboard_page, name="dashboard"),
    path("strategy-balance/", balance_page, name="strategy-balance"),
]

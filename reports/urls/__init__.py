"""The reports' pages. Each group of pages keeps its own list (drafts of the Secretary-General's
reports, country profiles, the staff dashboard and the balance of the Strategy's pillars)."""

from reports.urls import dashboard, drafts, profiles

app_name = "reports"
urlpatterns = [*drafts.urlpatterns, *profiles.urlpatterns, *dashboard.urlpatterns]

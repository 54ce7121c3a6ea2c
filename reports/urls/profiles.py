from django.urls import path

from reports.views import profiles

urlpatterns = [
    path("profiles/<str:iso3>/", profiles.profile_page, name="profile"),
    path("profiles/<str:iso3>/profile.pdf", profiles.profile_document, name="profile-pdf"),
]

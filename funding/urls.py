from django.urls import path

from funding import views

app_name = "funding"
urlpatterns = [
    path("contributions/", views.contribution_table, name="contributions"),
    path("expenditure/", views.biennium_page, name="biennium"),
    path("donors/<int:donor_id>/", views.donor_page, name="donor"),
]

from django.urls import path

from outcomes import views

app_name = "outcomes"
urlpatterns = [
    path("", views.outcome_list, name="list"),
    path("<int:outcome_id>/decision/", views.outcome_decide, name="decide"),
]

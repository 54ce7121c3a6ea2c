from django.urls import path

from states import views

app_name = "states"
urlpatterns = [
    path("", views.state_list, name="list"),
    path("<str:iso3>/", views.state_detail, name="detail"),
]

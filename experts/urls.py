from django.urls import path

from experts import views

app_name = "experts"
urlpatterns = [
    path("", views.expert_list, name="list"),
    path("groups/", views.group_list, name="groups"),
    path("assign/", views.assign, name="assign"),
    path("<int:expert_id>/", views.expert_detail, name="detail"),
]

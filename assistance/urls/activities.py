from django.urls import path

from assistance.views import activities as activity_views

app_name = "activities"
urlpatterns = [
    path("", activity_views.activity_list, name="list"),
    path("new/", activity_views.activity_new, name="new"),
    path("<int:activity_id>/", activity_views.activity_detail, name="detail"),
    path("<int:activity_id>/status/", activity_views.activity_move, name="move"),
]

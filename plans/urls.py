from django.urls import path

from plans import views

app_name = "plans"
urlpatterns = [
    path("", views.plan_list, name="list"),
    path("new/", views.plan_new, name="new"),
    path("<int:plan_id>/", views.plan_detail, name="detail"),
    path("<int:plan_id>/edit/", views.plan_edit, name="edit"),
    path("<int:plan_id>/status/", views.plan_move, name="move"),
    path("<int:plan_id>/steps/new/", views.step_new, name="step-new"),
    path("<int:plan_id>/steps/<int:step_id>/", views.step_edit, name="step-edit"),
]

from django.urls import path

from surveys import views

app_name = "surveys"
urlpatterns = [
    path("", views.questionnaire_list, name="list"),
    path("<slug:code>/", views.questionnaire_detail, name="detail"),
    path("<slug:code>/summary/", views.summary_page, name="summary"),
    path("<slug:code>/replies/", views.reply_list, name="replies"),
    path("<slug:code>/replies/new/", views.reply_new, name="reply-new"),
    path("<slug:code>/replies/<int:reply_id>/", views.reply_detail, name="reply"),
    path("<slug:code>/replies/<int:reply_id>/edit/", views.reply_edit, name="reply-edit"),
    path("<slug:code>/replies/<int:reply_id>/move/", views.reply_move, name="reply-move"),
    path("<slug:code>/replies/<int:reply_id>/publish/", views.reply_publish, name="reply-publish"),
    path(
        "<slug:code>/replies/<int:reply_id>/answers/<int:answer_id>/codes/",
        views.answer_codes,
        name="answer-codes",
    ),
]

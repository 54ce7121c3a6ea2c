"""The request writer's pages, under /cooperation/drafts/ (names in the cooperation namespace)."""

from django.urls import path

from cooperation.views import drafts

urlpatterns = [
    path("", drafts.draft_list, name="drafts"),
    path("new/", drafts.draft_new, name="draft-new"),
    path("<int:draft_id>/", drafts.draft_detail, name="draft"),
    path("<int:draft_id>/request.pdf", drafts.draft_document, {"extension": "pdf"}, name="draft-pdf"),
    path("<int:draft_id>/request.docx", drafts.draft_document, {"extension": "docx"}, name="draft-docx"),
    path("<int:draft_id>/delete/", drafts.draft_delete, name="draft-delete"),
]

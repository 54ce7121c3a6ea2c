from django.urls import path

from reports.views import drafts

urlpatterns = [
    path("drafts/", drafts.draft_list, name="drafts"),
    path("drafts/new/", drafts.draft_new, name="draft-new"),
    path("drafts/<int:draft_id>/", drafts.draft_detail, name="draft"),
    path("drafts/<int:draft_id>/prose/", drafts.draft_prose, name="draft-prose"),
    path("drafts/<int:draft_id>/regenerate/", drafts.draft_regenerate, name="draft-regenerate"),
    path("drafts/<int:draft_id>/figures/<slug:key>/", drafts.draft_figure, name="draft-figure"),
    path("drafts/<int:draft_id>/report.<str:file_format>", drafts.draft_download, name="draft-download"),
]

"""Staff pages for surveys, under /personal/undersokningar/."""

from django.urls import path

from surveys.views import paper, waves, waves_invitations

app_name = "surveys_staff"
urlpatterns: list = [
    # Waves (omgångar): lifecycle and overview
    path("<int:pk>/omgangar/", waves.wave_list, name="wave_list"),
    path("<int:pk>/omgangar/ny/", waves.wave_create, name="wave_create"),
    path("omgangar/<int:pk>/", waves.wave_detail, name="wave_detail"),
    path("omgangar/<int:pk>/andra/", waves.wave_edit, name="wave_edit"),
    path("omgangar/<int:pk>/oppna/", waves.wave_open, name="wave_open"),
    path("omgangar/<int:pk>/stang/", waves.wave_close, name="wave_close"),
    path("omgangar/<int:pk>/ta-bort/", waves.wave_delete, name="wave_delete"),
    # Invitation codes, letters, the open link's poster
    path(
        "omgangar/<int:pk>/inbjudningar/",
        waves_invitations.invitations_create,
        name="invitations_create",
    ),
    path(
        "omgangar/<int:pk>/inbjudningar.csv",
        waves_invitations.invitations_csv_download,
        name="invitations_csv",
    ),
    path("omgangar/<int:pk>/brev/", waves_invitations.letters, name="letters"),
    path(
        "omgangar/<int:pk>/brev/<int:area>-<int:part>.pdf",
        waves_invitations.letters_pdf,
        name="letters_pdf",
    ),
    path(
        "omgangar/<int:pk>/oppen-lank.pdf",
        waves_invitations.open_link_poster,
        name="open_link_poster",
    ),
    # Paper questionnaires
    path("omgangar/<int:pk>/pappersenkater/", paper.paper_entry, name="paper_entry"),
]

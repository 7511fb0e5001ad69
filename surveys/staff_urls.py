"""Staff pages for surveys, under /personal/undersokningar/."""

from django.urls import include, path

from surveys.views import paper, wave_imports, waves, waves_invitations, xlsform

app_name = "surveys_staff"
urlpatterns: list = [
    # The survey builder, the question bank and the municipality's areas.
    path("", include("surveys.views.builder_urls")),
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
    # Imports (issue 6, parts 3, 4 and 6)
    path("importera-xlsform/", xlsform.xlsform_import, name="xlsform_import"),
    path(
        "importera-xlsform/<int:org>/<uuid:token>/",
        xlsform.xlsform_preview,
        name="xlsform_preview",
    ),
    path("omgangar/<int:pk>/importera-svar/", wave_imports.answers_import, name="answers_import"),
    path(
        "omgangar/<int:pk>/importera-svar/mall.csv",
        wave_imports.answers_template,
        name="answers_template",
    ),
    path(
        "omgangar/<int:pk>/importera-svar/<uuid:token>/",
        wave_imports.answers_import_preview,
        name="answers_import_preview",
    ),
    path(
        "omgangar/<int:pk>/importera-marginaler/",
        wave_imports.margins_import,
        name="margins_import",
    ),
    path(
        "omgangar/<int:pk>/importera-marginaler/<uuid:token>/",
        wave_imports.margins_import_preview,
        name="margins_import_preview",
    ),
]

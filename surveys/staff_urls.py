"""Staff pages for surveys, under /personal/undersokningar/."""

from django.urls import include, path

from surveys.views import (
    exports,
    margins,
    paper,
    results,
    rules,
    wave_imports,
    waves,
    waves_invitations,
    xlsform,
)

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
    # Results (issue 6, parts 6–7)
    path("resultat/", results.result_index, name="result_index"),
    path("omgangar/<int:pk>/resultat/", results.wave_results, name="wave_results"),
    path("omgangar/<int:pk>/resultat.csv", exports.results_csv, name="wave_results_csv"),
    path("omgangar/<int:pk>/resultat.xlsx", exports.results_xlsx, name="wave_results_xlsx"),
    path("omgangar/<int:pk>/mikrodata.csv", exports.microdata_csv, name="wave_microdata"),
    path("omgangar/<int:pk>/marginaler/", margins.margins_edit, name="wave_margins"),
    path("<int:pk>/indikatorer/", rules.rule_list, name="rule_list"),
    path("<int:pk>/indikatorer/standard/", rules.rules_from_defaults, name="rules_from_defaults"),
    path("<int:pk>/indikatorer/ny/", rules.rule_create, name="rule_create"),
    path("<int:pk>/problemindex/", rules.problem_weights, name="problem_weights"),
    path("indikatorregler/<int:pk>/andra/", rules.rule_edit, name="rule_edit"),
    path("indikatorregler/<int:pk>/ta-bort/", rules.rule_delete, name="rule_delete"),
    path("indikatorregler/<int:pk>/koppla/", rules.rule_link, name="rule_link"),
    path("indikatorkopplingar/<int:pk>/ta-bort/", rules.rule_unlink, name="rule_unlink"),
]

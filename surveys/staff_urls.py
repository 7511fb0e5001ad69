"""Staff pages for surveys, under /personal/undersokningar/."""

from django.urls import path

from surveys.views import wave_imports, xlsform

app_name = "surveys_staff"
urlpatterns: list = [
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

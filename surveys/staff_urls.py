"""Staff pages for surveys, under /personal/undersokningar/."""

from django.urls import path

from surveys.views import xlsform

app_name = "surveys_staff"
urlpatterns: list = [
    # Imports (issue 6, parts 3, 4 and 6)
    path("importera-xlsform/", xlsform.xlsform_import, name="xlsform_import"),
    path(
        "importera-xlsform/<int:org>/<uuid:token>/",
        xlsform.xlsform_preview,
        name="xlsform_preview",
    ),
]

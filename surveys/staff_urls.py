"""Staff pages for surveys, under /personal/undersokningar/."""

from django.urls import path

from surveys.views import exports, margins, results, rules

app_name = "surveys_staff"
urlpatterns = [
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

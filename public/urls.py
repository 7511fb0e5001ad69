from django.urls import path

from public import views
from public.feeds import PromiseUpdatesFeed
from public.opendata import views as open_data

app_name = "public"
urlpatterns = [
    path("", views.home, name="home"),
    path("kommun/<str:key>/", views.municipality, name="municipality"),
    path("kommun/<slug:key>/trygghet/", views.safety_survey, name="safety_survey"),
    path(
        "kommun/<slug:key>/trygghet/omgang/<int:wave_id>/",
        views.safety_survey,
        name="safety_survey_wave",
    ),
    path("medborgarlofte/<int:pk>/", views.promise, name="promise"),
    path("medborgarlofte/<int:pk>/lattlast/", views.promise_plain, name="promise_plain"),
    path(
        "medborgarlofte/<int:pk>/version/<int:number>/",
        views.promise_revision,
        name="promise_revision",
    ),
    path("medborgarlofte/<int:pk>/flode/", PromiseUpdatesFeed(), name="promise_feed"),
    path("tillganglighet/", views.accessibility, name="accessibility"),
    path("integritet/", views.privacy, name="privacy"),
    path("oppna-data/", open_data.open_data, name="open_data"),
    path("oppna-data/katalog.ttl", open_data.catalogue_turtle, name="open_data_catalogue_ttl"),
    path("oppna-data/katalog.rdf", open_data.catalogue_rdf_xml, name="open_data_catalogue_rdf"),
    path("oppna-data/<slug:scope>/", open_data.open_data_scope, name="open_data_scope"),
    path("oppna-data/<slug:scope>/alla.json", open_data.scope_json, name="open_data_all"),
    path("oppna-data/<slug:scope>/<slug:table>.csv", open_data.table_csv, name="open_data_csv"),
    path("oppna-data/<slug:scope>/<slug:table>.json", open_data.table_json, name="open_data_json"),
]

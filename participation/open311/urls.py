"""/open311/v2/: the GeoReport v2 resources, each in .json and .xml."""

from django.urls import path, re_path, register_converter

from participation.open311 import views


class FormatConverter:
    regex = "json|xml"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(FormatConverter, "open311_format")

app_name = "open311"
urlpatterns = [
    path("", views.index, name="index"),
    path("discovery.<open311_format:format>", views.discovery, name="discovery"),
    path("services.<open311_format:format>", views.services, name="services"),
    path(
        "services/<slug:service_code>.<open311_format:format>",
        views.service_definition,
        name="service_definition",
    ),
    path("requests.<open311_format:format>", views.requests, name="requests"),
    path(
        "requests/<str:service_request_id>.<open311_format:format>",
        views.request_detail,
        name="request",
    ),
    path("tokens/<slug:token>.<open311_format:format>", views.token, name="token"),
    re_path(r"^(?P<rest>(?s:.*))$", views.not_found),  # any path, even with a line break
]

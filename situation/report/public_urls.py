"""Public pages of one lägesbild, under /lagesbild/<pk>/."""

from django.urls import path

from situation.report import public_views

app_name = "situation_public"
urlpatterns = [
    path("<int:pk>/", public_views.public_report, name="report"),
    path("<int:pk>/lagesbild.pdf", public_views.public_report_pdf, name="report_pdf"),
]

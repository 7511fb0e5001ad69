"""The builder's pages, included by surveys/staff_urls.py under /personal/undersokningar/."""

from django.urls import path

from surveys.views import (
    builder_areas,
    builder_bank,
    builder_conditions,
    builder_languages,
    builder_preview,
    builder_questions,
    builder_sections,
    builder_surveys,
)

urlpatterns = [
    path("", builder_surveys.survey_list, name="survey_list"),
    path("ny/", builder_surveys.survey_create, name="survey_create"),
    path("<int:pk>/", builder_surveys.survey_detail, name="survey_detail"),
    path("<int:pk>/texter/", builder_surveys.survey_texts, name="survey_texts"),
    path("<int:pk>/ta-bort/", builder_surveys.survey_delete, name="survey_delete"),
    # Sections
    path("<int:pk>/avsnitt/nytt/", builder_sections.section_create, name="section_create"),
    path("avsnitt/<int:pk>/andra/", builder_sections.section_edit, name="section_edit"),
    path("avsnitt/<int:pk>/flytta/", builder_sections.section_move, name="section_move"),
    path("avsnitt/<int:pk>/ta-bort/", builder_sections.section_delete, name="section_delete"),
    # Questions
    path(
        "<int:pk>/fragor/fran-banken/",
        builder_questions.question_add_from_bank,
        name="question_add_from_bank",
    ),
    path("<int:pk>/fragor/egen/", builder_questions.question_add_own, name="question_add_own"),
    path("fragor/<int:pk>/andra/", builder_questions.question_edit, name="question_edit"),
    path("fragor/<int:pk>/flytta/", builder_questions.question_move, name="question_move"),
    path("fragor/<int:pk>/ta-bort/", builder_questions.question_remove, name="question_remove"),
    path(
        "fragor/<int:pk>/senaste-versionen/",
        builder_questions.question_use_latest,
        name="question_use_latest",
    ),
    path("fragor/<int:pk>/villkor/", builder_conditions.question_show_if, name="question_show_if"),
    # Languages, translations, preview
    path("<int:pk>/sprak/", builder_languages.language_list, name="language_list"),
    path("<int:pk>/sprak/nytt/", builder_languages.language_add, name="language_add"),
    path("<int:pk>/sprak/<str:code>/", builder_languages.translate, name="translate"),
    path(
        "<int:pk>/sprak/<str:code>/ta-bort/",
        builder_languages.language_remove,
        name="language_remove",
    ),
    path(
        "<int:pk>/forhandsgranska/<str:code>/",
        builder_preview.survey_preview,
        name="survey_preview",
    ),
    # The question bank
    path("fragebank/", builder_bank.bank_list, name="bank_list"),
    path("fragebank/ny/", builder_bank.item_create, name="item_create"),
    path("fragebank/<int:pk>/", builder_bank.item_detail, name="item_detail"),
    path("fragebank/<int:pk>/andra/", builder_bank.item_edit, name="item_edit"),
    # Areas of a municipality
    path("omraden/", builder_areas.area_overview, name="area_overview"),
    path("omraden/<str:code>/", builder_areas.area_list, name="area_list"),
    path("omraden/<str:code>/nytt/", builder_areas.area_create, name="area_create"),
    path("omraden/omrade/<int:pk>/andra/", builder_areas.area_edit, name="area_edit"),
    path("omraden/omrade/<int:pk>/ta-bort/", builder_areas.area_delete, name="area_delete"),
]

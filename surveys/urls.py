"""The residents' answer pages, under /enkat/. The letter's link is /enkat/kod/<CODE>/
(surveys.links.answer_url builds it for the letters)."""

from django.urls import path

from surveys.views import answer, answer_pages

app_name = "surveys"
urlpatterns = [
    path("", answer.entry, name="entry"),
    path("kod/<str:code>/", answer.code_link, name="code"),
    path("oppen/<str:token>/", answer.open_link, name="open"),
    path("svar/", answer_pages.intro, name="intro"),
    path("svar/sida/<int:number>/", answer_pages.page, name="page"),
    path("svar/granska/", answer_pages.summary, name="summary"),
    path("tack/<int:wave_id>/", answer_pages.thanks, name="thanks"),
]

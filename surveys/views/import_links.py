"""Where an import's pages lead back to: the builder's survey page and the waves' overview
(other helpers' pages), or the import page itself while those are not there."""

from django.urls import NoReverseMatch, reverse

from surveys.models import Survey, Wave


def _first(*candidates: tuple[str, list]) -> str:
    for name, args in candidates:
        try:
            return reverse(name, args=args)
        except NoReverseMatch:
            continue
    raise NoReverseMatch(candidates[-1][0])


def survey_page_url(survey: Survey) -> str:
    return _first(
        ("surveys_staff:survey_detail", [survey.pk]), ("surveys_staff:xlsform_import", [])
    )


def wave_page_url(wave: Wave, fallback: str) -> str:
    return _first(("surveys_staff:wave_detail", [wave.pk]), (fallback, [wave.pk]))

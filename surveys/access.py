"""The only way staff views reach surveys, waves and their answers.

A survey belongs to one organisation (usually the municipality). Its members read it; its
editors build it and run its waves; reporters and up key in paper questionnaires; admins export
microdata. Anything else answers 404 (existence is not revealed) or 403 (visible, not allowed).
"""

from enum import Enum

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from organisations.access import Access, access_for
from organisations.models import Role
from surveys.models import Item, Question, Section, Survey, Wave


class Need(Enum):
    READ = Role.VIEWER
    ENTER = Role.REPORTER
    EDIT = Role.EDITOR
    ADMIN = Role.ADMIN


REFUSALS = {
    Need.ENTER: gettext_lazy(
        "Pappersenkäter registreras av rapportörer, redaktörer och administratörer i den ansvariga organisationen."
    ),
    Need.EDIT: gettext_lazy(
        "Bara redaktörer och administratörer i den ansvariga organisationen kan ändra undersökningen."
    ),
    Need.ADMIN: gettext_lazy(
        "Bara administratörer i den ansvariga organisationen kan ta ut mikrodata."
    ),
}


def can(access: Access, survey: Survey, need: Need) -> bool:
    return access.has({survey.organisation_id}, need.value)


def visible_surveys(user: AbstractBaseUser) -> "list[Survey]":
    org_ids = access_for(user).org_ids()
    return list(Survey.objects.owned_by(org_ids).select_related("organisation", "municipality"))


def get_survey_for_user(user: AbstractBaseUser, pk: int, need: Need = Need.READ) -> Survey:
    access = access_for(user)
    survey = get_object_or_404(
        Survey.objects.owned_by(access.org_ids()).select_related("organisation", "municipality"),
        pk=pk,
    )
    if not can(access, survey, need):
        raise PermissionDenied(str(REFUSALS[need]))
    return survey


def get_wave_for_user(user: AbstractBaseUser, pk: int, need: Need = Need.READ) -> Wave:
    wave = get_object_or_404(Wave, pk=pk)
    wave.survey = get_survey_for_user(user, wave.survey_id, need)
    return wave


def get_item_for_user(user: AbstractBaseUser, pk: int, need: Need = Need.READ) -> Item:
    """A bank item: everyone with a role reads the standard bank; an organisation's own items
    are read by its members and edited by its editors. The standard bank is edited by no one
    here (it ships with the platform)."""
    access = access_for(user)
    item = get_object_or_404(Item.objects.available_to(access.org_ids()), pk=pk)
    if need is not Need.READ and (
        item.is_standard or not access.has({item.organisation_id}, need.value)
    ):
        raise PermissionDenied(
            _("Standardfrågorna kan inte ändras. Skapa en egen fråga i stället.")
        )
    return item


def get_section_for_user(user: AbstractBaseUser, pk: int, need: Need = Need.EDIT) -> Section:
    section = get_object_or_404(Section, pk=pk)
    section.survey = get_survey_for_user(user, section.survey_id, need)
    return section


def get_question_for_user(user: AbstractBaseUser, pk: int, need: Need = Need.EDIT) -> Question:
    question = get_object_or_404(
        Question.objects.select_related("item_version__item", "section"), pk=pk
    )
    question.survey = get_survey_for_user(user, question.survey_id, need)
    return question

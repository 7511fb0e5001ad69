"""Every builder change is recorded on the survey, so its history reads as one story, and marks
the survey changed, so the answer pages never serve a questionnaire kept from before it."""

from django.contrib.auth.models import AbstractBaseUser
from django.db import models

from organisations.auditlog import record
from surveys.models import Survey


def audit(
    user: AbstractBaseUser,
    survey: Survey,
    action: str,
    *,
    before: dict | None = None,
    after: dict | None = None,
    detail: models.Model | None = None,
) -> None:
    """Record `action` on the survey; `detail` (a question or section) is named in the entry."""
    Survey.objects.filter(pk=survey.pk).touch()
    if detail is not None:
        label = {"__object__": f"{detail._meta.model_name}: {detail}"}
        before = {**label, **before} if before else before
        after = {**label, **after} if after else after
    record(
        actor=user,
        action=action,
        obj=survey,
        parties=[survey.organisation_id],
        before=before,
        after=after,
    )

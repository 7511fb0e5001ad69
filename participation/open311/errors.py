"""Open311 errors: a list of {code, description} answered with the HTTP status of the worst."""

from dataclasses import dataclass

from django import forms

# ValidationError codes that mean something other than a bad request.
STATUS_OF_CODE = {"forbidden": 403, "not_found": 404}


@dataclass(frozen=True)
class SpecError:
    code: int
    description: str


def form_errors(form: forms.Form) -> list[SpecError]:
    """Each field's errors named by the parameter, in the order the fields are declared."""
    found = []
    for name, errors in form.errors.as_data().items():
        for error in errors:
            message = " ".join(error.messages)
            label = "" if name == forms.forms.NON_FIELD_ERRORS else f"{name}: "
            found.append(SpecError(STATUS_OF_CODE.get(error.code, 400), f"{label}{message}"))
    return found


def status_of(errors: list[SpecError]) -> int:
    """403 before 404 before 400: a client must first fix its key, then its address."""
    codes = {e.code for e in errors}
    return next((c for c in (403, 404, 405) if c in codes), 400)

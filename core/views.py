"""Small helpers shared by the staff views."""

from django import forms
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render


def form_page(
    request: HttpRequest,
    form: forms.Form,
    *,
    title: str,
    submit: str,
    cancel_url: str,
    intro: str = "",
    danger: bool = False,
    context: dict | None = None,
    template: str = "staff/form.html",
) -> HttpResponse:
    """Render a staff form page: one heading, the form with its errors, one primary action.

    A form that failed validation is answered with 400 so that scripts and tests notice,
    while a person sees the same page with the errors next to the fields.
    """
    status = 400 if form.is_bound and form.errors else 200
    ctx = {
        "form": form,
        "title": title,
        "submit": submit,
        "cancel_url": cancel_url,
        "intro": intro,
        "danger": danger,
        **(context or {}),
    }
    return render(request, template, ctx, status=status)


def posted(request: HttpRequest) -> QueryDict | None:
    """Form data when the request is a POST (even an empty one), else None for an unbound form."""
    return request.POST if request.method == "POST" else None

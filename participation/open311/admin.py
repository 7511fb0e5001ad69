"""Open311 keys in the platform admin: issue (the key shown once), list, revoke with a
confirmation. Keys are never edited or deleted, so the audit trail keeps what they did."""

from django import forms
from django.contrib import admin, messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from organisations.models import Organisation
from participation.models import Open311Key
from participation.open311.keys import issue_key, revoke_key


class IssueKeyForm(forms.ModelForm):
    class Meta:
        model = Open311Key
        fields = ["name", "organisation"]
        help_texts = {
            "name": gettext_lazy("Vilken app eller vilket system som får nyckeln."),
            "organisation": gettext_lazy(
                "Nyckeln skickar in rapporter för organisationens kommun (eller för alla "
                "kommuner i lokalpolisområdet)."
            ),
        }

    def clean_organisation(self) -> Organisation:
        organisation = self.cleaned_data["organisation"]
        police = organisation.kind == Organisation.Kind.POLICE_AREA
        if not police and organisation.municipality_id is None:
            raise forms.ValidationError(
                _(
                    "Organisationen hör inte till någon kommun; välj en kommun eller ett lokalpolisområde."
                )
            )
        return organisation


@admin.register(Open311Key)
class Open311KeyAdmin(admin.ModelAdmin):
    form = IssueKeyForm
    list_display = ["name", "organisation", "key_start", "issued", "state"]
    search_fields = ["name", "prefix", "organisation__name"]
    autocomplete_fields = ["organisation"]
    readonly_fields = ["name", "organisation", "key_start", "issued", "revoked"]

    @admin.display(description=gettext_lazy("början"))
    def key_start(self, key: Open311Key) -> str:
        return f"{key.prefix}…"

    @admin.display(description=gettext_lazy("utfärdad"), ordering="created_at")
    def issued(self, key: Open311Key) -> str:
        return date_format(timezone.localtime(key.created_at), "j F Y H:i")

    @admin.display(description=gettext_lazy("återkallad"), ordering="revoked_at")
    def revoked(self, key: Open311Key) -> str:
        if key.revoked_at is None:
            return "–"
        return date_format(timezone.localtime(key.revoked_at), "j F Y H:i")

    @admin.display(description=gettext_lazy("status"))
    def state(self, key: Open311Key) -> str:
        if key.revoked_at is not None:
            return _("Återkallad")
        url = reverse("admin:participation_open311key_revoke", args=[key.pk])
        return format_html('{} (<a href="{}">{}</a>)', _("Gäller"), url, _("återkalla"))

    def get_fields(self, request: HttpRequest, obj: Open311Key | None = None) -> list[str]:
        return ["name", "organisation"] if obj is None else self.readonly_fields

    def get_readonly_fields(self, request: HttpRequest, obj: Open311Key | None = None) -> list:
        return [] if obj is None else self.readonly_fields

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def save_model(
        self, request: HttpRequest, obj: Open311Key, form: forms.Form, change: bool
    ) -> None:
        key, secret = issue_key(name=obj.name, organisation=obj.organisation, actor=request.user)
        obj.pk, obj.prefix, obj.key_hash, obj.created_at = (
            key.pk,
            key.prefix,
            key.key_hash,
            key.created_at,
        )
        obj._state.adding = False
        obj.issued_secret = secret

    def response_add(self, request: HttpRequest, obj: Open311Key, *args: object) -> HttpResponse:
        # The secret is shown on this one response and never again (only its hash is kept).
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Open311-nyckeln är skapad"),
            "key": obj,
            "secret": obj.issued_secret,
        }
        response = TemplateResponse(request, "admin/participation/open311key/issued.html", context)
        return response

    def get_urls(self) -> list:
        revoke = path(
            "<int:pk>/aterkalla/",
            self.admin_site.admin_view(self.revoke_view),
            name="participation_open311key_revoke",
        )
        return [revoke, *super().get_urls()]

    def revoke_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        key = get_object_or_404(Open311Key.objects.select_related("organisation"), pk=pk)
        changelist = reverse("admin:participation_open311key_changelist")
        if key.revoked_at is not None:
            messages.info(request, _("Nyckeln var redan återkallad."))
            return HttpResponseRedirect(changelist)
        if request.method == "POST":
            revoke_key(key=key, actor=request.user)
            messages.success(request, _("Nyckeln är återkallad och kan inte användas längre."))
            return HttpResponseRedirect(changelist)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Återkalla Open311-nyckeln?"),
            "key": key,
            "cancel_url": changelist,
        }
        return TemplateResponse(request, "admin/participation/open311key/revoke.html", context)

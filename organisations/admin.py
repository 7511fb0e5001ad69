"""Django's admin is for platform admins only: organisations, users, roles and reference data.
Coordinators and officers work in the staff pages (/personal/)."""

from django.contrib import admin
from django.db import models
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from organisations import second_factor_admin  # noqa: F401  (users' list: the reset action)
from organisations.auditlog import record, snapshot
from organisations.models import (
    AuditEntry,
    Contact,
    County,
    Membership,
    Municipality,
    Organisation,
    PoliceArea,
    PoliceRegion,
)


def platform_admins_only(request: HttpRequest) -> bool:
    return request.user.is_active and request.user.is_superuser


admin.site.has_permission = platform_admins_only
admin.site.site_header = _("Medborgarlöften – plattformsadministration")


class AuditedAdmin(admin.ModelAdmin):
    """Platform admins' changes go into the same audit trail as everyone else's."""

    def audit_parties(self, obj: models.Model) -> list[int]:
        organisation_id = getattr(obj, "organisation_id", None) or (
            obj.pk if isinstance(obj, Organisation) else None
        )
        return [organisation_id] if organisation_id else []

    def save_model(
        self, request: HttpRequest, obj: models.Model, form: object, change: bool
    ) -> None:
        before = snapshot(type(obj).objects.get(pk=obj.pk)) if change else None
        super().save_model(request, obj, form, change)
        action = f"admin.{obj._meta.model_name}.{'changed' if change else 'created'}"
        record(
            actor=request.user,
            action=action,
            obj=obj,
            parties=self.audit_parties(obj),
            before=before,
            after=snapshot(obj),
        )

    def save_formset(
        self, request: HttpRequest, form: object, formset: object, change: bool
    ) -> None:
        """Inline rows (memberships on an organisation) are audited one by one."""
        for obj in formset.save(commit=False):
            self.save_model(request, obj, None, obj.pk is not None)
        for obj in formset.deleted_objects:
            self.delete_model(request, obj)
        formset.save_m2m()

    def delete_model(self, request: HttpRequest, obj: models.Model) -> None:
        record(
            actor=request.user,
            action=f"admin.{obj._meta.model_name}.deleted",
            obj=obj,
            parties=self.audit_parties(obj),
            before=snapshot(obj),
        )
        super().delete_model(request, obj)


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 1
    autocomplete_fields = ["user"]


@admin.register(Organisation)
class OrganisationAdmin(AuditedAdmin):
    list_display = ["name", "kind", "municipality", "police_area"]
    list_filter = ["kind"]
    search_fields = ["name"]
    autocomplete_fields = ["municipality", "police_area"]
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(AuditedAdmin):
    list_display = ["user", "organisation", "role", "title"]
    list_filter = ["role", "organisation__kind"]
    search_fields = ["user__username", "organisation__name", "title"]
    autocomplete_fields = ["user", "organisation"]


@admin.register(PoliceArea)
class PoliceAreaAdmin(AuditedAdmin):
    list_display = ["name", "police_district", "region"]
    list_filter = ["region"]
    search_fields = ["name"]
    filter_horizontal = ["municipalities"]


@admin.register(Municipality)
class MunicipalityAdmin(AuditedAdmin):
    list_display = ["code", "name", "county"]
    list_filter = ["county"]
    search_fields = ["name", "code"]
    exclude = ["boundary"]


@admin.register(County)
class CountyAdmin(AuditedAdmin):
    list_display = ["code", "name", "police_region"]


admin.site.register(PoliceRegion)


@admin.register(Contact)
class ContactAdmin(AuditedAdmin):
    list_display = ["role_title", "organisation", "municipality", "name"]
    search_fields = ["role_title", "name", "organisation__name"]


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """Read-only: the audit trail is never edited."""

    list_display = ["at", "actor_label", "action", "object_repr"]
    list_filter = ["action"]
    search_fields = ["object_repr", "actor_label", "action"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

"""Django's admin is for platform admins only: organisations, users, roles and reference data.
Coordinators and officers work in the staff pages (/personal/)."""

from django.contrib import admin
from django.http import HttpRequest

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
admin.site.site_header = "Medborgarlöften – plattformsadministration"


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 1
    autocomplete_fields = ["user"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "municipality", "police_area"]
    list_filter = ["kind"]
    search_fields = ["name"]
    autocomplete_fields = ["municipality", "police_area"]
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "organisation", "role", "title"]
    list_filter = ["role", "organisation__kind"]
    search_fields = ["user__username", "organisation__name", "title"]
    autocomplete_fields = ["user", "organisation"]


@admin.register(PoliceArea)
class PoliceAreaAdmin(admin.ModelAdmin):
    list_display = ["name", "police_district", "region"]
    list_filter = ["region"]
    search_fields = ["name"]
    filter_horizontal = ["municipalities"]


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "county"]
    list_filter = ["county"]
    search_fields = ["name", "code"]
    exclude = ["boundary"]


@admin.register(County)
class CountyAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "police_region"]


admin.site.register(PoliceRegion)


@admin.register(Contact)
class ContactAdmin(admin.ModelAdmin):
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

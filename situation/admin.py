"""The lägesbild's records in the platform admin; changes are audited like everyone else's."""

from django.contrib import admin
from django.http import HttpRequest

from organisations.admin import AuditedAdmin
from situation.models import (
    ActionPlan,
    ActionPlanMeasure,
    CrimeCategory,
    CrimeStatistic,
    EstCategory,
    EstObservation,
    PoliceApiCall,
    PoliceEvent,
    SituationReport,
    SuggestedFocusArea,
    WeeklyCompilation,
)


@admin.register(PoliceEvent)
class PoliceEventAdmin(AuditedAdmin):
    list_display = ["police_id", "published_at", "type", "location_name", "municipality"]
    list_filter = ["is_summary", "county"]
    search_fields = ["police_id", "name", "type", "location_name"]
    raw_id_fields = ["municipality", "county"]


@admin.register(PoliceApiCall)
class PoliceApiCallAdmin(admin.ModelAdmin):
    """Read-only: the record the API's rate limits are kept by."""

    list_display = ["called_at", "url", "status_code", "event_count"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(CrimeCategory)
class CrimeCategoryAdmin(AuditedAdmin):
    list_display = ["code", "name", "parent", "order"]
    search_fields = ["code", "name"]


@admin.register(CrimeStatistic)
class CrimeStatisticAdmin(AuditedAdmin):
    list_display = ["municipality", "period", "category", "measure", "value", "marker"]
    list_filter = ["measure", "marker", "year"]
    search_fields = ["municipality__name", "category__name"]
    raw_id_fields = ["municipality", "category"]
    exclude = ["period"]


@admin.register(EstCategory)
class EstCategoryAdmin(AuditedAdmin):
    list_display = ["name", "code", "organisation", "order", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["name", "code"]


@admin.register(EstObservation)
class EstObservationAdmin(AuditedAdmin):
    list_display = ["observed_on", "category", "organisation", "municipality", "time_of_day"]
    list_filter = ["time_of_day", "flagged_personal_number"]
    raw_id_fields = ["organisation", "reporter", "municipality", "category", "area"]


@admin.register(WeeklyCompilation)
class WeeklyCompilationAdmin(AuditedAdmin):
    list_display = ["municipality", "iso_year", "iso_week", "organisation"]
    raw_id_fields = ["organisation", "municipality", "created_by"]
    filter_horizontal = ["hot_spot_areas"]


class SuggestedFocusAreaInline(admin.StackedInline):
    model = SuggestedFocusArea
    extra = 0
    raw_id_fields = ["created_promise"]


@admin.register(SituationReport)
class SituationReportAdmin(AuditedAdmin):
    list_display = ["title", "organisation", "period_start", "period_end", "status"]
    list_filter = ["status"]
    search_fields = ["title"]
    filter_horizontal = ["municipalities", "areas", "promises"]
    raw_id_fields = ["organisation", "created_by"]
    inlines = [SuggestedFocusAreaInline]


class ActionPlanMeasureInline(admin.StackedInline):
    model = ActionPlanMeasure
    extra = 0
    filter_horizontal = ["promises", "activities"]


@admin.register(ActionPlan)
class ActionPlanAdmin(AuditedAdmin):
    list_display = ["title", "municipality", "decision_body", "decided_on", "next_review_on"]
    search_fields = ["title", "municipality__name"]
    raw_id_fields = ["municipality", "situation_report"]
    inlines = [ActionPlanMeasureInline]

from django.contrib import admin

from organisations.admin import AuditedAdmin
from promises.models import FocusArea


@admin.register(FocusArea)
class FocusAreaAdmin(AuditedAdmin):
    list_display = ["name", "is_standard"]
    list_filter = ["is_standard"]
    search_fields = ["name"]

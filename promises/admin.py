from django.contrib import admin

from promises.models import FocusArea


@admin.register(FocusArea)
class FocusAreaAdmin(admin.ModelAdmin):
    list_display = ["name", "is_standard"]
    list_filter = ["is_standard"]
    search_fields = ["name"]

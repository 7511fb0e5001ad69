"""The platform admin's reset of a user's second factor: an action on the users' list, with a
confirmation page, audited. django-otp's own device admins are not shown (they show secrets)."""

from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from organisations.second_factor import reset_second_factor

User = get_user_model()

for model in (TOTPDevice, StaticDevice):
    if admin.site.is_registered(model):
        admin.site.unregister(model)


@admin.action(description=gettext_lazy("Ta bort autentiseringsappen och reservkoderna"))
def reset_second_factor_action(
    modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet
) -> HttpResponse | None:
    if request.POST.get("confirmed") == "yes":
        for user in queryset:
            reset_second_factor(user=user, actor=request.user)
        count = queryset.count()
        messages.success(
            request,
            ngettext(
                "Appen och reservkoderna är borttagna för %(count)d användare. Vid nästa "
                "inloggning registrerar de en ny app.",
                "Appen och reservkoderna är borttagna för %(count)d användare. Vid nästa "
                "inloggning registrerar de en ny app.",
                count,
            )
            % {"count": count},
        )
        return None
    context = {
        **modeladmin.admin_site.each_context(request),
        "opts": modeladmin.model._meta,
        "title": _("Ta bort autentiseringsappen?"),
        "users": queryset,
        "action": "reset_second_factor_action",
        "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
    }
    return TemplateResponse(request, "admin/auth/user/reset_second_factor.html", context)


class SecondFactorUserAdmin(UserAdmin):
    actions = [*UserAdmin.actions, reset_second_factor_action]
    list_display = (*UserAdmin.list_display, "has_app")

    @admin.display(boolean=True, description=gettext_lazy("autentiseringsapp"))
    def has_app(self, user: object) -> bool:
        return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


if admin.site.is_registered(User):
    admin.site.unregister(User)
admin.site.register(User, SecondFactorUserAdmin)

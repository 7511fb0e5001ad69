from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.generic import RedirectView

from api.main import api
from core.health import health
from notifications.password_reset import password_reset_urls
from organisations.second_factor_views import StaffLoginView, login_code, login_enrol

# A database that cannot be reached gets a clear 503 instead of the 500 page (core/unavailable.py).
handler500 = "core.unavailable.server_error"

urlpatterns = [
    path("halsa/", health, name="health"),
    path("", include("public.urls")),
    path("api/v1/", api.urls),
    path("folj/", include("notifications.urls")),
    path("enkat/", include("surveys.urls")),
    path("", include("participation.urls")),
    path("lagesbild/", include("situation.report.public_urls")),
    path("lagesbild/", include("situation.urls")),
    path("personal/", include("config.staff_urls")),
    path("personal/api-nycklar/", include("api.staff_urls")),
    path("personal/undersokningar/", include("surveys.staff_urls")),
    path("personal/invanare/", include("participation.staff_urls")),
    path("personal/lagesbild/est/", include("situation.est.urls")),
    path("personal/lagesbild/rapporter/", include("situation.report.staff_urls")),
    path("personal/lagesbild/", include("situation.staff_urls")),
    path("personal/paminnelser/", include("notifications.staff_urls")),
    path("logga-in/", StaffLoginView.as_view(), name="login"),
    path("logga-in/kod/", login_code, name="login_code"),
    path("logga-in/ny-app/", login_enrol, name="login_enrol"),
    path("logga-ut/", auth_views.LogoutView.as_view(), name="logout"),
    path("losenord/", include(password_reset_urls())),
    # The platform admin logs in through the staff login (password, then the second factor).
    path(
        "plattformsadmin/login/",
        RedirectView.as_view(pattern_name="login", query_string=True),
        name="admin_login_redirect",
    ),
    path("plattformsadmin/", admin.site.urls),
]

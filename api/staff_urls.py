from django.urls import path

from api import views

app_name = "api_staff"
urlpatterns = [
    path("", views.token_list, name="token_list"),
    path("ny/", views.token_create, name="token_create"),
    path("<int:pk>/aterkalla/", views.token_revoke, name="token_revoke"),
]

"""Account pages: one's own account (password, API token) and the administrator's list."""

from django.urls import URLPattern, URLResolver, path

from . import views_admin, views_agencies, views_self

app_name = "accounts"
urlpatterns: list[URLPattern | URLResolver] = [
    path("tai-khoan/", views_self.profile, name="profile"),
    path("tai-khoan/mat-khau/", views_self.PasswordChange.as_view(), name="password"),
    path("tai-khoan/token/", views_self.token_issue, name="token_issue"),
    path("tai-khoan/token/thu-hoi/", views_self.token_revoke, name="token_revoke"),
    path("tai-khoan/nguoi-dung/", views_admin.users, name="users"),
    path(
        "tai-khoan/nguoi-dung/<int:pk>/dat-lai-mat-khau/",
        views_admin.reset_password,
        name="reset_password",
    ),
    path("tai-khoan/don-vi-moi/", views_agencies.agencies, name="agencies"),
    path("tai-khoan/don-vi-moi/<int:pk>/", views_agencies.decide_agency, name="decide_agency"),
]

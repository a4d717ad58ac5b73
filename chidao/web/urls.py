"""URL map: each feature app brings its own urls module."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from chidao.web import views

urlpatterns = [
    path("", views.home, name="home"),
    path("dang-nhap/", auth_views.LoginView.as_view(), name="login"),
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("quan-tri/", admin.site.urls),
    path("", include("chidao.accounts.urls")),
    path("", include("chidao.registry.urls")),
    path("", include("chidao.documents.urls")),
    path("", include("chidao.tracking.urls")),
    path("", include("chidao.reminders.urls")),
    path("", include("chidao.reports.urls")),
    path("", include("chidao.leader.urls")),
    path("", include("chidao.indicators.urls")),
    path("", include("chidao.search.urls")),
    path("api/", include("chidao.api.urls")),
]

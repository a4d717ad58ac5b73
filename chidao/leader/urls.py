"""URL of the leader's overview."""

from django.urls import URLPattern, URLResolver, path

from chidao.leader import views

app_name = "leader"
urlpatterns: list[URLPattern | URLResolver] = [
    path("tong-quan/", views.overview, name="overview"),
]

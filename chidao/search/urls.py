"""URLs of search."""

from django.urls import URLPattern, URLResolver, path

from . import views

app_name = "search"
urlpatterns: list[URLPattern | URLResolver] = [
    path("tim-kiem/", views.results, name="results"),
]

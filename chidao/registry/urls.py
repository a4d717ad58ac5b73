"""URLs of registry."""

from django.urls import URLPattern, URLResolver, path

from . import views

app_name = "registry"
urlpatterns: list[URLPattern | URLResolver] = [
    path("co-quan/tim/", views.autocomplete, name="autocomplete"),
]

"""URLs of tracking."""

from django.urls import URLPattern, URLResolver

app_name = "tracking"
urlpatterns: list[URLPattern | URLResolver] = []

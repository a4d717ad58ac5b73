"""URLs of reminders: the Office's đôn đốc list, the giao ban list, notifications."""

from django.urls import URLPattern, URLResolver, path

from chidao.reminders import views

app_name = "reminders"
urlpatterns: list[URLPattern | URLResolver] = [
    path("don-doc/", views.index, name="index"),
    path("don-doc/gui/", views.remind, name="remind"),
    path("don-doc/phan-cong/<int:pk>/", views.remind_one, name="remind_one"),
    path("don-doc/nhat-ky/", views.daily_runs, name="runs"),
    path("dua-ra-giao-ban/", views.flagged_list, name="flagged"),
    path("dua-ra-giao-ban/<int:pk>/go/", views.clear_flag, name="clear_flag"),
    path("thong-bao/", views.notifications, name="notifications"),
    path("thong-bao/<int:pk>/", views.open_notification, name="open_notification"),
    path("thong-bao/<int:pk>/da-doc/", views.read, name="read"),
    path("thong-bao/da-doc/", views.read_all, name="read_all"),
]

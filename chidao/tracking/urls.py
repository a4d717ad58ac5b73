"""URLs of tracking: lists, one task, one assignment and its steps, queues, the dashboard."""

from django.urls import URLPattern, URLResolver, path

from chidao.tracking import (
    views_assignment,
    views_dashboard,
    views_lists,
    views_office,
    views_task,
)

app_name = "tracking"
urlpatterns: list[URLPattern | URLResolver] = [
    path("viec-cua-don-vi/", views_lists.my_assignments, name="my_assignments"),
    path("nhiem-vu/", views_lists.assignments, name="assignments"),
    path("nhiem-vu/<int:pk>/", views_task.task_detail, name="task_detail"),
    path("phan-cong/<int:pk>/", views_assignment.assignment_detail, name="assignment_detail"),
    path(
        "phan-cong/<int:pk>/<slug:slug>/",
        views_assignment.assignment_action,
        name="assignment_action",
    ),
    path(
        "de-nghi-gia-han/<int:pk>/quyet-dinh/",
        views_assignment.decide_extension,
        name="decide_extension",
    ),
    path("tep-minh-chung/<int:pk>/", views_assignment.attachment, name="attachment"),
    path("cho-xac-nhan/", views_office.awaiting, name="awaiting"),
    path("de-nghi-gia-han/", views_office.extensions, name="extensions"),
    path("tong-hop/", views_dashboard.dashboard_view, name="dashboard"),
    path("tong-hop/don-vi/", views_dashboard.dashboard_agencies, name="dashboard_agencies"),
]

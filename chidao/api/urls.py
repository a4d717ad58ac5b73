"""The JSON API under /api/ (namespace ``api``): token, schema, resources, dashboard."""

from django.urls import URLPattern, URLResolver, path
from rest_framework.routers import SimpleRouter

from chidao.api.views.assignments import AssignmentViewSet, ExtensionViewSet
from chidao.api.views.auth import TokenView
from chidao.api.views.dashboard import DashboardView
from chidao.api.views.documents import DocumentViewSet, JobViewSet
from chidao.api.views.reports import AttachmentViewSet, ReportViewSet
from chidao.api.views.schema import SchemaView
from chidao.api.views.tasks import TaskViewSet

app_name = "api"

router = SimpleRouter(use_regex_path=False)
router.register("documents", DocumentViewSet, basename="document")
router.register("jobs", JobViewSet, basename="job")
router.register("tasks", TaskViewSet, basename="task")
router.register("assignments", AssignmentViewSet, basename="assignment")
router.register("extensions", ExtensionViewSet, basename="extension")
router.register("reports", ReportViewSet, basename="report")
router.register("attachments", AttachmentViewSet, basename="attachment")

urlpatterns: list[URLPattern | URLResolver] = [
    path("schema/", SchemaView.as_view(), name="schema"),
    path("token/", TokenView.as_view(), name="token"),
    path("dashboard/", DashboardView.as_view(), name="dashboard"),
    *router.urls,
]

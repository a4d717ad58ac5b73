"""URLs of the giao ban report: the page and its downloads, all with the same query."""

from django.urls import URLPattern, URLResolver, path

from chidao.reports import views

app_name = "reports"
urlpatterns: list[URLPattern | URLResolver] = [
    path("giao-ban/", views.giao_ban, name="giao_ban"),
    path("giao-ban/bao-cao.xlsx", views.download_xlsx, name="xlsx"),
    path("giao-ban/bao-cao.docx", views.download_docx, name="docx"),
    path("giao-ban/bao-cao.pdf", views.download_pdf, name="pdf"),
]

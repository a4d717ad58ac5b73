"""URLs of documents: ingest (upload, jobs), the documents, and the review screen."""

from django.urls import URLPattern, URLResolver, path

from . import views_agencies, views_facts, views_import
from . import views_ingest as ingest
from . import views_review as review

app_name = "documents"
urlpatterns: list[URLPattern | URLResolver] = [
    path("van-ban/", ingest.document_list, name="list"),
    path("van-ban/nhap/", ingest.upload, name="upload"),
    path("van-ban/nhap-kho/", views_import.import_archive, name="import"),
    path("van-ban/nhap-kho/<int:pk>/", views_import.import_job, name="import_job"),
    path(
        "van-ban/nhap-kho/<int:pk>/tien-do/", views_import.import_progress, name="import_progress"
    ),
    path("van-ban/tien-trinh/", ingest.jobs, name="jobs"),
    path("van-ban/tien-trinh/dong/", ingest.job_rows, name="job_rows"),
    path("van-ban/tien-trinh/<int:pk>/chay-lai/", ingest.job_retry, name="job_retry"),
    path("van-ban/<int:pk>/", ingest.document_detail, name="detail"),
    path("van-ban/<int:pk>/tep-goc/", ingest.original, name="original"),
    path("van-ban/<int:pk>/thong-tin/", views_facts.correct_facts, name="facts"),
    path("van-ban/<int:pk>/ra-soat/", review.review_page, name="review"),
    path("van-ban/<int:pk>/ra-soat/gop/", review.merge, name="merge"),
    path("van-ban/<int:pk>/ra-soat/them/", review.add, name="add"),
    path("van-ban/<int:pk>/ra-soat/chap-nhan-tat-ca/", review.accept_all, name="accept_all"),
    path("van-ban/<int:pk>/dang-ky/", review.register, name="register"),
    path("de-xuat/<int:pk>/", review.candidate_action, name="candidate"),
    path("de-xuat/<int:pk>/tach/", review.candidate_split, name="split"),
    path("de-xuat/<int:pk>/ke-thua/", views_agencies.successor, name="successor"),
    path("de-xuat/<int:pk>/don-vi-moi/", views_agencies.unlisted, name="unlisted"),
]

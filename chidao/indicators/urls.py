"""URLs of indicators: the list, one indicator, its values, create/edit, document review."""

from django.urls import URLPattern, URLResolver, path

from chidao.indicators import views, views_review

app_name = "indicators"
urlpatterns: list[URLPattern | URLResolver] = [
    path("chi-tieu/", views.indicator_list, name="list"),
    path("chi-tieu/them/", views.indicator_create, name="create"),
    path("chi-tieu/<int:pk>/", views.indicator_detail, name="detail"),
    path("chi-tieu/<int:pk>/sua/", views.indicator_edit, name="edit"),
    path("chi-tieu/<int:pk>/so-lieu/", views.enter_value, name="enter_value"),
    path("van-ban/<int:pk>/chi-tieu/", views_review.document_review, name="review"),
    path("van-ban/<int:pk>/chi-tieu/chap-nhan/", views_review.accept, name="accept"),
    path("van-ban/<int:pk>/chi-tieu/bo-qua/", views_review.skip, name="skip"),
]

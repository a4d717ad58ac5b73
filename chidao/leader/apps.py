from django.apps import AppConfig


class LeaderConfig(AppConfig):
    name = "chidao.leader"
    label = "leader"
    verbose_name = "Tổng quan điều hành"

from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "chidao.accounts"
    label = "accounts"
    verbose_name = "Tài khoản"

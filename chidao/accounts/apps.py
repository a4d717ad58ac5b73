from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "chidao.accounts"
    label = "accounts"
    verbose_name = "Tài khoản"

    def ready(self) -> None:
        from chidao.accounts import tokens  # noqa: F401  (revokes a user's token at logout)

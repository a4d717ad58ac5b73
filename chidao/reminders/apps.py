from django.apps import AppConfig


class RemindersConfig(AppConfig):
    name = "chidao.reminders"
    label = "reminders"
    verbose_name = "Đôn đốc"

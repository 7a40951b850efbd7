from django.apps import AppConfig


class ReadingConfig(AppConfig):
    name = "gradeline.web.reading"
    label = "gradeline_reading"
    verbose_name = "gradeline reading"

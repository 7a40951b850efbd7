from django.apps import AppConfig


class EditionsConfig(AppConfig):
    name = "gradeline.web.editions"
    label = "gradeline_editions"
    verbose_name = "gradeline editions"

    def ready(self) -> None:
        from gradeline.web.editions import fragments  # noqa: F401  (registers the review slot)

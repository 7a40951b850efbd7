from django.apps import AppConfig


class DiscussionConfig(AppConfig):
    name = "gradeline.web.discussion"
    label = "gradeline_discussion"
    verbose_name = "gradeline discussion"

    def ready(self) -> None:
        from gradeline.web.discussion import fragments  # noqa: F401  (registers the discussion slot)

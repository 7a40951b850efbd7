from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "gradeline.web.accounts"
    label = "gradeline_accounts"
    verbose_name = "gradeline accounts"

    def ready(self) -> None:
        from gradeline.web.accounts import fragments  # noqa: F401  (registers the account slot)

from django.apps import AppConfig


class PlatformConfig(AppConfig):
    name = "haven.platform"
    label = "platform"
    verbose_name = "Platform"

    def ready(self) -> None:
        from haven.platform import checks  # noqa: F401  (registers system checks)

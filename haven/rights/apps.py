from django.apps import AppConfig


class RightsConfig(AppConfig):
    name = "haven.rights"
    label = "rights"
    verbose_name = "Rights information"

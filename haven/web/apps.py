from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "haven.web"
    label = "web"
    verbose_name = "Web interface"

from django.apps import AppConfig


class ReferralsConfig(AppConfig):
    name = "haven.referrals"
    label = "referrals"
    verbose_name = "Referrals and consent"

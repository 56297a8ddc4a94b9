"""Users, agencies, roles, two-factor devices and API tokens; access.py decides
what each user may see and do."""

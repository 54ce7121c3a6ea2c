from django.apps import AppConfig


class DemoConfig(AppConfig):
    # Above the domain apps: it writes records of five of them (projects, experts, assistance,
    # plans, accounts) and none of them imports it. No models, so no name shown in the admin.
    name = "demo"

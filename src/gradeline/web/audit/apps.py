from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "gradeline.web.audit"
    label = "gradeline_audit"
    verbose_name = "gradeline audit log"

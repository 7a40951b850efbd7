"""WSGI entry point (gunicorn gradeline.web.wsgi)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gradeline.web.settings")

application = get_wsgi_application()

"""WSGI entry point (``gradeline serve`` runs it under waitress; any WSGI server can)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gradeline.web.settings")

application = get_wsgi_application()

"""Production settings: HTTPS only, secure cookies, HSTS, no debug. ``manage.py check --deploy`` is clean.

Everything else comes from ``gradeline.web.settings`` and the environment (DATABASE_URL, GRADELINE_SECRET_KEY,
GRADELINE_ALLOWED_HOSTS, GRADELINE_EMAIL_*). Behind a TLS-terminating proxy set
GRADELINE_PROXY_SSL_HEADER=1 (trusts X-Forwarded-Proto); GRADELINE_SSL_REDIRECT=0 if the proxy redirects;
GRADELINE_TRUSTED_PROXIES=N when N proxies append to X-Forwarded-For (client addresses for log-in lockout and
rate limits). ``gradeline serve`` beyond loopback runs these settings (docs/deployment.md).
"""

import os

from gradeline.web.settings import *  # noqa: F403

DEBUG = False
SECURE_SSL_REDIRECT = os.environ.get("GRADELINE_SSL_REDIRECT", "1") == "1"
SECURE_HSTS_SECONDS = 365 * 24 * 3600
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
if os.environ.get("GRADELINE_PROXY_SSL_HEADER") == "1":
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
CSRF_TRUSTED_ORIGINS = [
    f"https://{host}"
    for host in ALLOWED_HOSTS  # noqa: F405
    if host and host not in {"testserver", "*"}
]

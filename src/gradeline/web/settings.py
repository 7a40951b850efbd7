"""Django settings: embedded defaults (SQLite in var/, Danish first), overridable from the environment.

Environment: DATABASE_URL, GRADELINE_SECRET_KEY, GRADELINE_DEBUG=1, GRADELINE_ALLOWED_HOSTS (comma-separated),
GRADELINE_VAR_DIR (where the SQLite database and the secret key live; default ``var/`` at the repo root).
"""

import json
import os
import secrets
from pathlib import Path

import dj_database_url

WEB_DIR = Path(__file__).resolve().parent
REPO_ROOT = WEB_DIR.parents[2]
VAR_DIR = Path(os.environ.get("GRADELINE_VAR_DIR", REPO_ROOT / "var"))


def _secret_key() -> str:
    """The secret key from the environment, else one generated once and kept in var/."""
    if key := os.environ.get("GRADELINE_SECRET_KEY"):
        return key
    path = VAR_DIR / "secret-key"
    try:
        return path.read_text(encoding="utf-8").strip()
    except OSError:
        key = secrets.token_urlsafe(50)
        try:
            VAR_DIR.mkdir(parents=True, exist_ok=True)
            path.write_text(key, encoding="utf-8")
            path.chmod(0o600)
        except OSError:
            pass  # read-only checkout: a per-process key still works for this app (no logins yet)
        return key


SECRET_KEY = _secret_key()
DEBUG = os.environ.get("GRADELINE_DEBUG", "") == "1"
ALLOWED_HOSTS = os.environ.get("GRADELINE_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1],testserver").split(",")

INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "django.contrib.staticfiles",
    "ninja",
    "gradeline.web",
    "gradeline.web.cds",
    "gradeline.web.decide",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "gradeline.web.guidelines.prefix.GuidelinePrefixMiddleware",
    "gradeline.web.middleware.CookieLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "gradeline.web.urls"
WSGI_APPLICATION = "gradeline.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "APP_DIRS": True,  # Django caches compiled templates (also with DEBUG)
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "gradeline.web.context.site",
            ],
        },
    }
]

_DEFAULT_DB = f"sqlite:///{VAR_DIR / 'gradeline.sqlite3'}"
DATABASES = {"default": dj_database_url.config(default=_DEFAULT_DB, conn_max_age=60)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers run beside the writer; IMMEDIATE transactions and a busy timeout make concurrent
    # writers wait their turn instead of failing. Tests use a file too (not shared-cache memory, whose
    # table locks ignore the timeout), so they exercise the same locking as the app.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
    }
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / f"test-{os.getpid()}.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LANGUAGE_CODE = "da"
LANGUAGES = [("da", "Dansk"), ("en", "English")]
LANGUAGE_COOKIE_NAME = "gradeline_language"
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
LANGUAGE_COOKIE_SAMESITE = "Lax"
LOCALE_PATHS = [WEB_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Europe/Copenhagen"
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = None  # whitenoise serves the app's static files straight from the package (finders)
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# CDS Hooks: trusted clients ({"clients": [{"iss": …, "jku": [...]}], "cors_origins": [...]}) from a JSON file
# named by GRADELINE_CDS_CONFIG. Without it, every hook call is refused (401). Development mode (no JWT
# checks) must be switched on explicitly in that file and is for a developer's own machine only.
GRADELINE_CDS_HOOKS = (
    json.loads(Path(os.environ["GRADELINE_CDS_CONFIG"]).read_text(encoding="utf-8"))
    if os.environ.get("GRADELINE_CDS_CONFIG")
    else {}
)

# Monitoring results (a folder written by `gradeline monitor run --out`); empty: a synthetic demonstration.
GRADELINE_MONITOR_RESULTS = os.environ.get("GRADELINE_MONITOR_RESULTS", "")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {"django": {"handlers": ["console"], "level": "WARNING"}},
}

# Accounts, sessions, CSRF, log-in throttling, discussion, editions and audit (gradeline.web.accounts.conf).
from gradeline.web.accounts.conf import install as _install_accounts  # noqa: E402

_install_accounts(globals())

# Reading pages (layer 1 and its sections).
INSTALLED_APPS += ["gradeline.web.reading"]

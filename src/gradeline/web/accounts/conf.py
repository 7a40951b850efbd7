"""Settings for accounts, discussion, editions and audit, installed into ``gradeline.web.settings``.

Apps and middleware are inserted next to named neighbours, so other settings can change independently.
Environment: GRADELINE_EMAIL_BACKEND (default: the console), GRADELINE_EMAIL_HOST/_PORT/_USER/_PASSWORD,
GRADELINE_EMAIL_USE_TLS=1, GRADELINE_FROM_EMAIL, GRADELINE_LOGIN_FAILURE_LIMIT (default 5),
GRADELINE_COMMENT_EDIT_MINUTES (default 15), GRADELINE_MEDIA_DIR (rendered edition PDFs; default
var/media), GRADELINE_SITE_URL (links in e-mails; default
http://localhost:8000), GRADELINE_TRUSTED_PROXIES (how many reverse proxies in front append to
X-Forwarded-For; default 0: the socket's address is the client's), GRADELINE_RATE_<NAME> for each rate limit
in RATE_LIMITS ("count/period" with period s, m, h or d; empty switches it off).
"""

import os
from datetime import timedelta
from typing import Any

APPS = [
    "django.contrib.sessions",
    "axes",
    "gradeline.web.audit",
    "gradeline.web.accounts",
    "gradeline.web.editions",
    "gradeline.web.discussion",
    "gradeline.web.authoring",
]
SESSION = "django.contrib.sessions.middleware.SessionMiddleware"
AFTER_COMMON = [
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "gradeline.web.slots.SlotMiddleware",
]
AXES = "axes.middleware.AxesMiddleware"
# Per name: the default rate and whom it counts (see gradeline.web.limits).
RATE_LIMITS = {
    "comment": "10/m",  # per account
    "login": "20/m",  # per client address; failed log-ins also lock the username (axes)
    "reset": "5/m",  # per client address
    "invitation": "30/h",  # per account
    "plan": "120/m",  # per client address (POST /api/plan)
}
HEADERS = "gradeline.web.accounts.headers.SecurityHeadersMiddleware"  # outermost but one: every response


def _insert_after(items: list[str], anchor: str, new: list[str]) -> None:
    new = [item for item in new if item not in items]
    at = items.index(anchor) + 1 if anchor in items else len(items)
    items[at:at] = new


def install(s: dict[str, Any]) -> None:
    """Add the apps, middleware and security settings to a settings module's globals."""
    s["INSTALLED_APPS"] = apps = list(s["INSTALLED_APPS"])
    apps += [app for app in APPS if app not in apps]
    s["MIDDLEWARE"] = middleware = list(s["MIDDLEWARE"])
    _insert_after(middleware, "django.middleware.security.SecurityMiddleware", [HEADERS])
    _insert_after(middleware, "whitenoise.middleware.WhiteNoiseMiddleware", [SESSION])
    _insert_after(middleware, "django.middleware.common.CommonMiddleware", AFTER_COMMON)
    if AXES not in middleware:
        middleware.append(AXES)
    env = os.environ.get
    caches = dict(
        s.get("CACHES") or {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    )
    # Rate-limit counters: in-process memory suits one server process (gradeline serve); several processes
    # or instances need a shared cache (GRADELINE_RATELIMIT_CACHE_BACKEND/_LOCATION, e.g. memcached).
    caches.setdefault(
        "ratelimit",
        {
            "BACKEND": env(
                "GRADELINE_RATELIMIT_CACHE_BACKEND", "django.core.cache.backends.locmem.LocMemCache"
            ),
            "LOCATION": env("GRADELINE_RATELIMIT_CACHE_LOCATION", "gradeline-ratelimit"),
        },
    )
    s.update(
        PASSWORD_HASHERS=[
            "django.contrib.auth.hashers.Argon2PasswordHasher",
            "django.contrib.auth.hashers.PBKDF2PasswordHasher",
        ],
        AUTH_PASSWORD_VALIDATORS=[
            {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
            {
                "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
                "OPTIONS": {"min_length": 12},
            },
            {"NAME": "gradeline.web.accounts.passwords.BreachedPasswordValidator"},
            {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
        ],
        AUTHENTICATION_BACKENDS=[
            "axes.backends.AxesStandaloneBackend",
            "django.contrib.auth.backends.ModelBackend",
        ],
        LOGIN_URL="login",
        LOGIN_REDIRECT_URL="/",
        LOGOUT_REDIRECT_URL="/",
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_AGE=14 * 24 * 3600,
        CSRF_COOKIE_SAMESITE="Lax",
        CSRF_FAILURE_VIEW="gradeline.web.accounts.views.csrf_failure",
        AXES_FAILURE_LIMIT=int(env("GRADELINE_LOGIN_FAILURE_LIMIT", "5")),
        AXES_COOLOFF_TIME=timedelta(minutes=15),
        # A username is locked after too many failures from anywhere (no password spraying across
        # addresses), and an address after too many failures on any usernames.
        AXES_LOCKOUT_PARAMETERS=["username", "ip_address"],
        AXES_CLIENT_IP_CALLABLE="gradeline.web.client_ip.client_ip",
        GRADELINE_TRUSTED_PROXIES=int(env("GRADELINE_TRUSTED_PROXIES", "0")),
        GRADELINE_SITE_URL=env("GRADELINE_SITE_URL", "http://localhost:8000"),
        CACHES=caches,
        RATELIMIT_USE_CACHE="ratelimit",
        GRADELINE_RATE_LIMITS={
            name: env(f"GRADELINE_RATE_{name.upper()}", rate) for name, rate in RATE_LIMITS.items()
        },
        AXES_RESET_ON_SUCCESS=True,
        AXES_LOCKOUT_TEMPLATE="accounts/locked.html",
        AXES_HTTP_RESPONSE_CODE=429,
        AXES_VERBOSE=False,
        EMAIL_BACKEND=env("GRADELINE_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"),
        EMAIL_HOST=env("GRADELINE_EMAIL_HOST", "localhost"),
        EMAIL_PORT=int(env("GRADELINE_EMAIL_PORT", "25")),
        EMAIL_HOST_USER=env("GRADELINE_EMAIL_USER", ""),
        EMAIL_HOST_PASSWORD=env("GRADELINE_EMAIL_PASSWORD", ""),
        EMAIL_USE_TLS=env("GRADELINE_EMAIL_USE_TLS", "") == "1",
        DEFAULT_FROM_EMAIL=env("GRADELINE_FROM_EMAIL", "gradeline <noreply@localhost>"),
        PASSWORD_RESET_TIMEOUT=24 * 3600,
        GRADELINE_MEDIA_DIR=env("GRADELINE_MEDIA_DIR", str(s.get("VAR_DIR", "var")) + "/media"),
        GRADELINE_COMMENT_EDIT_MINUTES=int(env("GRADELINE_COMMENT_EDIT_MINUTES", "15")),
    )

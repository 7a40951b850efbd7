"""Settings for accounts, discussion, editions and audit, installed into ``gradeline.web.settings``.

Apps and middleware are inserted next to named neighbours, so other settings can change independently.
Environment: GRADELINE_EMAIL_BACKEND (default: the console), GRADELINE_EMAIL_HOST/_PORT/_USER/_PASSWORD,
GRADELINE_EMAIL_USE_TLS=1, GRADELINE_FROM_EMAIL, GRADELINE_LOGIN_FAILURE_LIMIT (default 5),
GRADELINE_COMMENT_EDIT_MINUTES (default 15).
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
]
SESSION = "django.contrib.sessions.middleware.SessionMiddleware"
AFTER_COMMON = [
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "gradeline.web.slots.SlotMiddleware",
]
AXES = "axes.middleware.AxesMiddleware"
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
    s.update(
        PASSWORD_HASHERS=[
            "django.contrib.auth.hashers.Argon2PasswordHasher",
            "django.contrib.auth.hashers.PBKDF2PasswordHasher",
        ],
        AUTH_PASSWORD_VALIDATORS=[
            {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
            {
                "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
                "OPTIONS": {"min_length": 10},
            },
            {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
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
        AXES_LOCKOUT_PARAMETERS=[["username", "ip_address"]],
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
        GRADELINE_COMMENT_EDIT_MINUTES=int(env("GRADELINE_COMMENT_EDIT_MINUTES", "15")),
    )

"""Absolute links for e-mails, from the configured site URL only (never from the request's Host header)."""

from urllib.parse import urlsplit

from django.conf import settings


def site_url() -> str:
    """The configured public address, without a trailing slash (``GRADELINE_SITE_URL``)."""
    return str(getattr(settings, "GRADELINE_SITE_URL", "http://localhost:8000")).rstrip("/")


def absolute(path: str) -> str:
    """An absolute link to a path on this site."""
    return site_url() + path


def scheme_and_domain() -> tuple[str, str]:
    """("https", "example.org") of the configured site URL, as Django's e-mail templates expect them."""
    parts = urlsplit(site_url())
    return parts.scheme, parts.netloc

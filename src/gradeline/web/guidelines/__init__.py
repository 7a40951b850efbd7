"""Many guidelines in one site: each pack under its own URL prefix, an index at ``/``, a list in the API."""

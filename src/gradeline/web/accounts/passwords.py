"""A password validator against an offline list of common and breached passwords.

The list is Django's own (20,000 passwords, from Royce Williams' 2017 compilation of breached passwords)
joined with zxcvbn's 30,000 most frequent passwords from public breaches (the ``zxcvbn`` package's
``frequency_lists``); no password is sent anywhere.
"""

from django.contrib.auth.password_validation import CommonPasswordValidator
from zxcvbn.frequency_lists import FREQUENCY_LISTS  # type: ignore[import-untyped]


class BreachedPasswordValidator(CommonPasswordValidator):
    """Refuses any password (case-insensitive, trimmed) on Django's or zxcvbn's list."""

    def __init__(self) -> None:
        super().__init__()
        self.passwords = self.passwords | {word.lower().strip() for word in FREQUENCY_LISTS["passwords"]}

"""Django's management commands for gradeline: ``python -m gradeline.web.manage <command>``.

Production: ``python -m gradeline.web.manage check --deploy --settings gradeline.web.settings_production``.
"""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gradeline.web.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(argv if argv is not None else sys.argv)


if __name__ == "__main__":
    main()

"""Web tests may touch the database: layer 2 shows the discussion and review status from it.

Every test here is marked ``django_db`` at collection (unless it carries its own marker), so pytest-django
sets up the test database even when only these tests are selected; a database requested later by a fixture
would otherwise fall through to the development database under var/.
"""

from pathlib import Path

import pytest

HERE = Path(__file__).parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if HERE in Path(str(item.fspath)).parents and item.get_closest_marker("django_db") is None:
            item.add_marker(pytest.mark.django_db)

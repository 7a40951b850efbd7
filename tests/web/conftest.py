"""Web tests may touch the database: layer 2 shows the discussion and review status from it."""

import pytest


@pytest.fixture(autouse=True)
def _database(request: pytest.FixtureRequest) -> None:
    marker = request.node.get_closest_marker("django_db")
    if marker is None or not marker.kwargs.get("transaction"):
        request.getfixturevalue("db")

"""Every test in this folder belongs to the reliability suite (`pytest -m reliability`)."""

from __future__ import annotations

import pytest


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/reliability/" in str(item.path).replace("\\", "/"):
            item.add_marker(pytest.mark.reliability)


from tests.ui.conftest import rig  # noqa: E402, F401  (the operator window fixture, shared)

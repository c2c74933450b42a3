from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"


@pytest.fixture
def shared_data() -> Path:
    """The development sets in ../shared/data, read in place; skips where they are absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared/data is not present on this machine")
    return SHARED

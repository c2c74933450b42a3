import os
import shutil
from pathlib import Path

import pytest

from eventcoder.gazetteer import load_gazetteer
from eventcoder.gazetteer.build import base_index_path, build_index
from eventcoder.store import Store
from eventcoder.store.schema import metadata, schema_version

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"
POSTGRES = os.environ.get("EVENTCODER_TEST_POSTGRES_URL")


@pytest.fixture
def shared_data() -> Path:
    """The development sets in ../shared/data, read in place; skips where they are absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared/data is not present on this machine")
    return SHARED


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request, tmp_path):
    """A fresh, empty database of each kind; PostgreSQL where EVENTCODER_TEST_POSTGRES_URL is set."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'events.sqlite'}"
    if not POSTGRES:
        pytest.skip("EVENTCODER_TEST_POSTGRES_URL is not set")
    with Store(POSTGRES) as store, store.engine.begin() as connection:
        metadata.drop_all(connection)
        schema_version.drop(connection, checkfirst=True)
    return POSTGRES


@pytest.fixture(scope="session")
def base_index() -> Path:
    """The index of the packaged places alone, from the cache the tests run with (compiled once
    if it is not there yet)."""
    if not base_index_path().exists():
        build_index()
    return base_index_path()


@pytest.fixture
def import_cache(tmp_path, monkeypatch, base_index) -> Path:
    """A cache of the test's own, for a test that imports places: the user's cache is never
    touched, and the copy of the base index there leaves only the imports to compile."""
    cache = tmp_path / "cache"
    cache.mkdir()
    shutil.copy(base_index, cache / base_index.name)
    monkeypatch.setenv("EVENTCODER_CACHE", str(cache))
    load_gazetteer.cache_clear()
    yield cache
    load_gazetteer.cache_clear()


@pytest.fixture
def user_actors(tmp_path):
    """A user's actors file naming a made-up group, in use in this process for the test."""
    from eventcoder.resources import read_actors_file, use_actors

    path = tmp_path / "my-actors.yaml"
    path.write_text("groups:\n  - {name: Sunrise Fighters, category: Rebel group, country: KE,"
                    " aliases: [Sunrise fighters]}\n", encoding="utf-8")
    actors = read_actors_file(path)
    use_actors(actors)
    yield actors
    use_actors(None)

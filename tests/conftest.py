"""Shared fixtures. Tests may read ../shared (seed page, gold sets); the repo never copies it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seeds" / "000_374c5f7e729789ee.txt"
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    if not SEED.exists():
        pytest.skip("the shared seed page is not available next to the repository")
    return SEED


@pytest.fixture(scope="session")
def seed_text(seed_path: Path) -> str:
    return seed_path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def example_paths() -> list[Path]:
    return sorted(p for p in EXAMPLES.rglob("*") if p.suffix in {".txt", ".html"})


POLNEAR = SHARED / "eval" / "attribution" / "polnear" / "dev" / "text"


@pytest.fixture(scope="session")
def serve_db(tmp_path_factory: pytest.TempPathFactory, example_paths: list[Path]) -> Path:
    """A small store built through the real pipeline (seed, examples, 3 PolNeAR texts when
    ../shared is there, hand-built event and hostile records), shared by the serve tests."""
    from tests.support.serve import build_store

    seed = SEED if SEED.exists() else None
    polnear = sorted(POLNEAR.glob("*.txt"))[:3] if POLNEAR.is_dir() else []
    return build_store(tmp_path_factory.mktemp("serve") / "corpus.db", seed, polnear, example_paths)


@contextmanager
def serving(app: Any) -> Iterator[str]:
    """``app`` served by uvicorn on a free loopback port, in a thread, with the limits
    `newsmill serve` sets (tests/support/server.py); yields its base URL."""
    from tests.support.server import serving as serve

    with serve(app) as base_url:
        yield base_url


@pytest.fixture(scope="session")
def base_url(serve_db: Path) -> Iterator[str]:
    """The app over the serve store, served on a free loopback port."""
    from newsmill.serve import create_app
    from newsmill.settings import Settings

    with serving(create_app(Settings(), serve_db)) as url:
        yield url

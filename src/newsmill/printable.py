"""Text from outside (file names, page text, error details) made safe to print to a terminal.

A file named ``"\\x1b]0;pwned\\x07.html"`` would otherwise retitle the terminal, move the
cursor or hide lines when its name is printed; control characters are shown escaped instead.
"""

from __future__ import annotations

import re
from typing import Any

# C0 and C1 control characters and DEL; a newline inside a name is shown escaped too.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def printable(text: str, keep: str = "") -> str:
    """``text`` with every control character (but those in ``keep``) written as ``\\xNN``."""
    return _CONTROL.sub(
        lambda match: match.group() if match.group() in keep else f"\\x{ord(match.group()):02x}", text
    )


def print_safely(console: Any, renderable: Any) -> None:
    """``console.print(renderable)`` with control characters in its text shown escaped.

    The text is escaped after rich has laid it out and styled it, so rich's own colour codes
    (kept apart from the text in each segment) still work.
    """
    from rich.segment import Segment, Segments

    segments = [
        Segment(printable(segment.text, keep="\n"), segment.style, segment.control)
        if segment.control is None
        else segment
        for segment in console.render(renderable, console.options)
    ]
    console.print(Segments(segments), end="")

"""Text from outside (file names, page text, error details) made safe to print to a terminal.

A file named ``"\\x1b]0;pwned\\x07.html"`` would otherwise retitle the terminal, move the
cursor or hide lines when its name is printed; control characters are shown escaped instead.
"""

from __future__ import annotations

import re

# C0 and C1 control characters and DEL; a newline inside a name is shown escaped too.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """``text`` with every control character written as a ``\\xNN`` escape."""
    return _CONTROL.sub(lambda match: f"\\x{ord(match.group()):02x}", text)

"""newsmill: raw news pages → clean, evidence-linked, searchable facts.

>>> import newsmill
>>> record = newsmill.analyze(page_text, published="2022-02-27")
>>> record.title.text, [p.text for p in record.paragraphs]
"""

import logging

from newsmill.api import analyze
from newsmill.errors import InputError, NewsmillError, NoArticleFound
from newsmill.model import Record, Span
from newsmill.settings import Settings

__version__ = "0.1.0"
__all__ = [
    "InputError",
    "NewsmillError",
    "NoArticleFound",
    "Record",
    "Settings",
    "Span",
    "__version__",
    "analyze",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())

"""Raw documents → article records (title, standfirst, byline, date, paragraphs, furniture)."""

from newsmill.extract.html import extract_html
from newsmill.extract.text import LineLabel, classify_lines, extract_text

__all__ = ["LineLabel", "classify_lines", "extract_html", "extract_text"]

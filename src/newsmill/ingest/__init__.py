"""Sources → raw documents: read bytes or text, bound their size, decode them."""

from newsmill.ingest.source import RawDocument, read_source

__all__ = ["RawDocument", "read_source"]

"""The corpus: an embedded SQLite store of records, search, export, identities and clusters.

``Store`` keeps records; ``ingest`` fills it from files, folders, WARC crawls and JSONL;
``search`` queries it; ``link_entities`` and ``cluster`` compute the cross-document layer.
See ``docs/corpus.md``.
"""

from __future__ import annotations

from newsmill.corpus.clusters import cluster
from newsmill.corpus.crossdoc import link_entities
from newsmill.corpus.ingest import ingest
from newsmill.corpus.search import Hit, search
from newsmill.corpus.store import Store

__all__ = ["Hit", "Store", "cluster", "ingest", "link_entities", "search"]

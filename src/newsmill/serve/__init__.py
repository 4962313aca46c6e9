"""Serve the corpus: a REST API and server-rendered web pages over a read-only store.

``create_app(settings, db)`` builds the FastAPI app; ``newsmill serve`` runs it with uvicorn.
Needs the ``[serve]`` extra (fastapi, uvicorn, jinja2). See ``docs/serve.md``.
"""

from __future__ import annotations

from newsmill.serve.app import create_app

__all__ = ["create_app"]

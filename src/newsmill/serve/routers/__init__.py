"""The app's routers: ``api`` (JSON and CSV under /api) and ``ui`` (HTML pages)."""

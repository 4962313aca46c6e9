"""Scale: the ingest pipeline's per-document steps run by other engines (Ray Data).

``scale.pipeline`` is the engine-neutral part (one shard of input → rows of records or
errors, through the same extract and ``Analyzer.run`` code as the local engine);
``scale.parquet`` turns records into Parquet rows and loads Parquet shards into the store;
``scale.ray`` schedules shards on Ray. Nothing here imports ``ray`` at import time: only
:func:`newsmill.scale.ray.run_ray` does, and a missing ``ray`` names the ``[ray]`` extra.
See ``docs/scaling.md``.
"""

from __future__ import annotations

"""WARC reading: newsmill's FastWARC reader vs warcio on the same crawl file.

    python benchmarks/warc.py [--records N] [--repeat N] [--json OUT]

Builds a gzipped WARC of N HTML responses (the shared extraction benchmark's real pages,
cycled) in a temporary directory, then reads it twice in the same run: with
``newsmill.ingest.warc.iter_warc`` (FastWARC, HTTP charset, bounded payload reads, decoded
text) and with warcio's ``ArchiveIterator`` doing the same useful work (response records
only, payload read and decoded as UTF-8). Prints records/s, MB/s and the ratio.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.support.warcs import Response, write_warc

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval" / "extraction" / "pages"


def build_crawl(directory: Path, records: int) -> Path:
    pages = sorted(EVAL.glob("*.html.gz"))
    if not pages:
        raise SystemExit(f"no pages under {EVAL}")
    bodies = [gzip.decompress(p.read_bytes()) for p in pages]
    responses = [
        Response(url=f"https://example.com/{i}", body=bodies[i % len(bodies)]) for i in range(records)
    ]
    return write_warc(directory / "crawl.warc.gz", responses)


def read_newsmill(path: Path) -> int:
    from newsmill.ingest.source import RawDocument
    from newsmill.ingest.warc import iter_warc

    return sum(len(item.text) for item in iter_warc(path) if isinstance(item, RawDocument))


def read_warcio(path: Path) -> int:
    from warcio.archiveiterator import ArchiveIterator

    total = 0
    with path.open("rb") as stream:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response":
                continue
            total += len(record.content_stream().read().decode("utf-8", errors="replace"))
    return total


def measure(read: Callable[[Path], int], path: Path, repeat: int) -> float:
    read(path)  # warm-up: imports
    start = time.perf_counter()
    for _ in range(repeat):
        read(path)
    return (time.perf_counter() - start) / repeat


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", type=Path, help="write the results here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = build_crawl(Path(tmp), args.records)
        megabytes = path.stat().st_size / 1e6
        ours = measure(read_newsmill, path, args.repeat)
        anchor = measure(read_warcio, path, args.repeat)
    print(f"{args.records} responses, {megabytes:.1f} MB gzipped, repeat {args.repeat}")
    print(f"{'reader':<22} {'records/s':>10} {'MB/s':>8}")
    for name, seconds in (("warcio 1.8 (anchor)", anchor), ("newsmill (FastWARC)", ours)):
        print(f"{name:<22} {args.records / seconds:10,.0f} {megabytes / seconds:8.1f}")
    print(f"ratio newsmill/warcio: {anchor / ours:.2f}x")
    if args.json:
        result = {"records": args.records, "mb": megabytes, "warcio_records_per_s": args.records / anchor}
        result["newsmill_records_per_s"] = args.records / ours
        args.json.write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()

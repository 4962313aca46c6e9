"""MinHash signatures of article bodies (datasketch), computed when an article is stored and
compared by the clustering pass (``clusters.py``): a module of its own so the store and the
clustering both use it without importing each other."""

from __future__ import annotations

import re
import zlib
from functools import lru_cache
from typing import Any

SHINGLE_WORDS = 5
# datasketch 2's 32-bit permutations: every stored signature is of this scheme (uint32 values).
SCHEME = "affine32"
_WORD = re.compile(r"\w+")


@lru_cache(maxsize=4)
def _template(num_perm: int) -> Any:
    from datasketch import MinHash

    # The permutations are drawn once per size; every signature reuses them (building
    # MinHash(num_perm) draws them again, which costs more than hashing a whole article).
    return MinHash(num_perm=num_perm, scheme=SCHEME)


def _as_is(value: int) -> int:
    return value


def shingle_hashes(text: str) -> list[int]:
    """32-bit hashes of the word 5-shingles of ``text`` (words casefolded).

    Each word is hashed once (CRC-32, stable across processes, unlike ``hash()``) and the
    shingle hash is a polynomial over its words' hashes, computed for all shingles at once
    with numpy: hashing every shingle's bytes with SHA-1 cost more than the rest of a write.
    """
    import numpy as np

    words = _WORD.findall(text.casefold())
    if not words:
        return []
    codes = np.fromiter((zlib.crc32(w.encode()) for w in words), dtype=np.uint64, count=len(words))
    width = min(SHINGLE_WORDS, len(codes))
    count = len(codes) - width + 1
    combined = np.zeros(count, dtype=np.uint64)
    for offset in range(width):
        # uint64 arithmetic wraps modulo 2**64; the low 32 bits are kept.
        combined = combined * np.uint64(1_000_003) + codes[offset : offset + count]
    return np.unique(combined & np.uint64(0xFFFFFFFF)).tolist()


def shingles(text: str) -> set[str]:
    """The word 5-shingles of ``text`` (the whole text when shorter), for inspection and tests."""
    words = _WORD.findall(text.casefold())
    width = min(SHINGLE_WORDS, len(words))
    return {" ".join(words[i : i + width]) for i in range(len(words) - width + 1)} if words else set()


def signature(text: str, num_perm: int = 128) -> bytes:
    """The MinHash signature of ``text`` (uint32 per permutation, little-endian)."""
    import numpy as np
    from datasketch import MinHash

    hashes = shingle_hashes(text)
    if not hashes:
        return np.zeros(num_perm, "<u4").tobytes()
    template = _template(num_perm)
    minhash = MinHash(num_perm=num_perm, permutations=template.permutations, scheme=SCHEME, hashfunc=_as_is)
    minhash.update_batch(hashes)
    return minhash.hashvalues.astype("<u4").tobytes()

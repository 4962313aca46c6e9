"""How often the raw small model vs newsmill labels the seed page's key mentions right.

    python benchmarks/entity_corrections.py [PAGE]

For every occurrence of the names below in the article (not the furniture), prints what raw
spaCy (en_core_web_sm) says and what newsmill's entity stage says, and the totals.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_374c5f7e729789ee.txt"
EXPECTED = {
    "Kyiv": "GPE",
    "ISLAMABAD": "GPE",
    "Islamabad": "GPE",
    "Qureshi": "PERSON",
    "Shah Mahmood Qureshi": "PERSON",
    "Kuleba": "PERSON",
    "Ukrainian": "NORP",
    "Moscow": "GPE",
    "Chernobyl": "GPE",
}


def main() -> None:
    import newsmill
    from newsmill.analyze.convert import ArticleText
    from newsmill.analyze.nlp import load_nlp

    path = Path(sys.argv[1]) if len(sys.argv) > 1 else SEED
    record = newsmill.analyze(path, published="2022-02-27")
    article = ArticleText.of(record)
    doc = load_nlp()(article.text)
    raw = {(e.start_char, e.end_char): e.label_ for e in doc.ents}
    ours: dict[tuple[int, int], str] = {}
    for entity in record.entities:
        for mention in entity.mentions:
            doc_range = article.to_doc(mention.start, mention.end)
            if doc_range:
                ours[doc_range] = entity.kind
    totals = {"raw": 0, "newsmill": 0, "all": 0}
    print(f"{'mention':<24} {'expected':<8} {'raw spaCy':<10} {'newsmill':<10}")
    for name, label in EXPECTED.items():
        for found in re.finditer(rf"\b{re.escape(name)}\b", article.text):
            start, end = found.span()
            if name == "Qureshi" and article.text[max(0, start - 14) : start] == "Shah Mahmood ":
                continue
            got_raw = raw.get((start, end), "—")
            got_ours = next((k for (a, b), k in ours.items() if a <= start and end <= b), "—")
            totals["all"] += 1
            totals["raw"] += got_raw == label
            totals["newsmill"] += got_ours == label
            print(f"{name:<24} {label:<8} {got_raw:<10} {got_ours:<10}")
    print(f"correct: raw spaCy {totals['raw']}/{totals['all']}, ", end="")
    print(f"newsmill {totals['newsmill']}/{totals['all']}")


if __name__ == "__main__":
    main()

"""Issue 18's store and CLI items: formulas in CSV exports, corruption, one writer, hostile
inputs and terminals. Each runs the real command on real (hostile) input."""

from __future__ import annotations

import csv
from pathlib import Path

from tests.support.corpus import make_record

from newsmill.cli import main
from newsmill.corpus.csvout import FORMULA_START
from newsmill.corpus.store import Store

FORMULAS = ('=HYPERLINK("http://evil.example","click")', "+cmd|' /C calc'!A0", "@SUM(1+1)")


def test_cli_csv_export_defuses_formulas(tmp_path: Path) -> None:
    db = tmp_path / "corpus.db"
    record = make_record(
        FORMULAS[0],
        [f'{FORMULAS[2]} said Evil Person: "{FORMULAS[1]} is the answer" in Hostile Town today.'],
        published="2022-03-05",
        source=FORMULAS[1],
        entities=[("PERSON", "Evil Person", "Evil Person", None, None)],
        quotes=[(f"{FORMULAS[1]} is the answer", "Evil Person")],
    )
    with Store(db) as store:
        store.put(record)
    for kind in ("article", "quote"):
        out = tmp_path / f"{kind}.csv"
        assert main(["export", "--db", str(db), "--format", "csv", "--kind", kind, "--out", str(out)]) == 0
        with out.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
        assert len(rows) == 2
        assert not [value for value in rows[1] if value.startswith(FORMULA_START)], rows[1]
        assert any(value.startswith("'" + FORMULAS[0 if kind == "article" else 1]) for value in rows[1])

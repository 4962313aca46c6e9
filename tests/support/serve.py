"""A small real store for the serve tests: pages through the whole pipeline, plus hand-built
records with events (the events stage lands on another branch) and hostile content."""

from __future__ import annotations

from pathlib import Path

from tests.support.corpus import make_record

from newsmill.api import analyze
from newsmill.corpus.clusters import cluster
from newsmill.corpus.crossdoc import link_entities
from newsmill.corpus.ingest import ingest
from newsmill.corpus.store import Store
from newsmill.model import Record
from newsmill.settings import Settings

RESOURCES = Path(__file__).resolve().parents[1] / "resources" / "serve"
HOSTILE_PAGE = RESOURCES / "hostile_page.txt"
# Every payload sets window.__xss when it runs: the browser test asserts it never does.
PAYLOAD_SCRIPT = "<script>window.__xss = 11</script>"
PAYLOAD_IMG = '<img src=x onerror="window.__xss = 12">'


def event_records() -> list[Record]:
    """Records with events and quotes whose actors and speakers are linked entities."""
    return [
        make_record(
            "Qureshi meets Kuleba in Kyiv",
            [
                "Foreign Minister Shah Mahmood Qureshi met Dmytro Kuleba in Kyiv on 2022-03-02 "
                "to discuss aid.",
                '"We stand with the people of Ukraine," Shah Mahmood Qureshi said after the meeting.',
            ],
            published="2022-03-02",
            source="dawn.com",
            entities=[
                ("PERSON", "Shah Mahmood Qureshi", "Shah Mahmood Qureshi", "foreign minister", "PAK"),
                ("PERSON", "Dmytro Kuleba", "Dmytro Kuleba", "foreign minister", "UKR"),
                ("GPE", "Kyiv", "Kyiv", None, "UKR"),
            ],
            quotes=[("We stand with the people of Ukraine", "Shah Mahmood Qureshi")],
            events=[
                ("CONSULT", ["Shah Mahmood Qureshi"], ["Dmytro Kuleba"], "met Dmytro Kuleba", "2022-03-02")
            ],
        ),
        make_record(
            "Kuleba appeals for aid",
            [
                "Dmytro Kuleba asked Shah Mahmood Qureshi for humanitarian aid "
                "as shelling continued in Kharkiv."
            ],
            published="2022-03-04",
            source="dawn.com",
            entities=[
                ("PERSON", "Dmytro Kuleba", "Dmytro Kuleba", "foreign minister", "UKR"),
                ("PERSON", "Shah Mahmood Qureshi", "Shah Mahmood Qureshi", "foreign minister", "PAK"),
                ("GPE", "Kharkiv", "Kharkiv", None, "UKR"),
            ],
            events=[
                ("APPEAL", ["Dmytro Kuleba"], ["Shah Mahmood Qureshi"], "asked Shah Mahmood Qureshi", None)
            ],
        ),
    ]


def hostile_record() -> Record:
    """Title, body, quote, entity, event type and source all carrying script payloads."""
    return make_record(
        f"Hostile headline {PAYLOAD_SCRIPT}{PAYLOAD_IMG}",
        [
            f'{PAYLOAD_IMG} said Evil Person: "{PAYLOAD_SCRIPT} javascript:alert(1) quoted" in Hostile Town.',
        ],
        published="2022-03-05",
        source=f"evil{PAYLOAD_IMG}.example",
        url="javascript:window.__xss=13",
        entities=[("PERSON", f"Evil Person {PAYLOAD_SCRIPT}", "Evil Person", "<b>role</b>", None)],
        quotes=[(f"{PAYLOAD_SCRIPT} javascript:alert(1) quoted", "Evil Person")],
        events=[(f"THREATEN{PAYLOAD_IMG}", ["Evil Person"], [], "said Evil Person", None)],
    )


def build_store(path: Path, seed: Path | None, polnear: list[Path], examples: list[Path]) -> Path:
    """Ingest the pages through the pipeline into a new store at ``path``; return ``path``."""
    settings = Settings()
    with Store(path, settings.corpus) as store:
        if seed is not None:
            store.put(analyze(seed, published="2022-02-27", settings=settings))
        store.put(analyze(HOSTILE_PAGE, published="2022-03-01", settings=settings))
        store.put_many([*event_records(), hostile_record()])
        ingest([*examples, *polnear], store, settings, workers=1, finalize=False)
        link_entities(store)
        cluster(store)
    return path

"""A folder of request emails with expected.tsv -> accuracy of understanding and decisions."""
from __future__ import annotations

import csv
import tomllib
from dataclasses import dataclass
from pathlib import Path

from .classify import classify
from .decide import IGNORE, NO_ACTION, SEND, STAFF_QUEUE, Decision, decide
from .find_documents import CatalogueEntry
from .parse import parse_message


def load_catalogue(path: Path) -> tuple[list[CatalogueEntry], dict[str, tuple[str, ...]]]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    entries = [CatalogueEntry(d["id"], d["title"], tuple(d.get("aliases", ())), tuple(d.get("keywords", ())),
                              d.get("published", True), d.get("page_url")) for d in data.get("document", [])]
    threads = {k: tuple(v) for k, v in data.get("threads", {}).items()}
    return entries, threads


def decision_label(decision: Decision) -> str:
    if decision.action == SEND and (decision.formats.staff_needs or decision.complaint):
        return "handover+send"
    if decision.action == SEND and decision.care is not None:
        return "send+flag"  # files sent by email, and a staff item flagged safeguarding (or discreet)
    return decision.action


@dataclass(frozen=True)
class CaseResult:
    file: str
    expected: tuple[str, str, str]
    actual: tuple[str, str, str]

    @property
    def fields_ok(self) -> tuple[bool, bool, bool]:
        return tuple(e == a for e, a in zip(self.expected, self.actual))


def _documents_for_thread(msg, threads, by_id) -> tuple[CatalogueEntry, ...]:
    for ref in (msg.in_reply_to, *msg.references):
        if ref and ref in threads:
            return tuple(by_id[i] for i in threads[ref] if i in by_id)
    return ()


def evaluate(folder: Path, catalogue_path: Path | None = None) -> list[CaseResult]:
    entries, threads = load_catalogue(catalogue_path or folder / "catalogue.toml")
    by_id = {e.document_id: e for e in entries}
    results = []
    with open(folder / "expected.tsv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            msg = parse_message((folder / row["file"]).read_bytes())
            decision = decide(msg, classify(msg), entries, _documents_for_thread(msg, threads, by_id))
            docs = ",".join(sorted(d.document_id for d in decision.documents + decision.withdrawn))
            formats = ",".join(sorted(decision.formats.families + decision.formats.staff_needs)) \
                if decision.action not in (STAFF_QUEUE, IGNORE, NO_ACTION) else ""
            expected = (",".join(sorted(filter(None, row["documents"].split(",")))),
                        ",".join(sorted(filter(None, row["formats"].split(",")))), row["decision"])
            results.append(CaseResult(row["file"], expected, (docs, formats, decision_label(decision))))
    return results

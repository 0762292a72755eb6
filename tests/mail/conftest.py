"""Fixtures for email tests: real Dovecot and SMTP servers on loopback, and the worker service with a catalogue."""
from __future__ import annotations

import os
from dataclasses import dataclass

import pytest

from servers import Dovecot, SmtpSink  # tests/mail/servers.py
from service.conftest import make_docx, redis_port, service, sqlite_store  # noqa: F401 (fixtures reused)


@pytest.fixture(scope="session")
def dovecot():
    server = Dovecot()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def smtp_sink(tmp_path_factory):
    sink = SmtpSink(tmp_path_factory.mktemp("smtp"))
    yield sink
    sink.stop()


@dataclass
class Catalogue:
    """Document ids in the test catalogue, by short name."""
    ids: dict


CATALOGUE_DOCUMENTS = {
    "da": ("Kent and Medway Domestic Abuse Strategy 2020-2023", ["domestic abuse strategy"], "published"),
    "housing": ("Housing Strategy 2022", ["housing plan"], "published"),
    "old": ("Community Safety Plan 2015", [], "withdrawn"),
}
PREMADE_FORMATS = ("large-print-pdf", "large-print-docx", "text")


_built: dict = {}


def build_catalogue(tmp_path, premade=PREMADE_FORMATS) -> Catalogue:
    """Real documents in the job store (once per database); the premade formats made by a real worker."""
    from workers import catalogue, db, settings

    url = settings.get().database_url
    if url in _built:
        return _built[url]
    ids, job_ids = {}, []
    with db.session() as s:
        for short, (title, aliases, status) in CATALOGUE_DOCUMENTS.items():
            path = make_docx(tmp_path / f"{short}.docx", title, 4)
            doc = catalogue.add_document(s, title, aliases)
            version = catalogue.add_version(s, doc, path.read_bytes(), path.name)
            catalogue.set_status(s, doc, status)
            ids[short] = doc.id
            if status == "published":
                job_ids += [catalogue.request_conversion(s, version, name).id for name in premade]
    for job_id in job_ids:
        assert catalogue.wait_for(job_id, timeout=300).state == "done"
    _built[url] = Catalogue(ids)
    return _built[url]


@pytest.fixture
def mail_env(service, dovecot, smtp_sink, tmp_path, monkeypatch):
    """The service with one worker, a catalogue with formats made, and mail settings for both servers."""
    service.start_worker("mail")
    for key in [k for k in os.environ if k.startswith("ALTFORMATS_MAIL_")]:
        monkeypatch.delenv(key)
    values = {**dovecot.settings(), **smtp_sink.settings(),
              "ALTFORMATS_MAIL_FROM_ADDRESS": "alternative.formats@council.example",
              "ALTFORMATS_MAIL_POLL_SECONDS": "0.2", "ALTFORMATS_MAIL_CONVERSION_WAIT_SECONDS": "300"}
    for key, value in values.items():
        monkeypatch.setenv(key, value)
    with dovecot.client() as c:  # an empty mailbox for each test
        c.select_folder("INBOX")
        uids = c.search(["ALL"])
        if uids:
            c.delete_messages(uids)
            c.expunge()
    from workers import db
    from workers.mail.models import MailboxPosition, MailRequest, MailThread

    with db.session() as s:
        for table in (MailRequest, MailThread, MailboxPosition):
            s.query(table).delete()
    smtp_sink.received.clear()
    cat = build_catalogue(tmp_path)
    return {"env": {**service.env, **values}, "catalogue": cat, "service": service}

"""Real documents we have never tuned for: every readable corpus document makes an easy read within the rules."""
from __future__ import annotations

import pytest

from converter.errors import AltformatsError
from converter.pipeline import read_path
from converter.profiles import EasyReadProfile
from converter.readability import score_document
from converter.transforms.easy_read import to_easy_read
from converter.writers import easy_read_docx, easy_read_html

PROFILE = EasyReadProfile()


def corpus_documents(corpus):
    return sorted(p for p in (corpus / "documents").rglob("*") if p.is_file())


def test_every_readable_corpus_document_makes_an_easy_read_with_short_lines_and_pictures(corpus):
    made = 0
    for path in corpus_documents(corpus):
        try:
            source = read_path(path).value
        except AltformatsError:
            continue  # encrypted, damaged or scanned: the readers' own tests cover their messages
        easy = to_easy_read(source, PROFILE).value
        score = score_document(easy)
        assert score.figures.longest_sentence_words <= PROFILE.max_sentence_words, path.name
        assert score.figures.words <= PROFILE.max_words, path.name
        assert easy_read_docx.write(easy, PROFILE).value[:2] == b"PK", path.name
        assert "<img" in easy_read_html.write(easy, PROFILE).value.decode(), path.name
        made += 1
    assert made >= 10

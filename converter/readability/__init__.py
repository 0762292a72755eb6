"""Document model -> readability scores per document, per section and per sentence.

score_document(doc) gives the full DocumentScore; summary_for_document(doc)
gives the JSON-ready figures the convert summary and manifests show.
Figures are computed from our own sentence list (see sentences.py), so
headings, bullet points and table cells count as the short sentences they are.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

from ..model import Document
from . import scores
from .hard_words import hard_words
from .passive import passive_phrases
from .sentences import Sentence, document_sentences


@dataclass(frozen=True)
class ScoringOptions:
    long_sentence_words: int = 25  # GOV.UK: sentences over 25 words are hard to follow
    hard_sentence_age: float = 15.0  # reading age at which a sentence is marked hard
    very_hard_sentence_age: float = 19.0
    min_words_to_mark: int = 10  # shorter sentences are never marked hard or very hard
    allow_words: frozenset[str] = frozenset()


@dataclass
class SentenceScore:
    text: str
    kind: str
    section: str
    section_index: int
    block_index: int
    words: int
    syllables: int
    grade: float
    reading_age: float
    hard_words: list[str]
    passive: list[str]
    long: bool
    difficulty: str  # "easy", "hard" or "very hard"
    counts: scores.Counts = field(repr=False, default_factory=scores.Counts)


@dataclass
class Figures:
    """Scores and counts for a run of sentences (a document or a section)."""

    flesch_reading_ease: float
    flesch_kincaid_grade: float
    smog: float
    gunning_fog: float
    coleman_liau: float
    ari: float
    dale_chall: float
    reading_age: float
    words: int
    sentences: int
    average_sentence_words: float
    longest_sentence_words: int
    long_sentence_share: float  # 0..1
    hard_words: int
    hard_word_share: float  # of all words, 0..1
    passive_share: float  # of sentences with a passive phrase, 0..1
    hard_sentences: int
    very_hard_sentences: int


@dataclass
class SectionScore:
    index: int
    title: str
    figures: Figures


@dataclass
class DocumentScore:
    title: str
    figures: Figures
    sections: list[SectionScore]
    sentences: list[SentenceScore]
    warnings: list[str]

    def hardest(self, n: int | None = None) -> list[SentenceScore]:
        ranked = sorted((s for s in self.sentences if s.difficulty != "easy"),
                        key=lambda s: (-s.reading_age, -s.words))
        return ranked[:n] if n else ranked


def score_sentence(sentence: Sentence, options: ScoringOptions) -> SentenceScore:
    counts = scores.count_sentence(sentence.text)
    age = round(scores.reading_age(counts), 1)
    difficulty = "easy"
    if counts.words >= options.min_words_to_mark:
        if age >= options.very_hard_sentence_age:
            difficulty = "very hard"
        elif age >= options.hard_sentence_age:
            difficulty = "hard"
    return SentenceScore(
        sentence.text, sentence.kind, sentence.section, sentence.section_index, sentence.block_index,
        counts.words, counts.syllables, round(scores.flesch_kincaid_grade(counts), 1), age,
        hard_words(sentence.text, options.allow_words), passive_phrases(sentence.text),
        counts.words > options.long_sentence_words, difficulty, counts,
    )


def figures_for(sentences: list[SentenceScore]) -> Figures:
    counts = scores.total(s.counts for s in sentences)
    n = len(sentences) or 1
    values = scores.formulas(counts, places=1)
    return Figures(
        **values,
        words=counts.words,
        sentences=counts.sentences,
        average_sentence_words=round(counts.words / counts.sentences, 1) if counts.sentences else 0.0,
        longest_sentence_words=max((s.words for s in sentences), default=0),
        long_sentence_share=round(sum(s.long for s in sentences) / n, 3),
        hard_words=sum(len(s.hard_words) for s in sentences),
        hard_word_share=round(sum(len(s.hard_words) for s in sentences) / counts.words, 3) if counts.words else 0.0,
        passive_share=round(sum(bool(s.passive) for s in sentences) / n, 3),
        hard_sentences=sum(s.difficulty == "hard" for s in sentences),
        very_hard_sentences=sum(s.difficulty == "very hard" for s in sentences),
    )


def score_document(doc: Document, options: ScoringOptions | None = None) -> DocumentScore:
    options = options or ScoringOptions()
    warnings: list[str] = []
    scored = [score_sentence(s, options) for s in document_sentences(doc, warnings)]
    by_section: dict[int, list[SentenceScore]] = {}
    for s in scored:
        by_section.setdefault(s.section_index, []).append(s)
    sections = [SectionScore(i, items[0].section or "(before the first heading)", figures_for(items))
                for i, items in sorted(by_section.items())]
    return DocumentScore(doc.title, figures_for(scored), sections, scored, warnings)


def summary_for_document(doc: Document) -> dict:
    """JSON-ready document figures (the keys of Figures), as the convert summary shows them."""
    result = score_document(doc)
    summary = asdict(result.figures)
    summary["hardest_sentences"] = [s.text for s in result.hardest(3)]
    return summary


__all__ = ["score_document", "summary_for_document", "DocumentScore", "SectionScore",
           "SentenceScore", "Figures", "ScoringOptions"]

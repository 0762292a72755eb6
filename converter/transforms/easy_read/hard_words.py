"""Lines -> lines with hard words in bold and explained in the next line, collected for "Hard words"."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .word_lists import hard_words


@dataclass
class HardWords:
    """Explains each hard word once, where it first appears, and remembers it for the glossary."""

    meanings: dict[str, str] = field(default_factory=dict)  # lower-case term -> meaning
    explained: dict[str, str] = field(default_factory=dict)  # term as first written -> meaning

    @classmethod
    def with_glossary(cls, glossary: dict[str, str] | None = None) -> "HardWords":
        meanings = dict(hard_words())
        for term, meaning in (glossary or {}).items():
            meanings.setdefault(term.lower(), meaning)
        return cls(meanings)

    def _pattern(self) -> re.Pattern | None:
        pending = [t for t in self.meanings if not self._covered(t)]
        if not pending:
            return None
        alternatives = "|".join(re.escape(t) for t in sorted(pending, key=len, reverse=True))
        return re.compile(rf"(?<![\w*-])({alternatives})(?![\w*-])", re.IGNORECASE)

    def _covered(self, term: str) -> bool:
        done = [t.lower() for t in self.explained]
        return any(term in t or t in term for t in done)

    def explain(self, line: str) -> tuple[str, str | None]:
        """The line with its first new hard word in bold, and a line saying what it means (or None)."""
        pattern = self._pattern()
        match = pattern.search(line) if pattern else None
        if not match:
            return line, None
        term = match.group(1)
        meaning = self.meanings[term.lower()].rstrip(".")
        self.explained[term] = meaning
        bolded = line[: match.start()] + f"**{term}**" + line[match.end():]
        return bolded, _says_meaning(term, meaning)

    def glossary_lines(self) -> list[str]:
        return [_says_meaning(t, m) for t, m in sorted(self.explained.items(), key=lambda kv: kv[0].lower())]


PLURAL = re.compile(r"[a-z](?<![siu])s$|[a-z]ies$|ches$|shes$|xes$")  # "landlords", "carers"; not "process", "status", "analysis"


def _says_meaning(term: str, meaning: str) -> str:
    """'**Landlord** means ...' and '**Landlords** mean ...': the verb agrees with a plural term."""
    verb = "mean" if PLURAL.search(term.split()[-1].lower()) and "'" not in term else "means"
    return f"**{term[0].upper() + term[1:]}** {verb} {meaning}."

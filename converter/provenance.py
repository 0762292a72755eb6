"""What made an output: the altformats version and the settings used.

Writers embed generator_string() in the output's own metadata where the format
has a place for it (DOCX comments, PDF producer and keywords, HTML meta, ID3 TXXX)
and the pipeline writes a manifest.json beside the outputs.
"""
from __future__ import annotations

import json
from importlib import metadata

from .profiles import profile_settings


def version() -> str:
    try:
        return metadata.version("altformats")
    except metadata.PackageNotFoundError:  # running from a source tree
        return "0.0.0+source"


def generator_string() -> str:
    return f"altformats {version()}"


def settings_string(profile) -> str:
    """Compact, sorted JSON of a profile's settings, for embedding in metadata."""
    return json.dumps(profile_settings(profile), sort_keys=True, separators=(",", ":"))


def provenance(output_name: str, profile) -> dict:
    return {"generator": generator_string(), "output": output_name, "settings": profile_settings(profile)}

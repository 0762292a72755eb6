"""`altformats voices`: the installed speech voices (id, name, language), the default marked."""
from __future__ import annotations

import click

from ..profiles import AudioProfile


def is_default(voice, default: str) -> bool:
    wanted = default.lower()
    return wanted in {voice.id.lower(), voice.id.lower().rpartition("/")[2], voice.name.lower(),
                      *(lang.lower() for lang in voice.languages)}


@click.command("voices")
@click.option("--language", "language", default=None, metavar="PREFIX",
              help="Only voices whose language starts with this, e.g. 'en'.")
def voices(language):
    """List the voices installed for audio (espeak-ng through pyttsx3).

    Use a voice's id or language with 'altformats convert --voice'. The default
    (British English) is marked with *.
    """
    from ..writers.audio.synthesis import installed_voices

    default = AudioProfile().voice
    found = installed_voices()
    if language:
        found = [v for v in found if any(lang.lower().startswith(language.lower()) for lang in v.languages)]
    default_marked = False
    click.echo(f"  {'id':<28} {'language':<16} name")
    for voice in sorted(found, key=lambda v: (v.languages[:1], v.id)):
        mark = "*" if not default_marked and is_default(voice, default) else " "
        default_marked = default_marked or mark == "*"
        click.echo(f"{mark} {voice.id:<28} {', '.join(voice.languages) or '-':<16} {voice.name}")
    click.echo(f"{len(found)} voice(s). * is the default ('{default}').")

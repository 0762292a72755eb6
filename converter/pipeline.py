"""File in, files out: read a document once, transform and write each output, atomically."""
from __future__ import annotations

import json
import os
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from . import formats, provenance
from .errors import AltformatsError, OutputError
from .limits import Limits, check_size, run_limited
from .model import Document
from .profiles import replace_known
from .readers import ReadOptions
from .result import WARNING, Message, Result
from .sniff import sniff

# progress(output_name, fraction 0..1 or None, what is happening)
Progress = Callable[[str, float | None, str], None]


def read_bytes(data: bytes, name: str | None = None, *, password: str | None = None,
               limits: Limits | None = None) -> Result[Document]:
    limits = limits or Limits.from_env()
    check_size(len(data), limits, name)
    kind = sniff(data, name)
    spec = formats.READERS[kind]
    options = ReadOptions(source_name=Path(name).name if name else None, password=password, limits=limits)
    reader = formats.load(spec.reader)
    if spec.isolated:
        read = run_limited(reader, data, options, seconds=limits.parse_seconds,
                           memory_mb=limits.parse_memory_mb, path=name)
    else:
        read = reader(data, options)
    return _with_misnamed_note(read, kind, name)


MISLEADING_SUFFIXES = {"pdf": (".docx", ".doc", ".odt"), "docx": (".pdf", ".doc", ".odt")}
KIND_NAMES = {"pdf": "a PDF", "docx": "a Word document (.docx)"}


def _with_misnamed_note(read: Result[Document], kind: str, name: str | None) -> Result[Document]:
    """A PDF named .docx (or the reverse) is read for what it is, and staff are told so."""
    suffix = Path(name).suffix.lower() if name else ""
    if suffix not in MISLEADING_SUFFIXES.get(kind, ()):
        return read
    note = Message(WARNING, f"The file is named {suffix} but is {KIND_NAMES[kind]}; it was read as "
                            f"{KIND_NAMES[kind]}. Rename it so others are not misled.")
    return Result(read.value, (note,) + read.messages)


def read_path(path: str | os.PathLike, *, password: str | None = None,
              limits: Limits | None = None) -> Result[Document]:
    path = Path(path)
    limits = limits or Limits.from_env()
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise AltformatsError("The file does not exist.", path=str(path),
                              hint="Check the name and folder.") from None
    except OSError as exc:
        raise AltformatsError(f"The file cannot be opened ({exc.strerror}).", path=str(path)) from None
    if path.is_dir():
        raise AltformatsError("This is a folder, not a file.", path=str(path),
                              hint="Name one .docx or .pdf file.")
    check_size(size, limits, str(path))
    return read_bytes(path.read_bytes(), str(path), password=password, limits=limits)


def output_basename(stem: str, spec: formats.OutputSpec) -> str:
    """'strategy' + large-print-pdf -> 'strategy-large-print.pdf'; + text -> 'strategy.txt'."""
    label = spec.name
    ext = spec.extension.lstrip(".")
    if ext and label.endswith("-" + ext):
        label = label[: -len(ext) - 1]
    if label in ("text", "html"):
        label = ""
    return f"{stem}-{label}{spec.extension}" if label else f"{stem}{spec.extension}"


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: Path, data: bytes, owner: str | None = None) -> None:
    """Write to a temporary file in the same folder, fsync, then rename over the target.
    `owner` (a job run's token) goes into the temporary file's name, so a clean-up can tell whose it is."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tag = f"run-{owner}." if owner else ""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.{tag}", suffix=".part", dir=path.parent)
    try:
        os.fchmod(fd, 0o666 & ~_umask())  # like any new file, not mkstemp's private 0600
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def profile_for(spec: formats.OutputSpec, settings: dict | None):
    """The output's default profile with the settings it understands applied."""
    profile = spec.profile()
    if not settings:
        return profile
    known = {k: v for k, v in settings.items() if hasattr(profile, k) and v is not None}
    return replace_known(profile, **known)


def apply_transforms(doc: Document, spec: formats.OutputSpec, profile,
                     cache: dict | None = None) -> Result[Document]:
    result = Result(doc)
    for dotted in spec.transforms:
        key = (dotted, provenance.settings_string(profile))
        if cache is not None and key in cache:
            result = Result(cache[key].value, result.messages + cache[key].messages)
            continue
        step = formats.load(dotted)(result.value, profile)
        if cache is not None:
            cache[key] = step
        result = Result(step.value, result.messages + step.messages)
    return result


@dataclass
class OutputReport:
    name: str
    paths: list[Path] = field(default_factory=list)
    seconds: float = 0.0
    size: int = 0
    error: str | None = None
    messages: tuple[Message, ...] = ()
    readability: dict | None = None
    settings: dict = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass
class ConvertReport:
    source: Path
    document: Document
    read_seconds: float
    read_messages: tuple[Message, ...]
    outputs: list[OutputReport]
    source_readability: dict | None = None

    @property
    def failed(self) -> list[OutputReport]:
        return [o for o in self.outputs if not o.ok]


def _score(doc: Document) -> dict | None:
    """Readability summary of a document, when the scorer is installed."""
    try:
        from .readability import summary_for_document
    except ImportError:
        return None
    return summary_for_document(doc)


def write_output(doc: Document, spec: formats.OutputSpec, out_dir: Path, stem: str,
                 settings: dict | None = None, progress: Progress | None = None,
                 cache: dict | None = None, score: bool = True) -> OutputReport:
    """Make one output in out_dir. Failures are recorded in the report, never raised."""
    report = OutputReport(spec.name)
    started = time.perf_counter()
    target = out_dir / output_basename(stem, spec)
    try:
        profile = profile_for(spec, settings)
        report.settings = provenance.provenance(spec.name, profile)["settings"]
        transformed = apply_transforms(doc, spec, profile, cache)
        writer = formats.load(spec.writer)
        tick = (lambda frac, what: progress(spec.name, frac, what)) if progress else None
        written = writer(transformed.value, profile, progress=tick)
        report.messages = transformed.messages + written.messages
        if spec.multi_file:
            for name, data in written.value.items():
                path = target / name
                write_atomic(path, data)
                report.paths.append(path)
                report.size += len(data)
        else:
            write_atomic(target, written.value)
            report.paths.append(target)
            report.size = len(written.value)
        if score:
            report.readability = _score(transformed.value)
    except AltformatsError as exc:
        report.error = str(exc)
    except OSError as exc:
        report.error = (f"Could not save {target}: {exc.strerror or exc}.\n"
                        f"  What to do: check there is space in {out_dir} and that no folder or locked file "
                        f"has the name {target.name}.")
    except Exception as exc:  # one output failing must not lose the others
        report.error = f"{type(exc).__name__}: {exc}"
    report.seconds = time.perf_counter() - started
    return report


def convert(path: str | os.PathLike, outputs: list[str] | None = None, out_dir: str | os.PathLike = "out",
            settings: dict | None = None, progress: Progress | None = None, *,
            password: str | None = None, score: bool = True) -> ConvertReport:
    """Read `path` once and make each output in `out_dir`. Raises AltformatsError on bad input."""
    source = Path(path)
    specs = [formats.output(name) for name in (outputs or default_outputs())]
    out = prepare_out_dir(Path(out_dir))
    started = time.perf_counter()
    if progress:
        progress("read", None, f"reading {source.name}")
    read = read_path(source, password=password)
    read_seconds = time.perf_counter() - started
    report = ConvertReport(source, read.value, read_seconds, read.messages, [])
    if score:
        report.source_readability = _score(read.value)
    cache: dict = {}
    for spec in specs:
        if progress:
            progress(spec.name, 0.0, "starting")
        result = write_output(read.value, spec, out, source.stem, settings, progress, cache, score)
        report.outputs.append(result)
        if progress:
            progress(spec.name, 1.0, "done" if result.ok else "failed")
    write_manifest(report, out)
    return report


def prepare_out_dir(out: Path) -> Path:
    """Make the output folder and prove it can be written to, before any reading is done."""
    try:
        out.mkdir(parents=True, exist_ok=True)
        tempfile.TemporaryFile(dir=out).close()
    except (FileExistsError, NotADirectoryError):
        raise AltformatsError("The output folder cannot be made: a file is in the way.", path=str(out),
                              hint="Give --out a folder name that is not a file.") from None
    except OSError as exc:
        raise AltformatsError(f"The output folder cannot be written to ({exc.strerror or exc}).", path=str(out),
                              hint="Give --out a folder you can write to.") from None
    return out


def default_outputs() -> list[str]:
    return [name for name, spec in formats.available_outputs().items() if spec.default]


def write_manifest(report: ConvertReport, out_dir: Path) -> Path:
    """A JSON record of what was made from what, with which settings and version."""
    manifest = {
        "generator": provenance.generator_string(),
        "source": {"file": report.source.name, "title": report.document.title,
                   "readability": report.source_readability},
        "outputs": [
            {"format": o.name, "files": [str(p.relative_to(out_dir)) for p in o.paths],
             "bytes": o.size, "seconds": round(o.seconds, 3), "settings": o.settings,
             "error": o.error, "warnings": [str(m) for m in o.messages if m.level != "info"],
             "readability": o.readability}
            for o in report.outputs
        ],
    }
    path = out_dir / f"{report.source.stem}-manifest.json"
    write_atomic(path, json.dumps(manifest, indent=2, default=str).encode("utf-8"))
    return path


__all__ = ["convert", "read_path", "read_bytes", "write_output", "ConvertReport", "OutputReport",
           "OutputError"]

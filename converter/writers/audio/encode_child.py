"""16-bit mono PCM on stdin becomes a constant-bit-rate MP3 on stdout (a plain script: lameenc only).

Usage: python -S encode_child.py IN_RATE OUT_RATE BITRATE_KBPS QUALITY [SEARCH_PATH]
lameenc holds the GIL while it encodes, so sections are encoded in child
processes to use every core.
"""
from __future__ import annotations

import sys


def encode(pcm: bytes, in_rate: int, out_rate: int, bitrate_kbps: int, quality: int) -> bytes:
    import lameenc

    encoder = lameenc.Encoder()
    encoder.set_channels(1)
    encoder.set_in_sample_rate(in_rate)
    if out_rate != in_rate:
        encoder.set_out_sample_rate(out_rate)
    encoder.set_bit_rate(bitrate_kbps)
    encoder.set_quality(quality)
    return bytes(encoder.encode(pcm) + encoder.flush())


def main(argv: list[str]) -> int:
    in_rate, out_rate, bitrate, quality = (int(a) for a in argv[1:5])
    sys.path.extend(argv[5:])  # where lameenc lives (the child runs with -S)
    sys.stdout.buffer.write(encode(sys.stdin.buffer.read(), in_rate, out_rate, bitrate, quality))
    sys.stdout.buffer.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

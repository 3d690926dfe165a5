#!/usr/bin/env python3
"""Checks that a file is a real, non-blank PNG (pure stdlib: struct + zlib).

usage: scripts/png-check.py OUT.png [--min-colours N]

Prints one line: `png width=W height=H colours=C` (C = distinct colours among sampled
pixels, up to about 20,000 samples on a grid). Exits 1 if the file is not a PNG that can be
decoded, or if it has fewer than N distinct colours (default 10: a blank page or an empty
white shot has 1 or 2). Handles 8-bit greyscale, RGB, palette, grey+alpha and RGBA, non
interlaced - what Chromium writes. Other PNGs are only checked for their header.
"""
import struct
import sys
import zlib

SIGNATURE = b"\x89PNG\r\n\x1a\n"
CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}


def fail(msg):
    print(f"png-check: {msg}", file=sys.stderr)
    sys.exit(1)


def chunks(data):
    pos = len(SIGNATURE)
    while pos + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if len(body) != length:
            fail("truncated chunk")
        yield kind, body
        pos += 12 + length
        if kind == b"IEND":
            return
    fail("no IEND chunk (truncated file)")


def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def unfilter(raw, width, height, bpp):
    """Yields each scanline's bytes, filters undone."""
    stride = width * bpp
    prev = bytearray(stride)
    pos = 0
    for _ in range(height):
        if pos + 1 + stride > len(raw):
            fail("image data shorter than its size")
        ftype = raw[pos]
        line = bytearray(raw[pos + 1:pos + 1 + stride])
        pos += 1 + stride
        if ftype == 1:
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 0xFF
        elif ftype == 2:
            for i in range(stride):
                line[i] = (line[i] + prev[i]) & 0xFF
        elif ftype == 3:
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + ((left + prev[i]) >> 1)) & 0xFF
        elif ftype == 4:
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                upleft = prev[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + paeth(left, prev[i], upleft)) & 0xFF
        elif ftype != 0:
            fail(f"bad filter type {ftype}")
        yield line
        prev = line


def main(argv):
    args = argv[1:]
    min_colours = 10
    if "--min-colours" in args:
        i = args.index("--min-colours")
        try:
            min_colours = int(args[i + 1])
        except (IndexError, ValueError):
            fail("--min-colours needs a number")
        del args[i:i + 2]
    if len(args) != 1:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        sys.exit(2)
    try:
        with open(args[0], "rb") as f:
            data = f.read()
    except OSError as e:
        fail(f"cannot read {args[0]}: {e.strerror}")
    if not data.startswith(SIGNATURE):
        fail(f"{args[0]} is not a PNG")

    header, idat, palette = None, [], None
    for kind, body in chunks(data):
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"PLTE":
            palette = body
        elif kind == b"IDAT":
            idat.append(body)
    if header is None:
        fail("no IHDR chunk")
    width, height, depth, colour_type, _, _, interlace = header
    if width == 0 or height == 0:
        fail("empty image")
    if depth != 8 or interlace != 0 or colour_type not in CHANNELS:
        print(f"png width={width} height={height} colours=unchecked")
        return 0
    try:
        raw = zlib.decompress(b"".join(idat))
    except zlib.error as e:
        fail(f"bad image data: {e}")

    bpp = CHANNELS[colour_type]
    # Sample on a grid of about 20,000 pixels (rows must all be unfiltered, columns need not).
    step = max(1, int((width * height / 20000) ** 0.5))
    colours = set()
    for y, line in enumerate(unfilter(raw, width, height, bpp)):
        if y % step:
            continue
        for x in range(0, width, step):
            px = bytes(line[x * bpp:(x + 1) * bpp])
            if colour_type == 3 and palette is not None:
                px = palette[px[0] * 3:px[0] * 3 + 3]
            colours.add(px)
    print(f"png width={width} height={height} colours={len(colours)}")
    if len(colours) < min_colours:
        fail(f"image looks blank: {len(colours)} distinct colours (< {min_colours})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

#!/usr/bin/env python3
"""Checks that a screenshot of the HTML report is a real page with the figures drawn.

Usage: check-report-render.py SCREENSHOT.png

A blank or broken render (white page, error page, missing SVG) fails: the page must have enough non-white pixels,
many distinct colours, and pixels of the figures' palette colours (the trajectory lines and bars). Decodes PNG with
the standard library only (zlib), so no imaging package is needed.
"""
import struct
import sys
import zlib

PALETTE = {"blue": (0x00, 0x72, 0xB2), "vermillion": (0xD5, 0x5E, 0x00), "green": (0x00, 0x9E, 0x73)}


def decode_png(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise SystemExit(f"{path}: not a PNG file")
    pos, chunks, width = 8, [], None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if depth != 8 or colour not in (2, 6) or interlace != 0:
                raise SystemExit(f"{path}: unsupported PNG (depth {depth}, colour type {colour}, interlace {interlace})")
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            chunks.append(body)
        pos += 12 + length
    raw = zlib.decompress(b"".join(chunks))
    stride = width * channels
    rows, prev, i = [], bytearray(stride), 0
    for _ in range(height):
        f, line = raw[i], bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - channels] if x >= channels else 0
            b = prev[x]
            c = prev[x - channels] if x >= channels else 0
            if f == 1:
                line[x] = (line[x] + a) & 255
            elif f == 2:
                line[x] = (line[x] + b) & 255
            elif f == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(line)
        prev = line
    return width, height, channels, rows


def main():
    width, height, channels, rows = decode_png(sys.argv[1])
    total = nonwhite = 0
    colours = set()
    found = {name: 0 for name in PALETTE}
    for line in rows:
        for x in range(0, len(line), channels * 2):  # every other pixel is plenty
            r, g, b = line[x], line[x + 1], line[x + 2]
            total += 1
            if r < 245 or g < 245 or b < 245:
                nonwhite += 1
            colours.add((r >> 3, g >> 3, b >> 3))
            for name, (pr, pg, pb) in PALETTE.items():
                if abs(r - pr) < 12 and abs(g - pg) < 12 and abs(b - pb) < 12:
                    found[name] += 1
    share = nonwhite / max(total, 1)
    print(f"screenshot {width}x{height}: {share:.1%} non-white, {len(colours)} colours, palette pixels {found}")
    problems = []
    if width < 800 or height < 1000:
        problems.append("the page is too small")
    if share < 0.03:
        problems.append("the page is (nearly) blank")
    if len(colours) < 50:
        problems.append("too few colours for a page with figures")
    missing = [n for n, c in found.items() if c < 30]
    if missing:
        problems.append("figure colours missing: " + ", ".join(missing))
    if problems:
        raise SystemExit("render check failed: " + "; ".join(problems))
    print("render check: ok")


if __name__ == "__main__":
    main()

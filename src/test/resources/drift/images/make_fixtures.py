#!/usr/bin/python3
"""Writes the image fixtures of vpmon's drift tests and their expected features.

  /usr/bin/python3 src/test/resources/drift/images/make_fixtures.py

PNGs are written by the small encoder below (every colour type and bit depth, all five row
filters, Adam7 interlacing, split IDAT chunks, stored zlib blocks), from sample arrays made here.
Their expected features are computed from those arrays with exact rational arithmetic, so they
depend on no decoder at all; Pillow's reading of the same files is checked against them as a
sanity check. JPEG, GIF, BMP and TIFF files are written by Pillow; their expected features are
computed from what Pillow decodes (JPEG decoders differ by rounding, so the Java test compares
those with a tolerance).

Features (vpmon's definition): per pixel luma Y = 0.299 R + 0.587 G + 0.114 B on 8-bit values
(grey counts as R = G = B; 16-bit samples scaled by >> 8; palettes through their table; alpha
ignored); mean and population standard deviation of Y; means of R, G and B. Written to
expected_features.json as the correctly rounded doubles of the exact values.

Needs Debian's python3-pil (run with /usr/bin/python3); writes only into this directory.
"""
import json
import os
import random
import struct
import zlib
from decimal import Decimal, getcontext
from fractions import Fraction

from PIL import Image

HERE = os.path.dirname(os.path.abspath(__file__))
getcontext().prec = 60

ADAM7 = ((0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2))
CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}


def chunk(kind, data):
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)


def pack_row(samples, bit_depth):
    """Samples of one row (already interleaved) to bytes."""
    if bit_depth == 8:
        return bytes(samples)
    if bit_depth == 16:
        return b"".join(struct.pack(">H", s) for s in samples)
    per_byte = 8 // bit_depth
    out = bytearray()
    for i in range(0, len(samples), per_byte):
        byte = 0
        group = samples[i:i + per_byte]
        for j, s in enumerate(group):
            byte |= s << (8 - bit_depth * (j + 1))
        out.append(byte)
    return bytes(out)


def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def filter_rows(rows, bpp, first_filter):
    """Filters each row with type (first_filter + index) % 5, so every filter is exercised."""
    out = bytearray()
    prev = bytes(len(rows[0])) if rows else b""
    for i, raw in enumerate(rows):
        ftype = (first_filter + i) % 5
        f = bytearray()
        for x, v in enumerate(raw):
            a = raw[x - bpp] if x >= bpp else 0
            b = prev[x]
            c = prev[x - bpp] if x >= bpp else 0
            pred = (0, a, b, (a + b) // 2, paeth(a, b, c))[ftype]
            f.append((v - pred) & 0xFF)
        out.append(ftype)
        out += f
        prev = raw
    return bytes(out)


def encode_png(path, width, height, color_type, bit_depth, pixels, palette=None, trns=None,
               interlace=False, idat_size=None, level=6, extra_chunks=()):
    """pixels[y][x] is a tuple of channel samples (palette: (index,))."""
    channels = CHANNELS[color_type]
    bpp = max(1, channels * bit_depth // 8)
    raw = bytearray()
    if interlace:
        for n, (x0, y0, dx, dy) in enumerate(ADAM7):
            xs = range(x0, width, dx)
            ys = range(y0, height, dy)
            if len(xs) == 0 or len(ys) == 0:
                continue
            rows = [pack_row([s for x in xs for s in pixels[y][x]], bit_depth) for y in ys]
            raw += filter_rows(rows, bpp, n)
    else:
        rows = [pack_row([s for x in range(width) for s in pixels[y][x]], bit_depth) for y in range(height)]
        raw += filter_rows(rows, bpp, 0)
    data = zlib.compress(bytes(raw), level)
    out = bytearray(b"\x89PNG\r\n\x1a\n")
    out += chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, bit_depth, color_type, 0, 0, 1 if interlace else 0))
    for kind, body in extra_chunks:
        out += chunk(kind, body)
    if palette is not None:
        out += chunk(b"PLTE", bytes(c for rgb in palette for c in rgb))
    if trns is not None:
        out += chunk(b"tRNS", trns)
    step = idat_size or len(data) or 1
    for i in range(0, max(len(data), 1), step):
        out += chunk(b"IDAT", data[i:i + step])
    out += chunk(b"IEND", b"")
    with open(path, "wb") as fh:
        fh.write(out)


def rgb8_of(color_type, bit_depth, px, palette):
    """The 8-bit (R, G, B) vpmon reads from one pixel of a PNG."""
    if color_type == 3:
        return palette[px[0]]
    if color_type in (0, 4):
        v = px[0]
        if bit_depth == 16:
            v >>= 8
        elif bit_depth < 8:
            v = v * 255 // ((1 << bit_depth) - 1)
        return (v, v, v)
    r, g, b = px[0], px[1], px[2]
    if bit_depth == 16:
        r, g, b = r >> 8, g >> 8, b >> 8
    return (r, g, b)


def exact_features(rgb_pixels):
    """Correctly rounded doubles of the exact features of a list of (R, G, B)."""
    n = len(rgb_pixels)
    sy = sy2 = sr = sg = sb = 0
    for r, g, b in rgb_pixels:
        y = 299 * r + 587 * g + 114 * b  # 1000 * luma, an integer
        sy += y
        sy2 += y * y
        sr += r
        sg += g
        sb += b
    mean = Fraction(sy, 1000 * n)
    var = Fraction(n * sy2 - sy * sy, n * n * 1000000)
    std = (Decimal(var.numerator) / Decimal(var.denominator)).sqrt()
    return {
        "mean_brightness": float(mean),
        "std_brightness": float(std),
        "mean_r": float(Fraction(sr, n)),
        "mean_g": float(Fraction(sg, n)),
        "mean_b": float(Fraction(sb, n)),
    }


def pil_rgb_pixels(path):
    """(R, G, B) per pixel as Pillow decodes the file, by the same rules as vpmon."""
    with Image.open(path) as img:
        img.load()
        mode = img.mode
        w, h = img.size
        if mode in ("I;16", "I;16B", "I", "I;16L"):
            return [(v >> 8,) * 3 for v in img.getdata()]
        if mode == "L":
            return [(v, v, v) for v in img.getdata()]
        if mode == "LA":
            return [(p[0],) * 3 for p in img.getdata()]
        if mode in ("RGB", "RGBA"):
            return [p[:3] for p in img.getdata()]
        return list(img.convert("RGB").getdata())


def close(a, b):
    return abs(a - b) <= 1e-9 * max(1.0, abs(b))


def main():
    rnd = random.Random(20240501)
    expected = {}

    def sample_grid(width, height, channels, max_value):
        return [[tuple(rnd.randint(0, max_value) for _ in range(channels)) for _ in range(width)]
                for _ in range(height)]

    pngs = []  # (name, width, height, color_type, bit_depth, kwargs)
    for depth in (1, 2, 4, 8, 16):
        pngs.append(("gray%d" % depth, 13, 11, 0, depth, {}))
    pngs.append(("gray8_trns", 9, 7, 0, 8, {"trns": struct.pack(">H", 17)}))
    pngs.append(("ga8", 10, 6, 4, 8, {}))
    pngs.append(("ga16", 7, 9, 4, 16, {}))
    pngs.append(("rgb8", 17, 9, 2, 8, {}))
    pngs.append(("rgb8_trns", 8, 8, 2, 8, {"trns": struct.pack(">HHH", 1, 2, 3)}))
    pngs.append(("rgb16", 11, 5, 2, 16, {}))
    pngs.append(("rgba8", 12, 7, 6, 8, {}))
    pngs.append(("rgba16", 6, 6, 6, 16, {}))
    for depth in (1, 2, 4, 8):
        pngs.append(("palette%d" % depth, 15, 9, 3, depth, {"trns": bytes([0, 128])}))
    pngs.append(("gray1_interlaced", 13, 11, 0, 1, {"interlace": True}))
    pngs.append(("gray16_interlaced", 9, 10, 0, 16, {"interlace": True}))
    pngs.append(("rgb8_interlaced", 17, 9, 2, 8, {"interlace": True}))
    pngs.append(("rgba16_interlaced", 10, 13, 6, 16, {"interlace": True}))
    pngs.append(("palette4_interlaced", 11, 12, 3, 4, {"interlace": True}))
    pngs.append(("ga8_interlaced_3x2", 3, 2, 4, 8, {"interlace": True}))
    pngs.append(("rgb8_1x1_interlaced", 1, 1, 2, 8, {"interlace": True}))
    pngs.append(("rgb8_split_idat", 16, 16, 2, 8, {"idat_size": 7}))
    pngs.append(("rgb8_stored", 9, 9, 2, 8, {"level": 0}))
    pngs.append(("rgb8_ancillary", 8, 5, 2, 8, {"extra_chunks": [
        (b"gAMA", struct.pack(">I", 45455)), (b"sBIT", bytes([5, 6, 5])),
        (b"tEXt", b"Comment\x00vpmon drift fixture")]}))
    pngs.append(("rgb8_wide", 300, 2, 2, 8, {}))

    for name, w, h, ct, depth, kwargs in pngs:
        palette = None
        if ct == 3:
            entries = 1 << depth
            palette = [tuple(rnd.randint(0, 255) for _ in range(3)) for _ in range(entries)]
            pixels = sample_grid(w, h, 1, entries - 1)
        else:
            pixels = sample_grid(w, h, CHANNELS[ct], (1 << depth) - 1)
        path = os.path.join(HERE, name + ".png")
        encode_png(path, w, h, ct, depth, pixels, palette=palette, **kwargs)
        feats = exact_features([rgb8_of(ct, depth, px, palette) for row in pixels for px in row])
        pil = exact_features(pil_rgb_pixels(path))
        for key, value in feats.items():
            if not close(pil[key], value):
                raise SystemExit("%s: Pillow reads %s = %r, expected %r" % (name, key, pil[key], value))
        expected[name + ".png"] = {"features": feats, "exact": True, "source": "sample arrays"}

    # Smooth photo-like content for the lossy formats, so decoder rounding stays small.
    def photo(width, height):
        img = Image.new("RGB", (width, height))
        img.putdata([(min(255, 40 + 6 * x + y), min(255, 90 + 3 * y), max(0, 200 - 5 * x + 2 * y))
                     for y in range(height) for x in range(width)])
        return img

    base = photo(24, 16)
    pil_files = {
        "jpeg_rgb420.jpg": lambda p: base.save(p, "JPEG", quality=90, subsampling=2),
        "jpeg_rgb444_progressive.jpg": lambda p: base.save(p, "JPEG", quality=95, subsampling=0, progressive=True),
        "jpeg_gray.jpg": lambda p: base.convert("L").save(p, "JPEG", quality=90),
        "jpeg_restart.jpg": lambda p: base.save(p, "JPEG", quality=90, restart_marker_blocks=1),
        "palette.gif": lambda p: base.convert("P", palette=Image.ADAPTIVE, colors=16).save(p, "GIF"),
        "rgb24.bmp": lambda p: base.save(p, "BMP"),
        "rgb.tif": lambda p: base.save(p, "TIFF"),
    }
    for name, write in pil_files.items():
        path = os.path.join(HERE, name)
        write(path)
        lossy = name.endswith(".jpg")
        expected[name] = {"features": exact_features(pil_rgb_pixels(path)), "exact": not lossy,
                          "source": "Pillow decode"}

    # CMYK: flat colours whose decoded RGB is known only roughly (colour management differs
    # between decoders); the test checks the channel order and levels with wide tolerances.
    for name, cmyk in (("jpeg_cmyk_white.jpg", (0, 0, 0, 0)), ("jpeg_cmyk_cyan.jpg", (255, 0, 0, 0)),
                       ("jpeg_cmyk_yellow.jpg", (0, 0, 255, 0))):
        path = os.path.join(HERE, name)
        Image.new("CMYK", (16, 16), cmyk).save(path, "JPEG", quality=95)
        expected[name] = {"cmyk": list(cmyk), "exact": False, "source": "flat CMYK colour"}

    # Not images, whatever their names say, and files that claim to be images but are broken.
    with open(os.path.join(HERE, "notes.txt"), "w") as fh:
        fh.write("not an image\n")
    with open(os.path.join(HERE, "rgb8.png"), "rb") as fh:
        good = fh.read()
    with open(os.path.join(HERE, "broken_truncated.png"), "wb") as fh:
        fh.write(good[:len(good) // 2])
    bad_crc = bytearray(good)
    idat = bad_crc.find(b"IDAT")
    bad_crc[idat + 6] ^= 0xFF  # corrupts the zlib stream inside IDAT
    with open(os.path.join(HERE, "broken_zlib.png"), "wb") as fh:
        fh.write(bad_crc)
    with open(os.path.join(HERE, "jpeg_rgb420.jpg"), "rb") as fh:
        jpg = fh.read()
    with open(os.path.join(HERE, "broken_truncated.jpg"), "wb") as fh:
        fh.write(jpg[:len(jpg) // 3])
    with open(os.path.join(HERE, "broken_garbage.png"), "wb") as fh:
        fh.write(bytes(rnd.randint(0, 255) for _ in range(64)))

    with open(os.path.join(HERE, "expected_features.json"), "w") as fh:
        json.dump(expected, fh, indent=1, sort_keys=True)
        fh.write("\n")
    print("wrote %d fixtures" % len(expected))


if __name__ == "__main__":
    main()

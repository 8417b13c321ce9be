#!/usr/bin/env python3
"""Writes the small bad-input fixtures beside this script. Run it again only to change them; the tests
read the committed files. The page images need libvips' `vips` command."""
import os, struct, subprocess, zlib, zipfile, io

HERE = os.path.dirname(os.path.abspath(__file__))


def out(name, data):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


def pdf(objects):
    """A PDF with a correct cross-reference table from a list of object bodies (object 1 is the catalog)."""
    body = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"
    offsets = []
    for i, obj in enumerate(objects, start=1):
        offsets.append(len(body))
        body += b"%d 0 obj\n" % i + obj + b"\nendobj\n"
    xref = len(body)
    body += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for o in offsets:
        body += b"%010d 00000 n \n" % o
    body += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return body


def page_pdf(width, height):
    text = b"BT /F1 24 Tf 72 72 Td (A page) Tj ET"
    return pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>" % (width, height),
        b"<< /Length %d >>\nstream\n" % len(text) + text + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ])


out("no-pages.pdf", pdf([
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [] /Count 0 >>",
]))
out("absurd-20000x20000pt.pdf", page_pdf(20000, 20000))
out("corrupt.pdf", b"%PDF-1.7\n" + bytes((i * 37 + 11) % 256 for i in range(600)) + b"\n%%EOF\n")
# A sound file whose page points at a content stream that is not there: it opens and has a size, so it passes
# validation; reading its text fails later, which must still fail the whole import.
out("content-stream-missing.pdf", pdf([
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 842 1191] /Contents 9 0 R /Resources << /Font << /F1 4 0 R >> >> >>",
    b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
]))


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


# A PNG whose header claims 100,000 x 100,000 RGB pixels (30 GB decoded); its data is one compressed row of zeros.
out("png-claims-100000x100000.png",
    b"\x89PNG\r\n\x1a\n"
    + chunk(b"IHDR", struct.pack(">IIBBBBB", 100000, 100000, 8, 2, 0, 0, 0))
    + chunk(b"IDAT", zlib.compress(b"\0" * 300001, 9))
    + chunk(b"IEND", b""))

# Real page images, 600 x 800 at 150 dpi (so 288 x 384 pt), grey with a black bar.
for ext, opts in (("png", "[compression=9]"), ("jpg", "[Q=60]"), ("tif", "[compression=deflate]")):
    target = os.path.join(HERE, "page-600x800-150dpi." + ext)
    subprocess.run(["vips", "black", "/tmp/black.v", "600", "800"], check=True)
    subprocess.run(["vips", "linear", "/tmp/black.v", "/tmp/grey.v", "1", "200", "--uchar"], check=True)
    subprocess.run(["vips", "draw_rect", "/tmp/grey.v", "0", "50", "50", "500", "80", "--fill"], check=True)
    subprocess.run(["vips", "copy", "/tmp/grey.v", "/tmp/res.v", "--xres", str(150 / 25.4), "--yres", str(150 / 25.4)], check=True)
    subprocess.run(["vips", "copy", "/tmp/res.v", target + opts], check=True)


def zip_bytes(entries):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries:
            z.writestr(name, data)
    return buffer.getvalue()


one_page = page_pdf(842, 1191)
out("zip-slip.zip", zip_bytes([("01.pdf", one_page), ("../escape.pdf", one_page)]))


def patch_sizes(data, name, size):
    """Rewrites the uncompressed size of entry `name` in its local header and its central directory record."""
    data = bytearray(data)
    n = name.encode()
    local = data.find(b"PK\x03\x04")
    while local >= 0:
        if data[local + 30:local + 30 + len(n)] == n:
            struct.pack_into("<I", data, local + 22, size)
        local = data.find(b"PK\x03\x04", local + 4)
    central = data.find(b"PK\x01\x02")
    while central >= 0:
        if data[central + 46:central + 46 + len(n)] == n:
            struct.pack_into("<I", data, central + 24, size)
        central = data.find(b"PK\x01\x02", central + 4)
    return bytes(data)


# Declares 3.5 GB uncompressed: more than the 2 GiB a package may unpack to; refused before any byte is written.
out("zip-bomb-declares-3.5gb.zip", patch_sizes(zip_bytes([("01.pdf", one_page), ("02.pdf", b"\0" * 100000)]), "02.pdf", 3_500_000_000))
# Declares 1 kB but inflates to 8 MB: only counting the bytes actually written catches it.
out("zip-bomb-inflates-8mb.zip", patch_sizes(zip_bytes([("01.pdf", one_page), ("02.pdf", b"\0" * 8_000_000)]), "02.pdf", 1000))

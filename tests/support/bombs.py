"""Small files that cost a lot to open, for the upload and extraction tests:
images whose header claims millions of pixels, archives that inflate a
thousandfold, a PDF whose one stream inflates past the reading limit."""

import io
import struct
import zipfile
import zlib

from PIL import Image

MB = 1024 * 1024
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ODT = "application/vnd.oasis.opendocument.text"


def _png_chunk(kind, data):
    crc = zlib.crc32(kind + data)
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)


def png_bomb(width, height):
    """A valid black-and-white PNG of ``width`` × ``height`` pixels: its rows
    of zeros compress to a few kilobytes."""
    row = b"\0" * (1 + (width + 7) // 8)  # filter byte, then 1 bit per pixel
    compressor = zlib.compressobj(9)
    data = b"".join(compressor.compress(row) for _ in range(height))
    data += compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", data)
        + _png_chunk(b"IEND", b"")
    )


def jpeg_claiming(width, height):
    """A real 8 × 8 JPEG whose frame header claims ``width`` × ``height``."""
    output = io.BytesIO()
    Image.new("RGB", (8, 8), "teal").save(output, format="JPEG")
    data = bytearray(output.getvalue())
    frame = data.index(b"\xff\xc0")  # SOF0: marker, length, precision, then H, W
    struct.pack_into(">HH", data, frame + 5, height, width)
    return bytes(data)


def _rezip(original, replace=None, after=b"", chunk=b"", expanded=0, extra=0):
    """``original`` (an archive's bytes) with ``chunk`` repeated up to
    ``expanded`` bytes inserted into member ``replace`` just after ``after``,
    and ``extra`` tiny members added."""
    source = zipfile.ZipFile(io.BytesIO(original))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as out:
        for member in source.infolist():
            if member.filename != replace:
                out.writestr(member, source.read(member))
                continue
            xml = source.read(member)
            cut = xml.index(after) + len(after)
            with out.open(replace, "w") as stream:
                stream.write(xml[:cut])
                for _ in range(expanded // len(chunk) + 1):
                    stream.write(chunk)
                stream.write(xml[cut:])
        for number in range(extra):
            out.writestr(f"extra/part-{number}.txt", b"x")
    return output.getvalue()


def docx_bomb(expanded=20 * MB):
    """A DOCX whose body inflates to about ``expanded`` bytes of paragraphs."""
    from resources.demo_files import make_docx

    return _rezip(
        make_docx("Bombe", ["Texte"]),
        "word/document.xml",
        after=b"<w:body>",
        chunk=(b"<w:p><w:r><w:t>" + b"bombe " * 200 + b"</w:t></w:r></w:p>") * 50,
        expanded=expanded,
    )


def odt_bomb(expanded=20 * MB):
    """An ODT whose text inflates to about ``expanded`` bytes of paragraphs."""
    from resources.demo_files import make_odt

    return _rezip(
        make_odt("Bombe", ["Texte"]),
        "content.xml",
        after=b"<office:text>",
        chunk=(b"<text:p>" + b"bombe " * 200 + b"</text:p>") * 50,
        expanded=expanded,
    )


def docx_with_parts(count):
    """A DOCX with ``count`` extra (tiny) parts."""
    from resources.demo_files import make_docx

    return _rezip(make_docx("Parties", ["Texte"]), extra=count)


def zip_bomb(expanded=20 * MB):
    """A plain ZIP with one member of ``expanded`` zero bytes."""
    output = io.BytesIO()
    with (
        zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as out,
        out.open("zeros.bin", "w") as stream,
    ):
        for _ in range(expanded // MB):
            stream.write(b"\0" * MB)
    return output.getvalue()


def pdf_with_huge_stream(expanded=40 * MB):
    """A one-page PDF whose content stream inflates to ``expanded`` bytes."""
    compressor = zlib.compressobj(9)
    stream = b"".join(compressor.compress(b" " * MB) for _ in range(expanded // MB))
    stream += compressor.flush()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream)
        + stream
        + b"\nendstream",
    ]
    output = io.BytesIO()
    output.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(output.tell())
        output.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = output.tell()
    output.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        output.write(b"%010d 00000 n \n" % offset)
    output.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
        % (len(objects) + 1, xref)
    )
    return output.getvalue()

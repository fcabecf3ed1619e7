"""Small generated files (PDF, DOCX, ODT) for the demo documents and the tests.

The demo ships no binary files: its documents are written from text here, with
the same libraries that read them back (python-docx, odfpy) and a minimal
hand-written PDF (one Helvetica page per call, WinAnsi encoding).
"""

import io


def _pdf_escape(text):
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def make_pdf(lines=()):
    """A one-page PDF showing ``lines``; no lines gives a PDF without text."""
    operations = ["BT", "/F1 12 Tf", "72 770 Td", "16 TL"]
    for line in lines:
        operations.append(f"({_pdf_escape(line)}) '")
    operations.append("ET")
    stream = "\n".join(operations).encode("cp1252", errors="replace") if lines else b""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
        b"/Encoding /WinAnsiEncoding >>",
    ]
    output = io.BytesIO()
    output.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
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


def make_docx(title, paragraphs=()):
    import docx

    document = docx.Document()
    document.add_heading(title, level=1)
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


def make_odt(title, paragraphs=()):
    from odf.opendocument import OpenDocumentText
    from odf.text import H, P

    document = OpenDocumentText()
    document.text.addElement(H(outlinelevel=1, text=title))
    for paragraph in paragraphs:
        document.text.addElement(P(text=paragraph))
    output = io.BytesIO()
    document.write(output)
    return output.getvalue()

"""The document form of the Wagtail admin (single and multiple upload)."""

from pathlib import Path

from wagtail.documents.forms import BaseDocumentForm

from home.storage import ensure_writable

from .file_types import check_document_content


class DocumentForm(BaseDocumentForm):
    """Wagtail's form, plus a check that the file's bytes match its extension."""

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if uploaded and "file" in self.changed_data:
            extension = Path(uploaded.name).suffix.lstrip(".").lower()
            check_document_content(uploaded, extension)
            ensure_writable()
        return uploaded

"""The image form of the Wagtail admin (single and multiple upload)."""

from wagtail.images.forms import BaseImageForm

from .storage import ensure_writable
from .uploads import check_image_pixels


class ImageForm(BaseImageForm):
    """Wagtail's form; its field already refuses images over
    ``WAGTAILIMAGES_MAX_IMAGE_PIXELS``, and this checks again with the site's
    own helper (``home.uploads``), the one avatars and attachments use."""

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if uploaded and "file" in self.changed_data:
            check_image_pixels(uploaded)
            ensure_writable()
        return uploaded

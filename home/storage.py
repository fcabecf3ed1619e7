"""Uploaded files on an S3-compatible object store, and what the site does
when that store is down: the one place for both.

With ``OBJECTSTORE_URL`` set (see ``config.env.object_store``), Django's
default storage is ``ObjectStorage``: documents, Wagtail images and their
renditions, avatars and carnet attachments all go to one private bucket.
Nothing in it is public: documents and attachments are streamed by the site
after its permission check, images and avatars are shown through presigned
URLs that expire after ``OBJECTSTORE_URL_EXPIRY`` seconds, written into a
page only for whoever may see it.

A store that cannot be reached raises ``ObjectStoreUnavailable``, an
``OSError``, from every storage call, whatever the client library's own
exceptions, so that:

- an upload form refuses the file with a French message before anything is
  saved (``ensure_writable``, called by every form that takes a file);
- a write that fails later still saves nothing (the file is written before
  its row is inserted, and requests are atomic) and shows the French 503
  page (``home.middleware.ObjectStoreUnavailableMiddleware``);
- Wagtail's image tags, which treat an ``OSError`` on the original image as
  a missing file, render the page with an empty image rather than fail.
"""

import functools
import logging

from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.utils.translation import gettext_lazy as _

from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError
from storages.backends.s3 import S3Storage

logger = logging.getLogger(__name__)

UNAVAILABLE_MESSAGE = _(
    "Le stockage des fichiers est momentanément indisponible : votre fichier "
    "n'a pas été enregistré. Réessayez dans quelques minutes."
)


class ObjectStoreUnavailable(OSError):
    """The object store did not answer, or answered with a server error."""


def _is_outage(error):
    if isinstance(error, BotoCoreError):  # connection refused, timeouts…
        return True
    if isinstance(error, ClientError):
        status = error.response.get("ResponseMetadata", {}).get("HTTPStatusCode")
        return status is not None and status >= 500
    return False


def _translating_outages(method):
    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except (BotoCoreError, ClientError) as error:
            if not _is_outage(error):
                raise
            logger.warning("Stockage objet indisponible : %s", error)
            raise ObjectStoreUnavailable(str(error)) from error

    return wrapper


class ObjectStorage(S3Storage):
    """django-storages' S3 back end, private, quick to give up when the store
    is down (2 s to connect, 2 attempts) rather than holding a worker."""

    def get_default_settings(self):
        return {
            **super().get_default_settings(),
            "default_acl": None,  # objects inherit the private bucket
            "querystring_auth": True,
            "file_overwrite": False,
            # A client_config replaces django-storages' own: it carries the
            # signature version (v4 for presigned URLs) and the path-style
            # addressing (http://host:port/bucket/key) itself.
            "client_config": Config(
                signature_version="s3v4",
                s3={"addressing_style": "path"},
                connect_timeout=2,
                read_timeout=20,
                retries={"max_attempts": 2, "mode": "standard"},
            ),
        }

    _open = _translating_outages(S3Storage._open)
    _save = _translating_outages(S3Storage._save)
    delete = _translating_outages(S3Storage.delete)
    exists = _translating_outages(S3Storage.exists)
    listdir = _translating_outages(S3Storage.listdir)
    size = _translating_outages(S3Storage.size)
    get_modified_time = _translating_outages(S3Storage.get_modified_time)

    @_translating_outages
    def check_writable(self):
        """Raise ``ObjectStoreUnavailable`` unless the bucket answers."""
        self.connection.meta.client.head_bucket(Bucket=self.bucket_name)


def ensure_writable(storage=default_storage):
    """Refuse an upload, as a form error, when its file cannot be stored now.

    Asks the object store once (the local disk is always taken as writable).
    """
    check = getattr(storage, "check_writable", None)
    if check is None:
        return
    try:
        check()
    except ObjectStoreUnavailable as error:
        raise ValidationError(
            UNAVAILABLE_MESSAGE, code="storage_unavailable"
        ) from error

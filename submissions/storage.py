"""Where the files of unpublished submissions are kept: PRIVATE_MEDIA_ROOT, outside
MEDIA_ROOT, under random names.

Nothing there has a public address: the proxy serves only MEDIA_ROOT, and the app
serves a file only to those who may see its submission (file_views.py). Publication
copies a deed's files to the public storage (files.files_publish).
"""

import os
import secrets
from pathlib import PurePosixPath

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils import timezone


class PrivateStorage(FileSystemStorage):
    """FileSystemStorage at PRIVATE_MEDIA_ROOT, read when used (tests change it)."""

    def __init__(self):
        super().__init__(base_url=None)

    @property
    def base_location(self):
        return str(settings.PRIVATE_MEDIA_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        # A private file has no public address; file_views.file_url gives the
        # address that checks who asks.
        raise ValueError("A private submission file has no public URL")


private_storage = PrivateStorage()


def private(_field=None):
    """The storage of SubmissionFile.file (a callable keeps it out of migrations'
    values, and tests may replace the location through the setting)."""
    return private_storage


def random_filename(filename):
    """``<random>.<suffix>``: says nothing of the upload and cannot be guessed."""
    return f"{secrets.token_urlsafe(18)}{PurePosixPath(filename).suffix.lower()[:8]}"


def random_name(folder, filename):
    return f"{folder}/{timezone.now():%Y/%m}/{random_filename(filename)}"

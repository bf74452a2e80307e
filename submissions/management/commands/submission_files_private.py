"""Move the files of submissions stored before they became private (in MEDIA_ROOT,
under their uploaded names) to the private storage, under random names.

A file a deed shows stays where it is (it is public anyway) and is recorded as the
submission's published copy; any other file is copied to PRIVATE_MEDIA_ROOT, the row
is pointed at the copy, and the public one is deleted. Safe to run again: a file
already in the private storage is left alone.
"""

from django.core.files.base import File
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand
from django.db import transaction

from deeds.models import DeedAttachment, DeedImage
from submissions.models import SubmissionFile, submission_file_path
from submissions.storage import private_storage


class Command(BaseCommand):
    help = "Move unpublished submissions' files from MEDIA_ROOT to PRIVATE_MEDIA_ROOT."

    def handle(self, *args, **options):
        counts = {"moved": 0, "published": 0, "missing": 0, "already": 0}
        for stored in SubmissionFile.objects.exclude(file="").order_by("pk").iterator():
            counts[self._move(stored)] += 1
        self.stdout.write(
            "Moved {moved}, left public for their deeds {published}, missing {missing}, "
            "already private {already}.".format(**counts)
        )

    def _move(self, stored):
        name = stored.file.name
        if private_storage.exists(name):
            return "already"
        in_use = (
            DeedImage.objects.filter(image=name).exists()
            or DeedAttachment.objects.filter(file=name).exists()
        )
        if in_use:
            SubmissionFile.objects.filter(pk=stored.pk).update(file="", published_name=name)
            return "published"
        if not default_storage.exists(name):
            self.stderr.write(f"Missing: {name} (file {stored.pk})")
            return "missing"
        with default_storage.open(name, "rb") as handle:
            new_name = private_storage.save(submission_file_path(stored, name), File(handle))
        try:
            with transaction.atomic():
                SubmissionFile.objects.filter(pk=stored.pk).update(file=new_name)
        except BaseException:
            private_storage.delete(new_name)
            raise
        # Only once the row names the private copy: a run stopped before this point
        # leaves the public file in place for the next run.
        default_storage.delete(name)
        return "moved"

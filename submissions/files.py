"""Images and PDF attachments of a submission, stored as soon as they are uploaded.

Both are accepted by content, never by name: images are decoded and re-encoded by
deeds.images (which drops EXIF, GPS location included); a PDF must start with the
PDF signature and end with its end-of-file marker.
"""

from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.text import slugify
from django.utils.translation import gettext as _
from PIL import Image

from deeds.images import clean_image_upload
from deeds.models import DeedAttachment, DeedImage

from .forms import clean_text
from .models import FileKind, SubmissionFile


def clean_pdf_upload(upload):
    if upload.size > settings.ATTACHMENT_MAX_BYTES:
        raise ValidationError(
            _("The file is too large: at most %(mb)d MB.")
            % {"mb": settings.ATTACHMENT_MAX_BYTES // (1024 * 1024)}
        )
    upload.seek(0)
    data = upload.read()
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-2048:]:
        raise ValidationError(_("Only PDF files are accepted as attachments."))
    stem = slugify(PurePosixPath(upload.name or "liite").stem)[:60] or "liite"
    return ContentFile(data, name=f"{stem}.pdf")


def _store(submission, kind, upload, content, position):
    stored = SubmissionFile(
        submission=submission,
        kind=kind,
        original_name=(upload.name or "")[:200],
        size=content.size,
        position=position,
    )
    if kind == FileKind.IMAGE:
        content.seek(0)
        with Image.open(content) as image:
            stored.width, stored.height = image.size
        content.seek(0)
    stored.file.save(content.name, content, save=False)
    stored.save()
    return stored


def file_discard(stored):
    """Forget an uploaded file, and delete it from storage unless a deed shows it: an
    edit of a published deed (and a published new deed) shares the deed's files."""
    name = stored.file.name
    in_use = (
        DeedImage.objects.filter(image=name).exists()
        or DeedAttachment.objects.filter(file=name).exists()
    )
    if not in_use:
        stored.file.delete(save=False)
    stored.delete()


def files_update(submission, post, uploads):
    """Apply removals, text alternatives and new uploads from one form post.

    Returns error messages (in the active language) for files that were refused;
    everything else is kept.
    """
    errors = []
    remove = set(post.getlist("remove_file"))
    for stored in submission.files.all():
        if str(stored.pk) in remove:
            file_discard(stored)
            continue
        alt = post.get(f"alt_text_{stored.pk}")
        alt = None if alt is None else clean_text(alt).strip()[:300]
        if alt is not None and alt != stored.alt_text:
            stored.alt_text = alt
            stored.save(update_fields=["alt_text"])
    limits = {
        FileKind.IMAGE: (settings.SUBMISSION_MAX_IMAGES, clean_image_upload, "images"),
        FileKind.ATTACHMENT: (settings.SUBMISSION_MAX_ATTACHMENTS, clean_pdf_upload, "attachments"),
    }
    for kind, (limit, clean, field) in limits.items():
        count = submission.files.filter(kind=kind).count()
        for upload in uploads.getlist(field):
            if count >= limit:
                errors.append(
                    _("“%(name)s” was not added: at most %(limit)d files of this kind.")
                    % {"name": upload.name, "limit": limit}
                )
                continue
            try:
                content = clean(upload)
            except ValidationError as error:
                errors.append(f"“{upload.name}”: {' '.join(error.messages)}")
                continue
            _store(submission, kind, upload, content, count)
            count += 1
    return errors


def files_missing_text(submission):
    """Messages for what must be fixed in the files before sending."""
    missing = [f for f in submission.files.all() if f.kind == FileKind.IMAGE and not f.alt_text]
    return [
        _("Describe the image “%(name)s” for people who cannot see it.") % {"name": f.original_name}
        for f in missing
    ]

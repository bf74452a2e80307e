"""Images and PDF attachments of a submission, changed by the same post as its text.

Both are accepted by content, never by name: images are decoded and re-encoded by
deeds.images (which drops EXIF, GPS location included); a PDF must start with the
PDF signature and end with its end-of-file marker.

Until a deed is published its files are private (storage.py): they are kept outside
MEDIA_ROOT under random names and served by file_views.py to those who may see them.
Publication copies them to the public storage (``files_publish``), where the deed
shows them; an edit of a published deed starts from those public copies.

A post's file changes are saved in the transaction that saves its text (see
services.submission_save). Storage is not part of that transaction, so
``files_atomic`` deletes files written in it again when it rolls back, and a removed
file leaves storage only once the removal is committed.
"""

import logging
import re
import zlib
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile, File
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from PIL import Image

from deeds.images import clean_image_upload
from deeds.models import attachment_upload_to, image_upload_to

from .forms import clean_text
from .models import FileKind, SubmissionFile
from .storage import private_storage, random_filename

log = logging.getLogger(__name__)

NOT_STORED = gettext_lazy(
    "The images and attachments could not be stored just now, so nothing of this save "
    "was kept. Choose the files again and save once more."
)


class FileStorageError(Exception):
    """Storage refused a file; the post that brought it is not saved at all."""


@dataclass(frozen=True)
class FileChanges:
    """What one post of the form asks of the files: stored files to remove (ids as
    posted), new text alternatives by id, and new uploads by kind."""

    remove: frozenset = frozenset()
    alt_texts: dict = field(default_factory=dict)
    uploads: dict = field(default_factory=dict)


NO_FILE_CHANGES = FileChanges()
UPLOAD_FIELDS = {FileKind.IMAGE: "images", FileKind.ATTACHMENT: "attachments"}


def file_changes(post, uploads):
    """The file changes in a post of the form (``request.POST``, ``request.FILES``)."""
    return FileChanges(
        remove=frozenset(post.getlist("remove_file")),
        alt_texts={
            key.removeprefix("alt_text_"): clean_text(value).strip()[:300]
            for key, value in post.items()
            if key.startswith("alt_text_")
        },
        uploads={kind: tuple(uploads.getlist(name)) for kind, name in UPLOAD_FIELDS.items()},
    )


# PDF features that run something or carry other files: scripts, actions on opening or
# on events, launching programs, embedded files, forms that submit, Flash and XFA.
ACTIVE_PDF = re.compile(
    rb"/(JavaScript|JS|OpenAction|AA|Launch|EmbeddedFiles?|RichMedia|XFA|SubmitForm|ImportData)"
    rb"(?![A-Za-z])"
)
PDF_STREAM = re.compile(rb"stream\r?\n(.*?)endstream", re.DOTALL)
# Inflating a compressed stream stops here: a small file must not become gigabytes.
PDF_INFLATE_LIMIT = 50 * 1024 * 1024


def _pdf_names(data):
    """Names as a reader sees them: "/J#61vaScript" is "/JavaScript" (PDF 1.2 escapes)."""
    return re.sub(rb"#([0-9A-Fa-f]{2})", lambda m: bytes([int(m[1], 16)]), data)


def pdf_has_active_content(data):
    """Whether the PDF has active content, in its plain objects or in compressed object
    streams (where PDF 1.5 and later keep most dictionaries)."""
    if ACTIVE_PDF.search(_pdf_names(data)):
        return True
    budget = PDF_INFLATE_LIMIT
    for match in PDF_STREAM.finditer(data):
        inflater = zlib.decompressobj()
        try:
            inflated = inflater.decompress(match[1], budget)
        except zlib.error:
            continue  # not a Flate stream (an image, say)
        budget -= len(inflated)
        if ACTIVE_PDF.search(_pdf_names(inflated)):
            return True
        if budget <= 0:
            return True  # too much to inspect: refused rather than trusted
    return False


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
    if pdf_has_active_content(data):
        raise ValidationError(
            _(
                "The PDF contains scripts, actions or embedded files, which are not accepted. "
                "Save it again as a plain PDF (for example with “Print to PDF”)."
            )
        )
    stem = slugify(PurePosixPath(upload.name or "liite").stem)[:60] or "liite"
    return ContentFile(data, name=f"{stem}.pdf")


def _limits():
    return {
        FileKind.IMAGE: (settings.SUBMISSION_MAX_IMAGES, clean_image_upload),
        FileKind.ATTACHMENT: (settings.SUBMISSION_MAX_ATTACHMENTS, clean_pdf_upload),
    }


def _over_limit(upload, limit):
    return _("“%(name)s” was not added: at most %(limit)d files of this kind.") % {
        "name": upload.name,
        "limit": limit,
    }


@dataclass
class CheckedUploads:
    """Uploads checked by content: the accepted ones with their safe copies, by kind,
    and messages naming the refused ones."""

    accepted: dict
    refused: list


def files_check(changes):
    """Check the uploads by content. Decoding and re-encoding images takes time, so
    this runs before the transaction; uploads past the limit are refused undecoded."""
    accepted, refused = {}, []
    for kind, (limit, clean) in _limits().items():
        accepted[kind] = []
        for upload in changes.uploads.get(kind, ()):
            if len(accepted[kind]) >= limit:
                refused.append(_over_limit(upload, limit))
                continue
            try:
                content = clean(upload)
            except ValidationError as error:
                refused.append(f"“{upload.name}”: {' '.join(error.messages)}")
                continue
            accepted[kind].append((upload, content))
    return CheckedUploads(accepted, refused)


def _storage():
    return private_storage


def _delete_from_storage(names):
    """Delete ``names``: each a name in the private storage or a (storage, name) pair."""
    for entry in names:
        storage, name = entry if isinstance(entry, tuple) else (_storage(), entry)
        try:
            storage.delete(name)
        except Exception:  # storage is the outside world: a leftover file is no error
            log.exception("Could not delete %s from storage", name)


@contextmanager
def files_atomic():
    """One transaction for rows and the stored files they name. Yields the list that
    ``files_apply`` adds the names of files it writes to: if the block fails (or its
    commit does), those are deleted again, since storage cannot roll back. (Run
    inside a caller's transaction that rolls back later, they stay behind unused.)"""
    written = []
    try:
        with transaction.atomic():
            yield written
    except BaseException:
        _delete_from_storage(written)
        raise


def _same_file(stored, upload, content):
    """Whether ``stored`` already is this upload: a repeated post (double click, a
    resend after a lost response) brings the same file again."""
    if stored.original_name != (upload.name or "")[:200] or stored.size != content.size:
        return False
    if not stored.file.name:
        return False
    content.seek(0)
    try:
        with _storage().open(stored.file.name, "rb") as handle:
            return handle.read() == content.read()
    except OSError:
        return False
    finally:
        content.seek(0)


def _store(submission, kind, upload, content, position, written):
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
    try:
        stored.file.save(content.name, content, save=False)
    except Exception as error:
        log.exception("Could not store an uploaded file of submission %s", submission.pk)
        raise FileStorageError from error
    written.append((_storage(), stored.file.name))
    stored.save()
    return stored


def file_discard(stored):
    """Forget an uploaded file. Its private copy is deleted once this is committed; a
    public copy stays for the deed that shows it."""
    name = stored.file.name
    stored.delete()
    if name:
        transaction.on_commit(lambda: _delete_from_storage([name]))


def files_publish(files, written):
    """Copy the private files a deed is about to show to the public storage (once:
    a file already published keeps its copy) and return them with ``published_name``
    set. Runs inside ``files_atomic``, whose ``written`` list gets the copies, so a
    publication that fails leaves none behind."""
    for stored in files:
        if stored.published_name:
            continue
        upload_to = image_upload_to if stored.kind == FileKind.IMAGE else attachment_upload_to
        try:
            with _storage().open(stored.file.name, "rb") as handle:
                name = default_storage.save(
                    upload_to(None, random_filename(stored.file.name)),
                    File(handle),
                )
        except Exception as error:
            log.exception("Could not publish file %s", stored.pk)
            raise FileStorageError from error
        written.append((default_storage, name))
        stored.published_name = name
        stored.save(update_fields=["published_name"])
    return files


def _log(submission, action, stored, actor, actor_label):
    submission.log_action(
        action,
        actor=actor,
        actor_label=actor_label,
        data={"file": stored.pk, "kind": stored.kind, "name": stored.original_name},
    )


def files_apply(submission, changes, checked, *, written, actor=None, actor_label=""):
    """Apply one post's removals, text alternatives and checked uploads to a locked
    submission, inside ``files_atomic``; additions and removals are audited.

    Returns messages for the uploads refused because the submission has as many
    files of their kind as it may have.
    """
    refused = []
    for stored in submission.files.all():
        if str(stored.pk) in changes.remove:
            file_discard(stored)
            _log(submission, "submission.file_removed", stored, actor, actor_label)
            continue
        alt = changes.alt_texts.get(str(stored.pk))
        if alt is not None and alt != stored.alt_text:
            stored.alt_text = alt
            stored.save(update_fields=["alt_text"])
    for kind, (limit, _clean) in _limits().items():
        kept = list(submission.files.filter(kind=kind))
        for upload, content in checked.accepted.get(kind, ()):
            if any(_same_file(stored, upload, content) for stored in kept):
                continue
            if len(kept) >= limit:
                refused.append(_over_limit(upload, limit))
                continue
            stored = _store(submission, kind, upload, content, len(kept), written)
            kept.append(stored)
            _log(submission, "submission.file_added", stored, actor, actor_label)
    return refused


def files_as_posted(submission, changes):
    """The stored files with the text alternatives a post typed for them, to show
    the form again after that post could not be saved."""
    if submission is None:
        return []
    files = list(submission.files.all())
    for stored in files:
        stored.alt_text = changes.alt_texts.get(str(stored.pk), stored.alt_text)
    return files


def files_missing_text(submission):
    """Messages for what must be fixed in the files before sending."""
    missing = [f for f in submission.files.all() if f.kind == FileKind.IMAGE and not f.alt_text]
    return [
        _("Describe the image “%(name)s” for people who cannot see it.") % {"name": f.original_name}
        for f in missing
    ]

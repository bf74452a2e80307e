"""The files of unpublished submissions, served only to those who may see them: the
submitter through the secret form link, staff, and the editors of the organisation
once the draft is sent (Submission.objects.seen_by_editor). Anyone else gets 404, as
for a file that does not exist.

The files live outside MEDIA_ROOT (storage.py). With PRIVATE_MEDIA_ACCEL_PREFIX set,
the app only checks permission and nginx sends the file from an ``internal``
location (X-Accel-Redirect); otherwise the app streams it.
"""

from pathlib import PurePosixPath
from urllib.parse import quote

from django.conf import settings
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_safe

from .models import FileKind, Submission, SubmissionFile
from .storage import private_storage

# The formats deeds.images writes; a PDF is application/pdf.
IMAGE_TYPES = {".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png"}
IMAGE_TYPES[".webp"] = "image/webp"
FORM_KEY_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")


def file_url(stored, form_key=None):
    """Where a page shows ``stored``: the submitter's address (with the form's secret
    key) or the signed-in one for staff and editors. A file carried over from the
    published deed has only its public copy."""
    if not stored.file.name:
        return default_storage.url(stored.published_name) if stored.published_name else ""
    if form_key:
        return reverse("submissions:file", kwargs={"form_key": form_key, "pk": stored.pk})
    return reverse("submissions:file_signed_in", kwargs={"pk": stored.pk})


def with_urls(files, form_key=None):
    """``files`` with ``shown_url`` set for the page that shows them."""
    for stored in files:
        stored.shown_url = file_url(stored, form_key)
    return files


@require_safe
def submission_file(request, form_key, pk):
    """The submitter's own file, through the secret form link."""
    if not 20 <= len(form_key) <= 64 or not FORM_KEY_CHARS.issuperset(form_key):
        raise Http404
    stored = get_object_or_404(SubmissionFile, pk=pk, submission__form_key=form_key)
    return _serve(stored)


@require_safe
def submission_file_signed_in(request, pk):
    """A file for staff, or for an editor of the submission's organisation."""
    user = request.user
    if not user.is_authenticated:
        raise Http404
    submissions = Submission.objects.all()
    if not user.is_staff:
        submissions = submissions.seen_by_editor(user)
    stored = get_object_or_404(SubmissionFile, pk=pk, submission__in=submissions)
    return _serve(stored)


def _serve(stored):
    name = stored.file.name
    if not name:
        raise Http404
    is_image = stored.kind == FileKind.IMAGE
    content_type = "application/pdf"
    if is_image:
        content_type = IMAGE_TYPES.get(
            PurePosixPath(name).suffix.lower(), "application/octet-stream"
        )
    filename = stored.original_name or PurePosixPath(name).name
    prefix = settings.PRIVATE_MEDIA_ACCEL_PREFIX
    if prefix:
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = f"{prefix.rstrip('/')}/{quote(name)}"
    else:
        try:
            handle = private_storage.open(name, "rb")
        except OSError:
            raise Http404 from None
        response = FileResponse(handle, content_type=content_type)
    # A PDF is downloaded, never shown in the portal's origin; an image is shown.
    response["Content-Disposition"] = content_disposition_header(not is_image, filename)
    response["Cache-Control"] = "no-store, private"
    response["X-Content-Type-Options"] = "nosniff"
    return response

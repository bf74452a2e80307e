"""The deed exactly as it will look, and what an edit changes.

The deed is written with the same code that publishes it, rendered with the same
template as the public page, and the transaction is then rolled back: nothing of
the preview stays in the database or the search index.
"""

import difflib

from django.db import transaction
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

from deeds.changes import quiet as derived_data_quiet

from .apply import deed_write, requested_organisation
from .file_views import file_url


class _Rollback(Exception):  # noqa: N818 - not an error: ends the preview
    pass


def _article(deed, request, private_urls):
    from django.db.models import Prefetch, prefetch_related_objects

    from recognition.awards import Award

    deed.public_contacts = [c for c in deed.contacts.all() if c.publish_consent]
    # The preview's deed names the private files, which have no public address: the
    # page shows them through the addresses that check who asks (file_views.py).
    prefetch_related_objects([deed], "images", "attachments")
    for image in deed.images.all():
        image.shown_url = private_urls.get(image.image.name, "")
    for attachment in deed.attachments.all():
        attachment.shown_url = private_urls.get(attachment.file.name, "")
    # The editor of an awarded deed must not learn of an award under embargo here.
    prefetch_related_objects(
        [deed], Prefetch("awards", queryset=Award.objects.public().select_related("category__gala"))
    )
    # Embedded in a page that has its own h1 (one h1 per page: WCAG 1.3.1, 2.4.6).
    context = {"deed": deed, "in_preview": True}
    return render_to_string("deeds/_deed_article.html", context, request=request)


def render_preview(submission, form, request, *, organisation=None, form_key=None):
    """(HTML of the deed article, [(field label, old text, new text) changed]). With
    ``form_key`` (the submitter's pages) the files are shown through the secret link,
    without it through the signed-in address for staff and editors."""
    organisation = organisation or form.organisation
    private_urls = {
        stored.file.name: file_url(stored, form_key)
        for stored in submission.files.all()
        if stored.file.name
    }
    result = {}
    try:
        with transaction.atomic(), derived_data_quiet():
            if organisation is None:
                organisation = requested_organisation(submission)
                organisation.save()
            before = deed_snapshot(submission.deed) if submission.is_revision else None
            deed = deed_write(
                submission,
                form.cleaned_data,
                organisation=organisation,
                deed=submission.deed if submission.is_revision else None,
            )
            result["html"] = _article(deed, request, private_urls)
            result["changes"] = changes(before, deed_snapshot(deed)) if before else []
            raise _Rollback
    except _Rollback:
        pass
    return result["html"], result["changes"]


def deed_snapshot(deed):
    """Everything an editor can change, as labelled text, for comparing versions."""
    from deeds.models import Deed

    deed = Deed.objects.get(pk=deed.pk)  # fresh, whatever was prefetched before
    names = lambda related: ", ".join(str(t) for t in related.all())  # noqa: E731
    fields = [
        (deed._meta.get_field(name).verbose_name, getattr(deed, name) or "")
        for name in ("title", "summary", "background", "description", "implementation")
        + ("results", "tips", "unit", "funder")
    ]
    fields += [
        (deed._meta.get_field("organisation").verbose_name, str(deed.organisation)),
        (deed._meta.get_field("partners").verbose_name, names(deed.partners)),
        (deed._meta.get_field("kind").verbose_name, deed.get_kind_display()),
        (deed._meta.get_field("funding").verbose_name, deed.get_funding_display()),
        (
            deed._meta.get_field("project_start").verbose_name,
            f"{deed.project_start or ''} – {deed.project_end or ''}",
        ),
        (deed._meta.get_field("sectors").verbose_name, names(deed.sectors)),
        (deed._meta.get_field("themes").verbose_name, names(deed.themes)),
        (deed._meta.get_field("subthemes").verbose_name, names(deed.subthemes)),
        (deed._meta.get_field("customer_groups").verbose_name, names(deed.customer_groups)),
        (_("Links"), "\n".join(f"{link.title} {link.url}" for link in deed.links.all())),
        (
            _("Contact persons"),
            "\n".join(
                f"{c.name}, {c.role}, {c.email}, {c.phone} ({'+' if c.publish_consent else '-'})"
                for c in deed.contacts.all()
            ),
        ),
        (_("Images"), "\n".join(f"{i.image.name}: {i.alt_text}" for i in deed.images.all())),
        (_("Attachments"), "\n".join(a.file.name for a in deed.attachments.all())),
    ]
    return [(str(label), str(text)) for label, text in fields]


def changes(before, after):
    old = dict(before)
    return [
        (label, word_diff(old.get(label, ""), text))
        for label, text in after
        if old.get(label, "") != text
    ]


def word_diff(old, new):
    """[(op, text)] with op "equal", "delete" or "insert", word by word."""
    a, b = old.split(" "), new.split(" ")
    parts = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            parts.append(("equal", " ".join(a[i1:i2])))
        else:
            if i2 > i1:
                parts.append(("delete", " ".join(a[i1:i2])))
            if j2 > j1:
                parts.append(("insert", " ".join(b[j1:j2])))
    return parts

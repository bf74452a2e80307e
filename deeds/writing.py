"""Writing a deed and all its parts in one go: the story, tags, partners, links,
contacts, images and attachments.

``deeds`` owns every write to a deed; other apps (the share form's publishing and
its preview) hand over plain values and call ``deed_apply`` through
``deeds.services``. It writes but does not audit: the caller knows what the write
means (``deed.created``, ``deed.revised``), and the preview runs it inside a
transaction that is rolled back, so it must leave nothing behind.
"""

from taxonomy.models import themes_with_subthemes

from .contacts import deed_contacts_set
from .images import store_derivatives
from .models import Deed, DeedAttachment, DeedImage, DeedLink, DeedStatus

STORY = ("title", "summary", "background", "description", "implementation", "results", "tips")
PLAIN = ("language", "unit", "kind", "funding", "funder", "project_start", "project_end")
DATES = PLAIN[-2:]


def deed_apply(
    *,
    deed=None,
    fields,
    organisation,
    submitter_email,
    created_at=None,
    sectors=(),
    themes=(),
    subthemes=(),
    customer_groups=(),
    partners=(),
    links=(),
    contacts=(),
    images=(),
    attachments=(),
    final=False,
):
    """Write ``fields`` (STORY and PLAIN values) and the parts onto ``deed`` (a new one,
    in review, when None) and return it.

    ``partners`` are organisations (None and the deed's own organisation are left
    out); ``links`` are dicts of url, title, position; ``contacts`` as for
    ``deed_contacts_set`` (the named are asked for consent only when ``final``);
    ``images`` are dicts of file, alt_text, position and ``attachments`` of file,
    title, size, position, where file is the name of an already stored file: the deed
    points at it, nothing is copied. Links, images and attachments replace the old ones.
    """
    if deed is None:
        deed = Deed(status=DeedStatus.IN_REVIEW)
        if created_at is not None:  # a shared deed dates from when it was sent
            deed.created_at = created_at
    for name in STORY + PLAIN:
        setattr(deed, name, fields.get(name) or ("" if name not in DATES else None))
    deed.organisation = organisation
    deed.municipality = None  # the organisation's home municipality (Deed.save)
    deed.submitter_email = submitter_email
    deed.save()

    deed_tags_set(
        deed,
        sectors=sectors,
        themes=themes,
        subthemes=subthemes,
        customer_groups=customer_groups,
    )
    deed.partners.set({p for p in partners if p is not None and p != organisation})

    deed.links.all().delete()
    DeedLink.objects.bulk_create(
        DeedLink(deed=deed, url=link["url"], title=link["title"], position=link["position"])
        for link in links
    )
    deed_contacts_set(deed, list(contacts), submitter_email=submitter_email, ask=final)
    _apply_files(deed, images, attachments, final=final)
    return deed


def deed_tags_set(deed, *, sectors, themes, subthemes, customer_groups):
    """Tag a saved ``deed`` with these terms, replacing its old tags; the themes of its
    subthemes are added (``themes_with_subthemes``)."""
    subthemes = list(subthemes)
    deed.sectors.set(sectors)
    deed.themes.set(themes_with_subthemes(themes, subthemes))
    deed.subthemes.set(subthemes)
    deed.customer_groups.set(customer_groups)


def _apply_files(deed, images, attachments, *, final):
    deed.images.all().delete()
    deed.attachments.all().delete()
    for values in images:
        # Known dimensions spare reading the file (a preview's file is not in the
        # public storage at all).
        image = DeedImage.objects.create(
            deed=deed,
            image=values["file"],
            alt_text=values["alt_text"],
            position=values["position"],
            width=values.get("width") or 0,
            height=values.get("height") or 0,
        )
        if final:
            store_derivatives(image)
    for values in attachments:
        DeedAttachment.objects.create(
            deed=deed,
            file=values["file"],
            title=values["title"],
            size=values["size"],
            position=values["position"],
        )

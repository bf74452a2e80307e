"""The deeds app's privacy contract (docs/privacy.md): the submitter's address kept with
a deed (never published) and the deed's contact persons.

Erasing keeps the deed, which describes an organisation's work rather than the person,
and removes the person from it: their contact rows, the submitter's address, and the
address and the person's phone numbers wherever they were typed into the deed's text,
its images' texts, its attachments' titles and its links (a link to the address goes).
A changed deed is saved through the ORM, so its search entry and the catalogue follow
through the change hooks (``catalogue/changes.py``). Both are kept as long as the deed,
so there is no retention job.
"""

from django.db import transaction
from django.utils.translation import gettext as _

from core.redaction import Redaction

from .models import Deed, DeedAttachment, DeedContact, DeedImage, DeedLink

MODELS = [Deed, DeedContact]

TEXTS = (
    "title",
    "summary",
    "background",
    "description",
    "implementation",
    "results",
    "tips",
    "unit",
    "funder",
)


def personal_data_export(address):
    return {
        "deeds_as_submitter": list(
            Deed.objects.filter(submitter_email__iexact=address).values_list("pk", "title")
        ),
        "contact_details": [
            {
                "deed": c.deed_id,
                "name": c.name,
                "role": c.role,
                "email": c.email,
                "phone": c.phone,
                "published": c.publish_consent,
            }
            for c in DeedContact.objects.filter(email__iexact=address)
        ],
        # Deeds whose text gives the address or the person's phone number.
        "deeds_mentioning": [
            [deed.pk, deed.title]
            for deed in Redaction(address, personal_data_phones(address)).candidates(
                Deed.objects.all(), *TEXTS
            )
        ],
    }


def personal_data_phones(address):
    return list(
        DeedContact.objects.filter(email__iexact=address)
        .exclude(phone="")
        .values_list("phone", flat=True)
    )


def _redact_parts(redaction):
    """Blank the person in deeds' images, attachments and links; returns the deeds."""
    deeds = set()
    for model, fields in ((DeedImage, ("alt_text", "caption")), (DeedAttachment, ("title",))):
        for part in redaction.candidates(model.objects.all(), *fields):
            part.save(update_fields=redaction.redact(part, *fields))
            deeds.add(part.deed_id)
    for link in redaction.candidates(DeedLink.objects.all(), "url", "title"):
        if redaction.mentioned(link.url):  # mailto: or tel:, or the address in a query
            link.delete()
        else:
            link.save(update_fields=redaction.redact(link, "title"))
        deeds.add(link.deed_id)
    return deeds


@transaction.atomic
def personal_data_erase(address, phones=()):
    redaction = Redaction(address, phones)
    contacts = DeedContact.objects.filter(email__iexact=address)
    touched = set(contacts.values_list("deed_id", flat=True)) | _redact_parts(redaction)
    contacts_deleted = contacts.delete()[0]
    submitted = Deed.objects.filter(submitter_email__iexact=address)
    as_submitter = submitted.update(submitter_email="")
    texts = 0
    by_pk = {deed.pk: deed for deed in redaction.candidates(Deed.objects.all(), *TEXTS)}
    by_pk.update((d.pk, d) for d in Deed.objects.filter(pk__in=touched - by_pk.keys()))
    for deed in by_pk.values():
        changed = redaction.redact(deed, *TEXTS)
        texts += bool(changed)
        # Saved even when only its contacts or parts changed: the post_save hooks
        # re-index it and move the catalogue's token, so no page shows them from a cache.
        deed.save(update_fields=[*changed, "slug", "title_sort_key", "updated_at"])
    return {"contacts": contacts_deleted, "deeds": as_submitter, "deed texts": texts}


def personal_data_prune(now=None):
    return {}


def notice_purposes():
    return [
        dict(
            key="contacts",
            title=_("Contact persons of deeds"),
            description=_(
                "A deed can name people whom readers may contact about it. Their details "
                "are published only with their own consent: a person named by someone "
                "else is emailed when the deed is published and asked to agree; anyone "
                "can withdraw at any time through the link we email them."
            ),
            data=_("Name, title or role, email address and phone number."),
            legal_basis=_("Consent (GDPR art. 6(1)(a)) for publishing the details."),
            retention=[
                _(
                    "Withdrawing consent removes the details from public pages at once; "
                    "they are stored with the deed until it is removed or the person asks "
                    "for erasure."
                )
            ],
        )
    ]

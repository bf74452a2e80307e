"""The deeds app's privacy contract (docs/privacy.md): the submitter's address kept with
a deed (never published) and the deed's contact persons.

Erasing keeps the deed, which describes an organisation's work rather than the person,
and removes the person from it. Both are kept as long as the deed, so there is no
retention job.
"""

from django.utils.translation import gettext as _

from .models import Deed, DeedContact

MODELS = [Deed, DeedContact]


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
    }


def personal_data_erase(address):
    return {
        "contacts": DeedContact.objects.filter(email__iexact=address).delete()[0],
        "deeds": Deed.objects.filter(submitter_email__iexact=address).update(submitter_email=""),
    }


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

"""Turning a submission's form contents into a deed, and a deed back into form values.

The same ``deed_apply`` writes the published deed and renders the preview (inside a
transaction that is rolled back, see preview.py), so staff and submitters see
exactly what will be published.
"""

from deeds.contacts import deed_contacts_set
from deeds.images import store_derivatives
from deeds.models import ContactConsent, Deed, DeedAttachment, DeedImage, DeedLink, DeedStatus
from organisations.models import Organisation

from .forms import CONTACTS, LINKS, organisation_named
from .models import FileKind

STORY = ("title", "summary", "background", "description", "implementation", "results", "tips")
PLAIN = ("language", "unit", "kind", "funding", "funder", "project_start", "project_end")


def partner_lines(text):
    return [" ".join(line.split()) for line in (text or "").splitlines() if line.strip()]


def unknown_partners(text):
    """Partner names the registry does not know, for the moderator to check."""
    return [name for name in partner_lines(text) if organisation_named(name) is None]


def requested_organisation(submission):
    """An unsaved organisation from a "not listed" request, for previews."""
    data = submission.data
    from organisations.models import Municipality

    municipality = Municipality.objects.filter(pk=data.get("new_organisation_municipality") or 0)
    return Organisation(
        name_fi=data.get("new_organisation_name", "")[:200] or "?",
        type=data.get("new_organisation_type") or "other",
        municipality=municipality.first(),
    )


def deed_apply(submission, cleaned, *, organisation, deed=None, final=False):
    """Write the form's cleaned data onto ``deed`` (a new one when None) and return it."""
    if deed is None:
        deed = Deed(status=DeedStatus.IN_REVIEW, created_at=submission.created_at)
    for name in STORY + PLAIN:
        setattr(deed, name, cleaned.get(name) or ("" if name not in PLAIN[-2:] else None))
    deed.organisation = organisation
    deed.municipality = None  # the organisation's home municipality (Deed.save)
    deed.submitter_email = submission.email
    deed.save()

    subthemes = list(cleaned["subthemes"])
    deed.sectors.set(cleaned["sectors"])
    deed.themes.set({*cleaned["themes"], *(s.theme for s in subthemes)})
    deed.subthemes.set(subthemes)
    deed.customer_groups.set(cleaned["customer_groups"])
    partners = [organisation_named(name) for name in partner_lines(cleaned["partners"])]
    deed.partners.set({p for p in partners if p is not None and p != organisation})

    deed.links.all().delete()
    DeedLink.objects.bulk_create(
        DeedLink(
            deed=deed,
            url=cleaned[f"link_url_{n}"],
            title=cleaned[f"link_title_{n}"],
            position=n,
        )
        for n in range(1, LINKS + 1)
        if cleaned.get(f"link_url_{n}")
    )
    # Colleagues named here are asked for their own consent when the deed is
    # published (final), not when it is sent: only what moderators let through
    # reaches a third party's inbox, so the public form cannot be used to send mail
    # to any address, and nobody is asked about a deed that is then rejected.
    deed_contacts_set(
        deed,
        [
            {
                "name": cleaned[f"contact_name_{n}"],
                "role": cleaned[f"contact_role_{n}"],
                "email": cleaned[f"contact_email_{n}"],
                "phone": cleaned[f"contact_phone_{n}"],
                "own_consent": cleaned[f"contact_consent_{n}"],
            }
            for n in range(1, CONTACTS + 1)
            if cleaned.get(f"contact_name_{n}")
        ],
        submitter_email=submission.email,
        ask=final,
    )
    _apply_files(submission, deed, final=final)
    return deed


def _apply_files(submission, deed, *, final):
    # The deed points at the stored files themselves; nothing is copied.
    deed.images.all().delete()
    deed.attachments.all().delete()
    files = list(submission.files.all())
    for stored in files:
        if stored.kind == FileKind.IMAGE:
            image = DeedImage.objects.create(
                deed=deed,
                image=stored.file.name,
                alt_text=stored.alt_text,
                position=stored.position,
            )
            if final:
                store_derivatives(image)
        else:
            DeedAttachment.objects.create(
                deed=deed,
                file=stored.file.name,
                title=stored.original_name.rsplit(".", 1)[0][:200] or "PDF",
                size=stored.size,
                position=stored.position,
            )


def values_from_deed(deed):
    """A published deed as raw form values, the starting point of an edit."""
    values = {name: getattr(deed, name) or "" for name in STORY + PLAIN}
    for name in ("project_start", "project_end"):
        values[name] = values[name].isoformat() if values[name] else ""
    values["organisation_name"] = deed.organisation.name_fi
    values["partners"] = "\n".join(p.name_fi for p in deed.partners.all())
    values["email"] = deed.submitter_email
    for name in ("sectors", "themes", "subthemes", "customer_groups"):
        values[name] = [str(pk) for pk in getattr(deed, name).values_list("pk", flat=True)]
    for n, link in enumerate(deed.links.all()[:LINKS], start=1):
        values[f"link_url_{n}"], values[f"link_title_{n}"] = link.url, link.title
    for n, contact in enumerate(deed.contacts.all()[:CONTACTS], start=1):
        for field in ("name", "role", "email", "phone"):
            values[f"contact_{field}_{n}"] = getattr(contact, field)
        if contact.publish_consent:
            values[f"contact_consent_{n}"] = "on"
    return values


def contact_consents(submission):
    """[(name, email, ContactConsent)] for the submitter's follow page and moderators:
    the published deed's contacts once it is live, before that the form's rows as
    they will be treated on publishing."""
    from .models import SubmissionStatus

    deed = submission.deed
    if deed is not None and submission.status == SubmissionStatus.PUBLISHED:
        return [(c.name, c.email, ContactConsent(c.consent_state)) for c in deed.contacts.all()]
    data, rows = submission.data, []
    known = {c.email.lower(): c for c in deed.contacts.all() if c.email} if deed else {}
    for n in range(1, CONTACTS + 1):
        name = str(data.get(f"contact_name_{n}", "")).strip()
        email = str(data.get(f"contact_email_{n}", "")).strip()
        if not name:
            continue
        if email and email.lower() == submission.email.lower():
            own = bool(data.get(f"contact_consent_{n}"))
            state = ContactConsent.OWN if own else ContactConsent.NOT_GIVEN
        elif email.lower() in known:
            state = ContactConsent(known[email.lower()].consent_state)
        else:
            state = ContactConsent.TO_ASK if email else ContactConsent.NO_ADDRESS
        rows.append((name, email, state))
    return rows

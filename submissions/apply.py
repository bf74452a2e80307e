"""Turning a submission's form contents into a deed, and a deed back into form values.

The same ``deed_write`` (the form's values handed to the deeds service
``deed_apply``) writes the published deed and renders the preview (inside a
transaction that is rolled back, see preview.py), so staff and submitters see
exactly what will be published.
"""

from deeds.models import ContactConsent
from deeds.services import deed_apply
from deeds.writing import PLAIN, STORY
from organisations.models import Organisation

from .files import files_publish
from .forms import CONTACTS, LINKS, organisation_named
from .models import FileKind


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


def deed_write(submission, cleaned, *, organisation, deed=None, final=False, written=None):
    """Write the form's cleaned data onto ``deed`` (a new one when None) through the
    deeds service, and return it.

    A final write (publication) copies the private files to the public storage first
    (``files_publish``, the copies added to ``written``); a preview's deed names the
    private files, which preview.py shows through the permission-checked addresses."""
    files = list(submission.files.all())
    if final:
        files = files_publish(files, written if written is not None else [])
    return deed_apply(
        deed=deed,
        fields={name: cleaned.get(name) for name in STORY + PLAIN},
        organisation=organisation,
        submitter_email=submission.email,
        created_at=submission.created_at,
        sectors=cleaned["sectors"],
        themes=cleaned["themes"],
        subthemes=cleaned["subthemes"],
        customer_groups=cleaned["customer_groups"],
        partners=[organisation_named(name) for name in partner_lines(cleaned["partners"])],
        links=[
            {
                "url": cleaned[f"link_url_{n}"],
                "title": cleaned[f"link_title_{n}"],
                "position": n,
            }
            for n in range(1, LINKS + 1)
            if cleaned.get(f"link_url_{n}")
        ],
        # Colleagues named here are asked for their own consent when the deed is
        # published (final), not when it is sent: only what moderators let through
        # reaches a third party's inbox, so the public form cannot be used to send mail
        # to any address, and nobody is asked about a deed that is then rejected.
        contacts=[
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
        images=[
            {
                "file": stored.published_name or stored.file.name,
                "alt_text": stored.alt_text,
                "position": stored.position,
                "width": stored.width,
                "height": stored.height,
            }
            for stored in files
            if stored.kind == FileKind.IMAGE
        ],
        attachments=[
            {
                "file": stored.published_name or stored.file.name,
                "title": stored.original_name.rsplit(".", 1)[0][:200] or "PDF",
                "size": stored.size,
                "position": stored.position,
            }
            for stored in files
            if stored.kind != FileKind.IMAGE
        ],
        final=final,
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

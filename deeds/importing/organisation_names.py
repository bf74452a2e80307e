"""The organisations a line names, as its organisation or its partners.

A name (in any language) or slug is matched against the portal's organisations. An
unknown one is an error unless ``--create-organisations`` is given; then it becomes
a ``NewOrganisation``, created when the first line that needs it is written.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError

from organisations.models import Organisation, OrganisationType

from .lookups import AMBIGUOUS, match_key


class UnusableNameError(Exception):
    """A name that cannot be used, with the message for the editor."""


@dataclass(frozen=True)
class NewOrganisation:
    """An organisation the file names that the portal does not know yet."""

    name: str
    line: int  # the line its details come from
    type: str = OrganisationType.OTHER
    municipality_id: int | None = None
    # Named only as a partner so far. A line's organisation_type and municipality
    # describe its own organisation, not its partners, so a later line that names
    # this one as its organisation still gives the details.
    partner_only: bool = False

    def build(self):
        """The organisation, not yet saved."""
        return Organisation(name_fi=self.name, type=self.type, municipality_id=self.municipality_id)


def main_organisation(lookups, name, type_, municipality_id, line):
    """The pk of a known organisation, or the match key of a new one."""
    ref = _known_or_new(lookups, name, "organisation")
    if isinstance(ref, int):
        return ref
    new = lookups.new_organisations.get(ref)
    if new is None or new.partner_only:
        new = NewOrganisation(
            name=name,
            line=line,
            type=type_ or OrganisationType.OTHER,
            municipality_id=municipality_id,
        )
        try:
            new.build().clean()
        except ValidationError as error:
            messages = " ".join(error.messages)
            raise UnusableNameError(f'new organisation "{name}": {messages}') from None
        lookups.new_organisations[ref] = new
    elif type_ and type_ != new.type:
        raise UnusableNameError(
            f'organisation_type "{type_}" differs from "{new.type}" given for the new'
            f' organisation "{new.name}" on line {new.line}'
        )
    return ref


def partner(lookups, name, line):
    """Like ``main_organisation``, but the line's type and municipality are not the partner's."""
    ref = _known_or_new(lookups, name, "partner")
    if isinstance(ref, str) and ref not in lookups.new_organisations:
        lookups.new_organisations[ref] = NewOrganisation(name=name, line=line, partner_only=True)
    return ref


def _known_or_new(lookups, name, label):
    found = lookups.organisation(name)
    if found is AMBIGUOUS:
        raise UnusableNameError(f'{label} "{name}" matches several organisations; use its slug')
    if found is not None:
        return found
    if not lookups.create_organisations:
        raise UnusableNameError(
            f'unknown {label} "{name}" (check the name, or run with'
            " --create-organisations to create it)"
        )
    return match_key(name)

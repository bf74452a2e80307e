"""Walks every app's privacy contract (docs/privacy.md): the ``personal_data`` and
``prune`` commands and the privacy notice read the apps through this module only.

A contract is a module, usually ``<app>/privacy.py``, listed in settings.PRIVACY_CONTRACTS
and providing:

- ``MODELS``: the models holding personal data that it answers for;
- ``personal_data_export(address)`` → ``{section: [...]}`` for the export's JSON;
- ``personal_data_erase(address, phones)`` → ``{what: count}``: deletes or anonymises,
  also where the address or one of the person's phone numbers was typed into a text
  (``core.redaction``);
- optionally ``personal_data_phones(address)`` → the phone numbers the app stores with
  the address: every contract's erasure gets them all;
- ``personal_data_prune(now=None)`` → ``{what: count}``: the app's retention job;
- ``notice_purposes()`` → ``[dict]`` with the fields of ``tori.privacy_notice.Purpose``.

Addresses reach the contracts stripped and in lower case. The contracts run in the
settings' order; the audit log's comes last, so it also anonymises the entries the
others' erasures wrote.
"""

from importlib import import_module

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.utils import timezone

from audit.privacy import erasure_record

INTERFACE = (
    "MODELS",
    "personal_data_export",
    "personal_data_erase",
    "personal_data_prune",
    "notice_purposes",
)


def contracts():
    """The contract modules, in the settings' order."""
    return [import_module(path) for path in settings.PRIVACY_CONTRACTS]


def _normalised(address):
    return address.strip().lower()


def _merge(into, part, contract):
    # Two contracts answering under one name would hide one of them in the output.
    if clash := into.keys() & part.keys():
        raise ImproperlyConfigured(f"{contract.__name__} reuses {sorted(clash)}")
    into.update(part)


def personal_data_export(address):
    address = _normalised(address)
    exported = {"email": address, "exported_at": timezone.now().isoformat()}
    for contract in contracts():
        _merge(exported, contract.personal_data_export(address), contract)
    return exported


def personal_data_phones(address):
    """The phone numbers stored with the address in any app, to erase them wherever they
    were typed too."""
    address = _normalised(address)
    phones = set()
    for contract in contracts():
        if found := getattr(contract, "personal_data_phones", None):
            phones.update(p for p in found(address) if p)
    return sorted(phones)


@transaction.atomic
def personal_data_erase(address, *, actor=None):
    """Remove the person's details everywhere; returns counts of what changed. Each
    contract's part is atomic too, and erasing again changes nothing more."""
    address = _normalised(address)
    phones = personal_data_phones(address)
    counts = {}
    for contract in contracts():
        with transaction.atomic():
            _merge(counts, contract.personal_data_erase(address, phones), contract)
    erasure_record(counts, actor=actor)
    return counts


def personal_data_prune(now=None):
    """Run every app's retention job; returns ``{contract module: {what: count}}``."""
    now = now or timezone.now()
    return {contract.__name__: contract.personal_data_prune(now) for contract in contracts()}


def notice_purposes():
    return [purpose for contract in contracts() for purpose in contract.notice_purposes()]

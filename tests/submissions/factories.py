"""Form values for the "share a deed" form, as a person would fill it in."""

from tests.taxonomy.factories import customer_group, sector, theme


def form_values(organisation, **changes):
    values = {
        "title": "Kotihoidon aamupalaverit lyhyemmiksi",
        "summary": "Kotihoidon tiimi lyhensi aamupalaverin kymmeneen minuuttiin.",
        "background": "Palaverit venyivät ja asiakaskäynnit myöhästyivät.",
        "description": "Kokeilimme seisovaa palaveria taulun ääressä.",
        "results": "Aamun ensimmäiset käynnit alkavat 20 minuuttia aiemmin.",
        "language": "fi",
        "organisation_name": organisation.name_fi,
        "unit": "Kotihoito",
        "kind": "improvement",
        "sectors": [str(sector("sosiaali-ja-terveys").pk)],
        "themes": [str(theme("tyohyvinvointi").pk)],
        "customer_groups": [str(customer_group("ikaantyneet").pk)],
        "link_url_1": "www.example.fi/kotihoito",
        "link_title_1": "Kotihoidon sivut",
        "contact_name_1": "Maija Meikäläinen",
        "contact_email_1": "maija@example.fi",
        "contact_consent_1": "on",
        "email": "lahettaja@example.fi",
        "licence": "on",
    }
    values.update(changes)
    return {k: v for k, v in values.items() if v is not None}

"""The OpenAPI 3.1 description of /api/v1/, built from the same filter names the views use."""

from django.conf import settings

from catalogue.index import FACETS
from catalogue.listing import MAX_VALUES, SORTS
from deeds.models import ContentLanguage, DeedKind
from organisations.finder import MAX_QUERY as FINDER_MAX_QUERY
from stats.figures import DIMENSIONS

FINDER_MAX_LIMIT = 100

# Deeds are published under this licence; the API index and this document both say so.
LICENCE = {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"}

FILTER_DESCRIPTIONS = {
    "organisation": "Organisation slug (see /organisations/).",
    "municipality": "Official 3-digit municipality code (see /municipalities/).",
    "region": "Official 2-digit region code (see /regions/).",
    "sector": "Sector slug (see /sectors/).",
    "theme": "Theme slug (see /themes/).",
    "subtheme": "Subtheme slug (see /themes/).",
    "customer_group": "Customer group slug (see /customer-groups/).",
    "kind": "Kind of deed.",
    "year": "Year of publication (Finnish time).",
    "language": "Language the deed is written in.",
}


def _filter_parameter(name):
    schema = {"type": "string"}
    if name == "kind":
        schema = {"type": "string", "enum": list(DeedKind.values)}
    elif name == "language":
        schema = {"type": "string", "enum": list(ContentLanguage.values)}
    elif name == "year":
        schema = {"type": "string", "pattern": "^[0-9]{4}$"}
    return {
        "name": name,
        "in": "query",
        "required": False,
        "style": "form",
        "explode": True,
        "description": FILTER_DESCRIPTIONS[name] + f" Repeatable (at most {MAX_VALUES}): values "
        "of one parameter are combined with OR, different parameters with AND.",
        "schema": {"type": "array", "items": schema, "maxItems": MAX_VALUES},
    }


LANG = {
    "name": "lang",
    "in": "query",
    "required": False,
    "description": "Language of labels: fi (default), sv or en.",
    "schema": {"type": "string", "enum": ["fi", "sv", "en"], "default": "fi"},
}

NAMED = {
    "type": "object",
    "required": ["name"],
    "properties": {
        "slug": {"type": "string"},
        "code": {"type": "string"},
        "name": {"type": "string"},
    },
}
NAMES = {
    "name_fi": {"type": "string"},
    "name_sv": {"type": "string"},
    "name_en": {"type": "string"},
}


def _json(schema, description="OK"):
    return {"description": description, "content": {"application/json": {"schema": schema}}}


ERROR = _json({"$ref": "#/components/schemas/Error"}, "Invalid parameters")


def _list_of(properties, description):
    return {
        "get": {
            "summary": description,
            "parameters": [LANG],
            "responses": {
                "200": _json(
                    {"type": "array", "items": {"type": "object", "properties": properties}}
                ),
                "400": ERROR,
            },
        }
    }


def openapi_document(facet_labels):
    # These build on this module's parts.
    from .openapi_coaching import coaching_paths
    from .openapi_events import event_paths
    from .openapi_newsletter import newsletter_paths

    deed_summary = {
        "type": "object",
        "required": ["id", "title", "summary", "organisation", "kind", "published_at", "url"],
        "properties": {
            "id": {"type": "integer"},
            "title": {"type": "string"},
            "summary": {"type": "string"},
            "organisation": NAMED,
            "municipality": {"oneOf": [NAMED, {"type": "null"}]},
            "region": {"oneOf": [NAMED, {"type": "null"}]},
            "sectors": {"type": "array", "items": NAMED},
            "themes": {"type": "array", "items": NAMED},
            "customer_groups": {"type": "array", "items": NAMED},
            "kind": {"type": "string", "enum": list(DeedKind.values)},
            "published_at": {"type": "string", "format": "date-time"},
            "url": {"type": "string", "format": "uri"},
        },
    }
    facet = {
        "type": "array",
        "items": {
            "type": "object",
            "required": ["value", "label", "count"],
            "properties": {
                "value": {"type": "string"},
                "label": {"type": "string"},
                "count": {"type": "integer"},
            },
        },
    }
    period = [
        {
            "name": name,
            "in": "query",
            "required": False,
            "description": description,
            "schema": {"type": "string", "format": "date"},
        }
        for name, description in (
            ("start", "Published on or after this date (YYYY-MM-DD, Finnish time)."),
            ("end", "Published on or before this date (YYYY-MM-DD, Finnish time)."),
        )
    ]
    period.append(
        {
            "name": "awarded",
            "in": "query",
            "required": False,
            "description": "true: only deeds that received a gala award.",
            "schema": {"type": "string", "enum": ["true", "false"]},
        }
    )
    window = [
        {
            "name": name,
            "in": "query",
            "required": True,
            "schema": {"type": "string", "format": "date"},
        }
        for name in ("start", "end")
    ] + [
        {
            "name": "rule",
            "in": "query",
            "required": False,
            "description": "home (default): each deed counts for its organisation's home "
            "municipality; partners: also once for each partner's home municipality.",
            "schema": {"type": "string", "enum": ["home", "partners"]},
        }
    ]

    def ranking(key, name):
        return {
            "get": {
                "summary": f"{name.title()}s by deeds published from start to end (Finnish "
                "dates, both included); ties share a place",
                "parameters": [*window, LANG],
                "responses": {
                    "200": _json(
                        {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "required": ["place", name, key, "count"],
                                "properties": {
                                    "place": {"type": "integer"},
                                    name: {"type": "string"},
                                    key: {"type": "string"},
                                    "count": {"type": "integer"},
                                },
                            },
                        }
                    ),
                    "400": ERROR,
                },
            }
        }

    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Tekojen tori open data API",
            "version": "1.0.0",
            "description": "Published development deeds of Finnish municipal-sector workplaces, "
            "with the reference data they are tagged with. No registration; JSON; only "
            "published deeds are visible. Facet counts tell how many deeds each value would "
            "give together with the other chosen filters.",
            "license": LICENCE,
        },
        "servers": [{"url": settings.SITE_URL + "/api/v1"}],
        "paths": {
            "/": {
                "get": {
                    "summary": "This API's endpoints, this document's address and the licence",
                    "parameters": [LANG],
                    "responses": {
                        "200": _json(
                            {
                                "type": "object",
                                "required": ["openapi", "licence", "endpoints"],
                                "properties": {
                                    "openapi": {"type": "string", "format": "uri"},
                                    "licence": {"type": "object"},
                                    "endpoints": {"type": "object"},
                                },
                            }
                        )
                    },
                }
            },
            "/deeds/": {
                "get": {
                    "summary": "Published deeds, filtered, with facet counts",
                    "parameters": [
                        *(_filter_parameter(name) for name in FACETS),
                        *period,
                        {
                            "name": "q",
                            "in": "query",
                            "required": False,
                            "description": "Search words (Finnish, Swedish or English; inflected "
                            'forms and compound parts match; "quoted phrases"). Results come in '
                            "rank order, each with a snippet: HTML-escaped text with <mark> "
                            "around the matching words.",
                            "schema": {"type": "string", "maxLength": 1000},
                        },
                        {
                            "name": "sort",
                            "in": "query",
                            "required": False,
                            "description": "relevance (the default with q), newest (the "
                            "default without q), oldest or title (A–Ö).",
                            "schema": {"type": "string", "enum": list(SORTS)},
                        },
                        {
                            "name": "page",
                            "in": "query",
                            "required": False,
                            "schema": {"type": "integer", "minimum": 1, "default": 1},
                        },
                        {
                            "name": "page_size",
                            "in": "query",
                            "required": False,
                            "schema": {
                                "type": "integer",
                                "minimum": 1,
                                "maximum": settings.API_MAX_PAGE_SIZE,
                                "default": 20,
                            },
                        },
                        LANG,
                    ],
                    "responses": {
                        "200": _json(
                            {
                                "type": "object",
                                "required": ["count", "next", "previous", "results", "facets"],
                                "properties": {
                                    "count": {"type": "integer"},
                                    "next": {"type": ["string", "null"], "format": "uri"},
                                    "previous": {"type": ["string", "null"], "format": "uri"},
                                    "results": {"type": "array", "items": deed_summary},
                                    "facets": {
                                        "type": "object",
                                        "properties": {
                                            name: facet | {"description": str(facet_labels[name])}
                                            for name in FACETS
                                        },
                                    },
                                },
                            }
                        ),
                        "400": ERROR,
                    },
                }
            },
            "/stats/deeds": {
                "get": {
                    "summary": "Published deeds counted by one dimension",
                    "description": "Takes the same filters, period and search as /deeds/; "
                    "the counts equal what /deeds/ returns for the same filters plus the row's "
                    "value. Sectors, themes, subthemes, customer groups, kinds and regions "
                    "list every value (zeros too); months run through the whole period.",
                    "parameters": [
                        {
                            "name": "by",
                            "in": "query",
                            "required": True,
                            "schema": {"type": "string", "enum": list(DIMENSIONS)},
                        },
                        *(_filter_parameter(name) for name in FACETS),
                        *period,
                        {
                            "name": "q",
                            "in": "query",
                            "required": False,
                            "schema": {"type": "string"},
                        },
                        LANG,
                    ],
                    "responses": {
                        "200": _json(
                            {
                                "type": "object",
                                "required": ["by", "count", "rows"],
                                "properties": {
                                    "by": {"type": "string"},
                                    "count": {"type": "integer"},
                                    "rows": {
                                        "type": "array",
                                        "items": {
                                            "type": "object",
                                            "required": ["key", "label", "count"],
                                            "properties": {
                                                "key": {"type": "string"},
                                                "label": {"type": "string"},
                                                "count": {"type": "integer"},
                                            },
                                        },
                                    },
                                },
                            }
                        ),
                        "400": ERROR,
                    },
                }
            },
            "/rankings/municipalities": ranking("code", "municipality"),
            "/rankings/organisations": ranking("slug", "organisation"),
            "/awards/": {
                "get": {
                    "summary": "Gala awards of published deeds, newest gala first",
                    "parameters": [
                        {
                            "name": "year",
                            "in": "query",
                            "required": False,
                            "schema": {"type": "integer"},
                        },
                        LANG,
                    ],
                    "responses": {
                        "200": _json({"type": "array", "items": {"type": "object"}}),
                        "400": ERROR,
                    },
                }
            },
            "/deeds/{id}/": {
                "get": {
                    "summary": "One published deed in full",
                    "parameters": [
                        {
                            "name": "id",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "integer"},
                        },
                        LANG,
                    ],
                    "responses": {
                        "200": _json({"type": "object"}),
                        "404": _json({"$ref": "#/components/schemas/Error"}, "Not found"),
                    },
                }
            },
            "/sectors/": _list_of({"slug": {"type": "string"}, **NAMES}, "Sectors"),
            "/themes/": _list_of(
                {"slug": {"type": "string"}, **NAMES, "subthemes": {"type": "array"}},
                "Themes with subthemes",
            ),
            "/customer-groups/": _list_of({"slug": {"type": "string"}, **NAMES}, "Customer groups"),
            "/organisations/": {
                "get": {
                    "summary": "Organisations; with q, those matching q, best match first",
                    "description": "Without q: every active organisation. With q: the "
                    "organisation finder of the share form. Inflected Finnish forms "
                    "(Limingan), the beginning of a word (Limi), one typo (Limnka), Swedish "
                    "names (Helsingfors) and business IDs (1234567-8) match; for a "
                    "municipality's name the municipality itself comes first, then its "
                    "joint authorities and companies.",
                    "parameters": [
                        {
                            "name": "q",
                            "in": "query",
                            "required": False,
                            "description": "What to look for. Control characters are "
                            f"ignored; longer than {FINDER_MAX_QUERY} characters is a 400.",
                            "schema": {"type": "string", "maxLength": FINDER_MAX_QUERY},
                        },
                        {
                            "name": "limit",
                            "in": "query",
                            "required": False,
                            "description": "With q: at most this many results.",
                            "schema": {
                                "type": "integer",
                                "minimum": 1,
                                "maximum": FINDER_MAX_LIMIT,
                                "default": 20,
                            },
                        },
                        LANG,
                    ],
                    "responses": {
                        "200": _json(
                            {
                                "oneOf": [
                                    {
                                        "description": "With q",
                                        "type": "array",
                                        "items": {
                                            "type": "object",
                                            "required": ["slug", "name", "type", "municipality"],
                                            "properties": {
                                                "slug": {"type": "string"},
                                                "name": {
                                                    "type": "string",
                                                    "description": "In the language of lang, "
                                                    "falling back to Finnish.",
                                                },
                                                "type": {"type": "string"},
                                                "municipality": {
                                                    "type": ["string", "null"],
                                                    "description": "Home municipality code.",
                                                },
                                                "url": {"type": "string", "format": "uri"},
                                            },
                                        },
                                    },
                                    {
                                        "description": "Without q",
                                        "type": "array",
                                        "items": {
                                            "type": "object",
                                            "properties": {
                                                "slug": {"type": "string"},
                                                **NAMES,
                                                "type": {"type": "string"},
                                                "municipality": {"type": ["string", "null"]},
                                                "region": {"type": ["string", "null"]},
                                                "deed_count": {"type": "integer"},
                                                "url": {"type": "string", "format": "uri"},
                                            },
                                        },
                                    },
                                ]
                            }
                        ),
                        "400": ERROR,
                    },
                }
            },
            "/municipalities/": _list_of(
                {"code": {"type": "string"}, **NAMES, "region": {"type": "string"}},
                "Municipalities",
            ),
            "/regions/": _list_of({"code": {"type": "string"}, **NAMES}, "Regions"),
            **event_paths(),
            **newsletter_paths(),
            **coaching_paths(),
        },
        "components": {
            "schemas": {
                "Error": {
                    "type": "object",
                    "required": ["error", "status"],
                    "properties": {"error": {"type": "string"}, "status": {"type": "integer"}},
                }
            }
        },
    }

"""The events' part of the OpenAPI document (api/openapi.py): /events/ and /stats/events."""

from django.conf import settings

from events.models import EventKind

from .openapi import ERROR, LANG, _json


def page_parameters():
    return [
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
    ]


def event_paths():
    count = {"type": "integer", "minimum": 0}
    event = {
        "type": "object",
        "required": [
            *("id", "title", "kind", "cancelled", "series", "starts_at", "ends_at", "online"),
            *("capacity", "registrations", "attendees", "organisations", "waitlisted"),
            *("url", "ics"),
        ],
        "properties": {
            "id": {"type": "integer"},
            "title": {"type": "string", "description": "In the language of lang, or Finnish."},
            "kind": {"type": "string", "enum": list(EventKind.values)},
            "cancelled": {"type": "boolean"},
            "series": {
                "oneOf": [
                    {
                        "type": "object",
                        "required": ["slug", "name"],
                        "properties": {"slug": {"type": "string"}, "name": {"type": "string"}},
                    },
                    {"type": "null"},
                ]
            },
            "starts_at": {"type": "string", "format": "date-time"},
            "ends_at": {"type": "string", "format": "date-time"},
            "online": {"type": "boolean"},
            "capacity": {"type": ["integer", "null"], "description": "null: no limit."},
            "registrations": count | {"description": "Confirmed registrations."},
            "attendees": count | {"description": "Registrants marked as attending."},
            "organisations": count | {"description": "Distinct organisations of registrants."},
            "waitlisted": count | {"description": "People on the waiting list now."},
            "url": {"type": "string", "format": "uri"},
            "ics": {"type": "string", "format": "uri", "description": "Calendar file."},
        },
    }
    year = {
        "name": "year",
        "in": "query",
        "schema": {"type": "string", "pattern": "^[0-9]{4}$"},
    }
    return {
        "/events/": {
            "get": {
                "summary": "The programme's public events with their registration figures",
                "description": "Published and cancelled events (never drafts), soonest "
                "first. Counts only: no registrant is ever named.",
                "parameters": [
                    year | {"required": False, "description": "Starting in this year."},
                    {
                        "name": "kind",
                        "in": "query",
                        "required": False,
                        "schema": {"type": "string", "enum": list(EventKind.values)},
                    },
                    {
                        "name": "series",
                        "in": "query",
                        "required": False,
                        "description": "Slug of an event series.",
                        "schema": {"type": "string"},
                    },
                    {
                        "name": "upcoming",
                        "in": "query",
                        "required": False,
                        "description": "true: events not yet over; false: events that are.",
                        "schema": {"type": "string", "enum": ["true", "false"]},
                    },
                    *page_parameters(),
                    LANG,
                ],
                "responses": {
                    "200": _json(
                        {
                            "type": "object",
                            "required": ["count", "next", "previous", "results"],
                            "properties": {
                                "count": {"type": "integer"},
                                "next": {"type": ["string", "null"], "format": "uri"},
                                "previous": {"type": ["string", "null"], "format": "uri"},
                                "results": {"type": "array", "items": event},
                            },
                        }
                    ),
                    "400": ERROR,
                },
            }
        },
        "/stats/events": {
            "get": {
                "summary": "A year's published events per kind, with the programme's figures",
                "description": "Registrants are confirmed registrations; attendees those "
                "marked as attending; organisations are distinct across the kind's events; "
                "employee_share is the share (0–1) of registrants in the employee role, "
                "null without registrants. Kinds without events are left out.",
                "parameters": [year | {"required": True}, LANG],
                "responses": {
                    "200": _json(
                        {
                            "type": "object",
                            "required": ["year", "kinds"],
                            "properties": {
                                "year": {"type": "integer"},
                                "kinds": {
                                    "type": "array",
                                    "items": {
                                        "type": "object",
                                        "required": [
                                            *("kind", "label", "events", "registrants"),
                                            *("attendees", "organisations", "employee_share"),
                                        ],
                                        "properties": {
                                            "kind": {
                                                "type": "string",
                                                "enum": list(EventKind.values),
                                            },
                                            "label": {"type": "string"},
                                            "events": count,
                                            "registrants": count,
                                            "attendees": count,
                                            "organisations": count,
                                            "employee_share": {
                                                "type": ["number", "null"],
                                                "minimum": 0,
                                                "maximum": 1,
                                            },
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
    }

"""The newsletter's part of the OpenAPI document (api/openapi.py): /stats/newsletter."""

from .openapi import ERROR, LANG, _json


def newsletter_paths():
    count = {"type": "integer", "minimum": 0}
    return {
        "/stats/newsletter": {
            "get": {
                "summary": "A year's newsletter figures: subscribers, who joined and left, "
                "issues sent",
                "description": "A subscriber counts from confirming the subscription until "
                "unsubscribing or being set aside after bounces; years are Finnish time. "
                "Counts only: no subscriber is ever named.",
                "parameters": [
                    {
                        "name": "year",
                        "in": "query",
                        "required": True,
                        "schema": {"type": "string", "pattern": "^[0-9]{4}$"},
                    },
                    LANG,
                ],
                "responses": {
                    "200": _json(
                        {
                            "type": "object",
                            "required": [
                                *("year", "subscribers_at_year_end", "joined", "left"),
                                "issues",
                            ],
                            "additionalProperties": False,
                            "properties": {
                                "year": {"type": "integer"},
                                "subscribers_at_year_end": count
                                | {"description": "Subscribed at the end of 31 December."},
                                "joined": count
                                | {"description": "Subscriptions confirmed in the year."},
                                "left": count
                                | {
                                    "description": "Subscribers who unsubscribed or were set "
                                    "aside after bounces in the year."
                                },
                                "issues": count | {"description": "Issues sent in the year."},
                            },
                        }
                    ),
                    "400": ERROR,
                },
            }
        }
    }

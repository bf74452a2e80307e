"""Coaching's part of the OpenAPI document (api/openapi.py): /stats/coaching."""

from .openapi import ERROR, LANG, _json

FIELDS = (
    "year",
    "experts",
    "expert_organisations",
    "applications",
    "organisations",
    "days_requested",
    "days_granted",
    "days_used",
    "by_theme",
    "realised",
    "participants",
    "employees",
    "feedback_mean",
    "feedback_count",
)


def coaching_paths():
    count = {"type": "integer", "minimum": 0}
    days = {"type": "number", "minimum": 0}
    return {
        "/stats/coaching": {
            "get": {
                "summary": "A year's coaching figures: experts, applications, days, themes, "
                "realised coachings, participants and feedback",
                "description": "A year is the coaching round's year; drafts never sent do not "
                "count. A coaching's participants are its largest held session's (a group "
                "that met three times counts once). Counts only: no applicant, expert or "
                "feedback answer is ever named.",
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
                            "required": list(FIELDS),
                            "additionalProperties": False,
                            "properties": {
                                "year": {"type": "integer"},
                                "experts": count
                                | {"description": "Experts the year's tender chose."},
                                "expert_organisations": count
                                | {"description": "Organisations those experts come from."},
                                "applications": count | {"description": "Applications sent."},
                                "organisations": count
                                | {"description": "Distinct organisations that applied."},
                                "days_requested": days
                                | {"description": "Coaching days the applications wished."},
                                "days_granted": days
                                | {"description": "Days granted to accepted applications."},
                                "days_used": days | {"description": "Days used in held sessions."},
                                "by_theme": {
                                    "type": "array",
                                    "description": "Applications per theme (an application "
                                    "may have several), most first.",
                                    "items": {
                                        "type": "object",
                                        "required": ["theme", "applications"],
                                        "properties": {
                                            "theme": {
                                                "type": "string",
                                                "description": "The theme's slug.",
                                            },
                                            "name": {
                                                "type": "string",
                                                "description": "Its name in the language "
                                                "asked for.",
                                            },
                                            "applications": count,
                                        },
                                    },
                                },
                                "realised": count
                                | {"description": "Coachings realised (sessions held)."},
                                "participants": count
                                | {"description": "Participants of the realised coachings."},
                                "employees": count
                                | {
                                    "description": "Of the participants, employees (not "
                                    "supervisors)."
                                },
                                "feedback_mean": {
                                    "type": ["number", "null"],
                                    "minimum": 1,
                                    "maximum": 5,
                                    "description": "The feedback answers' mean score (1–5) "
                                    "to one decimal; null without answers.",
                                },
                                "feedback_count": count
                                | {"description": "Feedback answers given."},
                            },
                        }
                    ),
                    "400": ERROR,
                },
            }
        }
    }

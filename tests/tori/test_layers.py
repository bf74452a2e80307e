"""The layers of docs/architecture.md: which app may import which.

An app imports only apps on lower layers, so there is no import cycle between apps; no
app imports ``tori`` (the site: settings, root URLs, site pages) and ``core`` imports no
app. Imports inside functions count too: a cycle hidden in a function is still a cycle.
A new app must be given its layer here and in docs/architecture.md.
"""

import ast
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)

LAYERS = [
    ["core"],
    ["audit", "emails", "taxonomy"],
    ["accounts", "organisations"],
    ["deeds"],
    ["recognition", "search", "events", "coaching"],
    ["catalogue", "submissions", "analytics"],
    ["stats", "feedback", "editors", "newsletter"],
    ["api", "demo"],
    ["tori"],
]
LAYER = {app: number for number, apps in enumerate(LAYERS) for app in apps}


def project_apps():
    return sorted(path.parent.name for path in ROOT.glob("*/apps.py"))


def imported_apps(app, apps):
    """{imported app: [file -> module, ...]} of one app's own code (migrations aside)."""
    found = {}
    for path in sorted((ROOT / app).rglob("*.py")):
        if "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                modules = [node.module]
            else:
                continue
            for module in modules:
                top = module.split(".")[0]
                if top in apps and top != app:
                    found.setdefault(top, []).append(f"{path.relative_to(ROOT)} -> {module}")
    return found


def test_every_app_has_a_layer():
    assert [app for app in project_apps() if app not in LAYER] == []


def test_apps_import_only_apps_on_lower_layers():
    apps = set(project_apps())
    wrong = [
        where
        for app in sorted(apps)
        for target, places in imported_apps(app, apps).items()
        if LAYER.get(target, 99) >= LAYER.get(app, -1)
        for where in places
    ]
    assert wrong == []


def test_there_is_no_import_cycle_between_apps():
    apps = set(project_apps())
    graph = {app: set(imported_apps(app, apps)) for app in apps}

    def reachable(start):
        seen, todo = set(), [start]
        while todo:
            for target in graph[todo.pop()]:
                if target not in seen:
                    seen.add(target)
                    todo.append(target)
        return seen

    assert sorted(app for app in apps if app in reachable(app)) == []


def test_no_app_imports_the_site_and_core_imports_no_app():
    apps = set(project_apps())
    assert [app for app in sorted(apps) if "tori" in imported_apps(app, apps)] == []
    assert imported_apps("core", apps) == {}

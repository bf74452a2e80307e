"""The demo app seeds the others and none of them depends on it: a domain app that
imported ``demo`` would carry fixtures again (issue 13, step 8)."""

import ast
from pathlib import Path

from django.apps import apps
from django.conf import settings

ROOT = Path(settings.BASE_DIR)


def imported_modules(path):
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module


def test_no_project_app_imports_the_demo_app():
    project_apps = [
        Path(config.path)
        for config in apps.get_app_configs()
        # The project's apps sit directly in the repository (the .venv beside them does not).
        if Path(config.path).parent == ROOT and config.name != "demo"
    ]
    assert len(project_apps) > 10
    offenders = [
        f"{path.relative_to(ROOT)} imports {module}"
        for app in project_apps
        for path in app.rglob("*.py")
        for module in imported_modules(path)
        if module == "demo" or module.startswith("demo.")
    ]
    assert offenders == []

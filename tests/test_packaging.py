"""The installed package carries every app: the `ctassist` command works from any folder."""

import subprocess
import sys

from django.conf import settings

PROJECT_APPS = [
    app
    for app in settings.INSTALLED_APPS
    if not app.startswith(("django.", "simple_history", "ninja", "whitenoise"))
]


def test_every_app_imports_without_the_project_folder_on_the_path(tmp_path):
    code = (
        "import importlib\n"
        f"for app in {PROJECT_APPS!r}:\n"
        "    importlib.import_module(app + '.apps')\n"
        "print('ok')\n"
    )
    # -I: isolated mode, so neither the current folder nor PYTHONPATH is on sys.path.
    result = subprocess.run([sys.executable, "-I", "-c", code], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
    assert len(PROJECT_APPS) >= 14

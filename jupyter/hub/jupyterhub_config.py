"""JupyterHub's configuration of `course hub` (a room on one machine).

`course hub` writes the hub's settings.json and starts JupyterHub with this file and
COURSE_HUB_SETTINGS pointing at it; everything else is in course/hub/_config.py.
"""

import os

from course.hub._config import configure
from course.hub._settings import Settings

configure(get_config(), Settings.load(os.environ["COURSE_HUB_SETTINGS"]))  # noqa: F821

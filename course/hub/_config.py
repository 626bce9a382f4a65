"""Private: JupyterHub's configuration of a room's hub, from the settings ``course hub`` wrote.

``jupyter/hub/jupyterhub_config.py`` calls :func:`configure`. Each participant's server opens
their working folder ``users/NAME/cluster-course`` (the learner's materials, copied at every
start; their own work is kept) with the learner's nbgrader tools; the trainer's opens
``users/TRAINER/course`` (solutions, exercises, lessons, data) with the authoring tools and
the formgrader. nbgrader's student id is the hub user (``CourseDirectory.student_id``), not
the OS user, so one OS account can serve the room; collecting skips the owner check.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from course import materials
from course.hub._settings import Settings

COURSE_ID = "cluster-course"
START = "/lab/tree/modules/00-start/00-start.ipynb"
BIN = Path(sys.executable).parent


def configure(c, settings: Settings) -> None:
    """Fill JupyterHub's config object ``c`` for the room described by ``settings``."""
    state = Path(settings.state)
    scheme = "http" if settings.loopback else "https"
    c.JupyterHub.bind_url = f"{scheme}://{settings.ip}:{settings.port}/"
    c.JupyterHub.hub_ip = "127.0.0.1"
    c.JupyterHub.hub_port = settings.port + 1
    c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{settings.port + 2}"
    c.ConfigurableHTTPProxy.command = [settings.proxy]
    if not settings.loopback:
        c.JupyterHub.ssl_cert, c.JupyterHub.ssl_key = settings.cert, settings.key
    c.JupyterHub.db_url = f"sqlite:///{state / 'jupyterhub.sqlite'}"
    c.JupyterHub.cookie_secret_file = str(state / "jupyterhub_cookie_secret")
    c.JupyterHub.pid_file = str(state / "jupyterhub.pid")
    c.JupyterHub.cleanup_servers = True  # stopping the hub stops every server, and the proxy
    c.JupyterHub.cleanup_proxy = True
    c.JupyterHub.authenticator_class = "course.hub._auth.CourseAuthenticator"
    c.CourseAuthenticator.password_file = str(state / "passwords.json")
    c.CourseAuthenticator.workshop_password = settings.workshop_password
    c.CourseAuthenticator.trainer = settings.trainer
    c.Authenticator.allowed_users = {*settings.participants, settings.trainer}
    c.Authenticator.admin_users = {settings.trainer}
    _spawner(c, settings)
    _services(c, settings)


def _spawner(c, settings: Settings) -> None:
    c.Spawner.cmd = [str(BIN / "jupyterhub-singleuser")]
    c.Spawner.args = [
        f"--MappingKernelManager.cull_idle_timeout={settings.idle_timeout}",
        "--MappingKernelManager.cull_interval=300",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0 and settings.isolation == "none":
        c.Spawner.args.append("--allow-root")
    c.Spawner.default_url = START
    c.Spawner.start_timeout = 120
    c.Spawner.http_timeout = 120
    c.Spawner.mem_limit = settings.mem_limit
    c.Spawner.cpu_limit = settings.cpu_limit
    c.Spawner.pre_spawn_hook = lambda spawner: prepare_user(spawner, settings)
    if settings.isolation == "users":  # one system user each, with systemd's limits
        c.JupyterHub.spawner_class = "systemdspawner.SystemdSpawner"
        c.SystemdSpawner.dynamic_users = True
        c.SystemdSpawner.isolate_tmp = True
        c.SystemdSpawner.isolate_devices = True
        c.SystemdSpawner.disable_user_sudo = True
        c.SystemdSpawner.readwrite_paths = [str(Path(settings.state) / "exchange")]
        c.SystemdSpawner.unit_name_template = "course-hub-{USERNAME}"
    else:
        c.JupyterHub.spawner_class = "jupyterhub.spawner.SimpleLocalProcessSpawner"
        c.SimpleLocalProcessSpawner.home_dir_template = str(
            Path(settings.state) / "users" / "{username}"
        )


def _services(c, settings: Settings) -> None:
    token = (Path(settings.state) / "api-token").read_text().strip()
    c.JupyterHub.services = [
        {
            "name": "idle-culler",
            "command": [
                sys.executable,
                "-m",
                "jupyterhub_idle_culler",
                f"--timeout={settings.idle_timeout}",
                "--cull-every=300",
            ],
        },
        {"name": "course-hub", "api_token": token},
    ]
    c.JupyterHub.load_roles = [
        {
            "name": "idle-culler",
            "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
            "services": ["idle-culler"],
        },
        {
            "name": "course-hub",
            "scopes": ["admin:users", "admin:servers", "access:servers", "read:hub"],
            "services": ["course-hub"],
        },
    ]


def prepare_user(spawner, settings: Settings) -> None:
    """Before a server starts: its folder, its nbgrader tools and settings, its environment."""
    name = spawner.user.name
    home = Path(settings.state) / "users" / name
    trainer = name == settings.trainer
    folder = trainer_folder(home, settings) if trainer else learner_folder(home)
    tools = Path(settings.course) / "jupyter" / ("instructor" if trainer else "learner")
    config = home / ".jupyter"
    config.mkdir(parents=True, exist_ok=True)
    (config / "nbgrader_config.py").write_text(nbgrader_settings(name, settings, trainer))
    if settings.isolation == "none":
        spawner.notebook_dir = str(folder)
    environment = dict(spawner.environment)
    environment.update(
        JUPYTER_CONFIG_PATH=os.pathsep.join([str(config), str(tools)]),
        COURSE_WORKDIR=str(folder),
        PATH=os.pathsep.join([str(BIN), os.environ.get("PATH", "")]),
    )
    spawner.environment = environment


def learner_folder(home: Path) -> Path:
    """The participant's working folder: the learner's materials, their own files kept."""
    folder = home / "cluster-course"
    materials.prepare_workdir(folder)
    return folder


def trainer_folder(home: Path, settings: Settings) -> Path:
    """The trainer's nbgrader course folder: links to the course's solutions and materials."""
    folder = home / "course"
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("solutions", *materials.LEARNER_FOLDERS):
        link = folder / name
        if not link.exists():
            link.symlink_to(Path(settings.course) / name, target_is_directory=True)
    (folder / "nbgrader_config.py").write_text(nbgrader_settings(settings.trainer, settings, True))
    return folder


def nbgrader_settings(name: str, settings: Settings, trainer: bool) -> str:
    """The user's nbgrader_config.py: the exchange, the course, and who the student is."""
    exchange = Path(settings.state) / "exchange"
    exchange.mkdir(parents=True, exist_ok=True)
    exchange.chmod(0o1777)  # nbgrader's own modes inside; shared by every user of the room
    lines = [
        "c = get_config()  # noqa: F821  (written by course hub)",
        f"c.Exchange.root = {str(exchange)!r}",
        f"c.CourseDirectory.course_id = {COURSE_ID!r}",
    ]
    if trainer:  # the course's nbgrader settings, in the trainer's own course folder
        config = Path(settings.course) / "nbgrader_config.py"
        lines.insert(1, f"load_subconfig({str(config)!r})  # noqa: F821")
        course = Path(settings.state) / "users" / name / "course"
        lines.append(f"c.CourseDirectory.root = {str(course)!r}")
        lines.append("c.ExchangeCollect.check_owner = False  # one OS user serves everybody")
    else:
        lines.append(f"c.CourseDirectory.student_id = {name!r}  # the hub user, not the OS user")
        folder = Path(settings.state) / "users" / name / "cluster-course"
        lines.append(f"c.Exchange.assignment_dir = {str(folder)!r}  # fetched into their folder")
    return "\n".join(lines) + "\n"


def remove_user_files(state: Path, name: str) -> None:
    """Delete a user's home (their work and settings) from the hub's folder."""
    shutil.rmtree(Path(state) / "users" / name, ignore_errors=True)

"""``course hub``: start a room's JupyterHub on this machine (see :mod:`course.hub`).

>>> import argparse
>>> commands = argparse.ArgumentParser().add_subparsers()
>>> add_commands(commands)
>>> parser = commands.choices["hub"]
>>> parser.parse_args(["--participants", "3"]).port
8000
"""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
import signal
import sys
from pathlib import Path

from course import _arguments as arguments
from course.hub._settings import (
    LOOPBACK,
    MIN_PASSWORD,
    HubError,
    Settings,
    hash_password,
    participants,
    private_file,
    self_signed_certificate,
)

ROOT = Path(__file__).resolve().parent.parent.parent
CONFIG = ROOT / "jupyter" / "hub" / "jupyterhub_config.py"
PROXY = ROOT / "node_modules" / ".bin" / "configurable-http-proxy"
ONE_ACCOUNT = (
    "Isolation: every server runs under this one OS account ({user}), so nobody is isolated: "
    "a participant's code can read and change everybody's files. Fine for the course's own data "
    "on a trusted room; for anything else use a VM and --isolation users."
)


def add_commands(commands) -> None:
    """Add ``hub`` to the ``course`` command's parser."""
    hub = commands.add_parser("hub", help="trainers: a JupyterHub for a room on this machine")
    hub.add_argument(
        "--participants",
        required=True,
        metavar="N|FILE",
        help="how many (p01, p02, ...) or a file with one user name per line",
    )
    hub.add_argument("--trainer", default="trainer", help="the trainer's user name")
    hub.add_argument(
        "--password",
        default=None,
        help=f"one workshop password for all participants (at least {MIN_PASSWORD} characters;"
        " default: each sets their own at first login)",
    )
    hub.add_argument("--ip", default="127.0.0.1", help="127.0.0.1 (default) or 0.0.0.0 for a room")
    hub.add_argument("--port", type=arguments.port("--port 8000"), default=8000)
    hub.add_argument("--state", type=arguments.folder, default=Path("~/cluster-course-hub"))
    hub.add_argument(
        "--idle-timeout",
        type=arguments.whole_number(60, example="--idle-timeout 3600"),
        default=3600,
        metavar="S",
        help="stop a server (and a kernel) idle for this many seconds",
    )
    hub.add_argument("--cert", type=Path, default=None, help="your TLS certificate (PEM)")
    hub.add_argument("--key", type=Path, default=None, help="its key (PEM)")
    hub.add_argument("--isolation", choices=["none", "users"], default="none")
    hub.add_argument("--mem-limit", default="2G", help="--isolation users: memory per server")
    hub.add_argument("--dry-run", action="store_true", help="prepare and print, do not start")
    hub.set_defaults(func=_hub)


def prepare(args: argparse.Namespace) -> Settings:
    """Check the arguments, make the hub's folder, its secrets and its settings.json."""
    names = participants(str(args.participants))
    if args.trainer in names:
        raise HubError(f"--trainer {args.trainer} is also on the participant list: rename one.")
    if args.password is not None and len(args.password) < MIN_PASSWORD:
        raise HubError(f"--password needs at least {MIN_PASSWORD} characters.")
    if args.isolation == "users" and shutil.which("systemctl") is None:
        raise HubError("--isolation users needs systemd (a VM, not a container or a laptop).")
    proxy = PROXY if PROXY.exists() else shutil.which("configurable-http-proxy")
    if proxy is None:
        raise HubError("configurable-http-proxy is missing: run `npm ci` in the course folder.")
    state = Path(args.state).expanduser().absolute()
    (state / "users").mkdir(parents=True, exist_ok=True)
    _secret(state / "api-token", secrets.token_hex(32))
    trainer_password = _secret(state / "trainer-password.txt", secrets.token_urlsafe(12))
    settings = Settings(
        state=str(state),
        course=str(ROOT),
        participants=names,
        trainer=args.trainer,
        ip=args.ip,
        port=args.port,
        workshop_password=hash_password(args.password) if args.password else "",
        idle_timeout=args.idle_timeout,
        isolation=args.isolation,
        mem_limit=args.mem_limit,
        proxy=str(proxy),
    )
    _trainer_login(state, args.trainer, trainer_password)
    if settings.ip not in LOOPBACK:  # passwords cross the venue network: HTTPS only
        if bool(args.cert) != bool(args.key):
            raise HubError("give both --cert and --key, or neither (a self-signed one is made).")
        host = settings.url.split("//")[1].split(":")[0]
        cert, key = (
            (args.cert, args.key) if args.cert else self_signed_certificate(state / "tls", host)
        )
        settings.cert, settings.key = str(Path(cert).absolute()), str(Path(key).absolute())
    settings.save()
    return settings


def _secret(path: Path, new: str) -> str:
    if not path.is_file():
        private_file(path, new + "\n")
    return path.read_text().strip()


def _trainer_login(state: Path, trainer: str, password: str) -> None:
    import json

    path = state / "passwords.json"
    stored = json.loads(path.read_text()) if path.is_file() else {}
    stored[trainer] = hash_password(password)
    private_file(path, json.dumps(stored, indent=1))


def _hub(args: argparse.Namespace) -> int:
    try:
        settings = prepare(args)
    except HubError as exc:
        print(f"course hub: {exc}", file=sys.stderr)
        return 2
    command = [sys.executable, "-m", "jupyterhub", "-f", str(CONFIG)]
    _announce(settings)
    if args.dry_run:
        print("command: " + " ".join(command))
        return 0
    os.environ["COURSE_HUB_SETTINGS"] = str(Path(settings.state) / "settings.json")
    os.chdir(settings.state)
    sys.stdout.flush()
    sys.stderr.flush()
    for stop in (signal.SIGINT, signal.SIGTERM):  # a background start ignores them: not the hub
        signal.signal(stop, signal.SIG_DFL)
    # become JupyterHub (same process id): stopping `course hub` (Ctrl+C, kill PID) stops the hub,
    # which stops every server (and their kernels) and the proxy before it exits
    os.execv(command[0], command)
    return 0  # not reached


def _announce(settings: Settings) -> None:
    state = Path(settings.state)
    count = len(settings.participants)
    password = (
        "the workshop password"
        if settings.workshop_password
        else f"a password of their own (at least {MIN_PASSWORD} characters) at their first login"
    )
    lines = [
        f"Participants connect to {settings.url} ({count} names: {settings.participants[0]} ...), "
        f"with {password}.",
        f"Trainer: log in as {settings.trainer} with the password in "
        f"{state / 'trainer-password.txt'}; the formgrader opens in its own tab at "
        f"{settings.url}user/{settings.trainer}/formgrader",
    ]
    if not settings.loopback:
        lines.append(
            "HTTPS with a self-signed certificate: browsers warn once (replace it with --cert/--key)."
        )
    if settings.isolation == "none":
        lines.append(ONE_ACCOUNT.format(user=_os_user()))
    else:
        lines.append(f"Isolation: one system user per participant, {settings.mem_limit} each.")
    lines.append(f"The hub's files (logins, work, submissions): {state}. Stop it with Ctrl+C.")
    print("\n".join(lines), flush=True)


def _os_user() -> str:
    try:
        import getpass

        return getpass.getuser()
    except (ImportError, KeyError, OSError):
        return "this account"

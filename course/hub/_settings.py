"""Private: what a room's hub is started with: participants, passwords, addresses, folders.

Standard library only: ``course hub`` checks everything here before JupyterHub starts.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import re
import secrets
import socket
import subprocess
from dataclasses import asdict, dataclass, field
from pathlib import Path

NAME = re.compile(r"^[a-z][a-z0-9_-]{0,31}$")
LOOPBACK = ("127.0.0.1", "localhost", "::1")
MIN_PASSWORD = 8


class HubError(ValueError):
    """A hub that cannot start as asked: one plain sentence saying what to do.

    (Not ``CourseInputError``: that module loads pandas, and ``course --help`` must stay light.)
    """


def participants(given: str) -> list[str]:
    """The participants' user names: ``given`` is a count (``"40"`` -> p01 ... p40) or a file.

    The file has one name per line (or a CSV whose first column is the name; a header ``name``
    or ``username`` is skipped; ``#`` starts a comment). Names are lower-cased and must be
    JupyterHub-friendly: a letter, then letters, digits, ``-`` or ``_``, at most 32.

    >>> participants("2")
    ['p01', 'p02']
    """
    if given.isdigit():
        count = int(given)
        if not 1 <= count <= 500:
            raise HubError(f"--participants takes 1 to 500 participants; got {count}.")
        width = max(2, len(str(count)))
        return [f"p{number:0{width}d}" for number in range(1, count + 1)]
    path = Path(given).expanduser()
    if not path.is_file():
        raise HubError(f"--participants: no file {path}; give a count (e.g. 40) or a list file.")
    names = []
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        name = line.split("#")[0].replace(";", ",").split(",")[0].strip().strip('"').lower()
        if name and name not in ("name", "username", "user"):
            names.append(name)
    return _checked_names(names, path)


def _checked_names(names: list[str], path: Path) -> list[str]:
    wrong = [name for name in names if not NAME.match(name)]
    if wrong:
        raise HubError(
            f"{path}: {', '.join(wrong[:3])} cannot be a user name: use a letter, then letters, "
            "digits, - or _ (at most 32), e.g. anna or p01."
        )
    twice = sorted({name for name in names if names.count(name) > 1})
    if twice or not names:
        problem = f"{', '.join(twice)} appears twice" if twice else "it lists nobody"
        raise HubError(f"{path}: {problem}; give one line per participant.")
    return names


def hash_password(password: str, salt: str | None = None) -> str:
    """A salted PBKDF2-SHA256 hash, ``salt$hex`` (what passwords.json stores).

    >>> stored = hash_password("secret-1")
    >>> check_password("secret-1", stored), check_password("secret-2", stored)
    (True, False)
    """
    salt = salt or secrets.token_hex(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), bytes.fromhex(salt), 200_000)
    return f"{salt}${digest.hex()}"


def check_password(password: str, stored: str) -> bool:
    """True when ``password`` matches ``stored`` (from :func:`hash_password`)."""
    salt, _, _digest = stored.partition("$")
    return hmac.compare_digest(hash_password(password, salt), stored)


@dataclass
class Settings:
    """Everything the hub's configuration (jupyter/hub/jupyterhub_config.py) reads."""

    state: str
    course: str
    participants: list[str]
    trainer: str = "trainer"
    ip: str = "127.0.0.1"
    port: int = 8000
    workshop_password: str = ""  # a hash; empty: first-use passwords
    idle_timeout: int = 3600
    isolation: str = "none"
    mem_limit: str = "2G"
    cpu_limit: float = 1.0
    cert: str = ""
    key: str = ""
    proxy: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def loopback(self) -> bool:
        return self.ip in LOOPBACK

    @property
    def url(self) -> str:
        """Where participants connect (the machine's address on the network beyond loopback).

        >>> Settings("s", "c", ["p01"], port=8123).url
        'http://127.0.0.1:8123/'
        """
        scheme = "http" if self.loopback else "https"
        host = self.ip if self.ip not in ("0.0.0.0", "", "::") else network_address()
        return f"{scheme}://{host}:{self.port}/"

    def save(self) -> Path:
        path = Path(self.state) / "settings.json"
        path.write_text(json.dumps(asdict(self), indent=2) + "\n")
        return path

    @classmethod
    def load(cls, path: str | os.PathLike) -> Settings:
        return cls(**json.loads(Path(path).read_text()))


def network_address() -> str:
    """This machine's address on its network (no packet is sent), or its host name."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("10.255.255.255", 1))
            return probe.getsockname()[0]
        except OSError:
            return socket.gethostname()


def private_file(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` readable by its owner only (passwords, tokens, keys)."""
    path.touch(mode=0o600, exist_ok=True)
    path.chmod(0o600)
    path.write_text(text)


def self_signed_certificate(folder: Path, host: str) -> tuple[Path, Path]:
    """A self-signed certificate and key for ``host`` in ``folder`` (kept, made once), by openssl.

    Browsers warn about it once; a trainer with a real certificate gives --cert and --key.
    """
    folder.mkdir(parents=True, exist_ok=True)
    cert, key = folder / "cert.pem", folder / "key.pem"
    if cert.is_file() and key.is_file():
        return cert, key
    names = f"subjectAltName=DNS:localhost,DNS:{socket.gethostname()}"
    if re.match(r"^[0-9.]+$", host):
        names += f",IP:{host}"
    command = ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "30"]
    command += ["-keyout", str(key), "-out", str(cert), "-subj", "/CN=cluster-course hub"]
    try:
        subprocess.run([*command, "-addext", names], check=True, capture_output=True)
    except (OSError, subprocess.CalledProcessError) as exc:
        raise HubError(
            "Could not make a certificate with openssl (install it, e.g. apt install openssl), "
            f"or give your own with --cert and --key: {exc}"
        ) from exc
    key.chmod(0o600)
    return cert, key

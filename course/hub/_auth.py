"""Private: the hub's login, loaded by JupyterHub (it imports jupyterhub).

A participant on the list logs in with the workshop password, or, without one, sets their own
password at their first login (at least 8 characters); later logins must give the same one.
Only salted hashes are stored (``passwords.json`` in the hub's folder). The trainer's password is
made by ``course hub`` and kept in ``trainer-password.txt`` (readable by the trainer only).
A forgotten password: delete the participant's line in passwords.json; the next login sets it.
"""

from __future__ import annotations

import json
from pathlib import Path

from jupyterhub.auth import Authenticator
from traitlets import Unicode

from course.hub._settings import MIN_PASSWORD, check_password, hash_password, private_file


class CourseAuthenticator(Authenticator):
    """First-use passwords, or one workshop password, for the participants on the list."""

    password_file = Unicode(config=True, help="passwords.json: user name -> salted hash")
    workshop_password = Unicode("", config=True, help="the workshop password's hash, or ''")
    trainer = Unicode("trainer", config=True, help="the trainer's user name")

    async def authenticate(self, handler, data):
        name = self.normalize_username(data.get("username", ""))
        password = data.get("password", "")
        if name not in self.allowed_users:
            return None
        stored = self._stored()
        if name in stored:
            return name if check_password(password, stored[name]) else None
        if self.workshop_password and name != self.trainer:
            return name if check_password(password, self.workshop_password) else None
        if len(password) < MIN_PASSWORD or name == self.trainer:
            return None
        stored[name] = hash_password(password)  # first use: this password is theirs from now on
        private_file(Path(self.password_file), json.dumps(stored, indent=1))
        return name

    def _stored(self) -> dict:
        path = Path(self.password_file)
        return json.loads(path.read_text()) if path.is_file() else {}

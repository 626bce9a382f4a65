"""Private: a participant's or trainer's side of a room's hub, over HTTP (tests, load test).

What a browser does, without one: log in with the login form, start the server, wait until it
is ready, and call the server's APIs (contents, kernels, nbgrader's Assignments and formgrader)
with the user's cookie. Uses ``requests`` (JupyterHub's own dependency).
"""

from __future__ import annotations

import time

import requests

from course.hub._settings import HubError


class HubUser:
    """One user of the hub at ``url`` (e.g. ``http://127.0.0.1:8000/``) with a session."""

    def __init__(self, url: str, name: str, password: str, *, verify: bool = True):
        self.url, self.name, self.password = url.rstrip("/") + "/", name, password
        self.session = requests.Session()
        self.session.verify = verify

    def login(self) -> bool:
        """Log in through the login form; True when the hub accepted the password."""
        self.session.get(self.url + "hub/login", timeout=30)
        xsrf = self.session.cookies.get("_xsrf", "")
        data = {"username": self.name, "password": self.password, "_xsrf": xsrf}
        reply = self.session.post(
            self.url + "hub/login", data=data, allow_redirects=False, timeout=60
        )
        return reply.status_code == 302 and "hub/login" not in reply.headers.get("location", "")

    def start(self, timeout: float = 120) -> float:
        """Start the user's server (the Start button) and wait until it answers; seconds taken."""
        began = time.monotonic()
        self.session.get(self.url + "hub/spawn", timeout=timeout)
        while time.monotonic() - began < timeout:
            # a page (not the API) passes the hub's OAuth and sets the server's cookie
            reply = self.session.get(self.server("lab"), timeout=30)
            if reply.status_code == 200 and reply.url.startswith(self.server()):
                return time.monotonic() - began
            time.sleep(0.5)
        raise HubError(f"{self.name}'s server did not start within {timeout:.0f} s.")

    def server(self, path: str = "") -> str:
        return f"{self.url}user/{self.name}/{path}"

    def call(self, method: str, path: str, **kwargs) -> requests.Response:
        """Call the user's server (``api/contents``, ``assignments/fetch`` ...) as the user."""
        headers = {"X-XSRFToken": self.session.cookies.get("_xsrf", path=f"/user/{self.name}/")}
        kwargs.setdefault("timeout", 120)
        reply = self.session.request(method, self.server(path), headers=headers, **kwargs)
        reply.raise_for_status()
        return reply


def api(url: str, token: str, method: str, path: str, **kwargs) -> requests.Response:
    """Call the hub's REST API (``users``, ``users/NAME/server``) with a service token."""
    kwargs.setdefault("timeout", 60)
    reply = requests.request(
        method,
        url.rstrip("/") + "/hub/api/" + path,
        headers={"Authorization": f"token {token}"},
        **kwargs,
    )
    reply.raise_for_status()
    return reply

"""``course hub``: a JupyterHub for a room, on one machine, in one command.

A trainer's laptop on the venue network or one cloud VM serves the course to a room: JupyterHub
with configurable-http-proxy (npm, installed by ``make setup-test``), one login per participant
(first-use passwords, or one workshop password), each participant's server on the learner's
working folder (lessons, exercises, data; never solutions), the trainer's server with nbgrader's
formgrader, idle culling (jupyterhub-idle-culler) and nbgrader's exchange, so that the trainer
releases, participants fetch and submit from JupyterLab's Assignments tab, and the trainer
collects and grades with ``course grade``. Beyond loopback it serves HTTPS with a self-signed
certificate (replaceable: ``--cert``/``--key``).

Isolation, honestly: in the default mode every server runs under the trainer's own OS account, so
nobody is isolated from anybody (a participant's code can read every other participant's files).
``--isolation users`` is the mode for a VM: one system user per participant with memory and CPU
limits (systemd, through jupyterhub-systemdspawner), as The Littlest JupyterHub does.

Layout of the hub's folder (``--state``, default ``~/cluster-course-hub``)::

    settings.json     what `course hub` was started with (read by jupyter/hub/jupyterhub_config.py)
    passwords.json    salted hashes (PBKDF2-SHA256), never passwords; trainer-password.txt (0600)
    api-token         the hub API token of the course's service (tests, load test), 0600
    users/NAME/       each user's home: cluster-course/ (participants) or course/ (trainer)
    exchange/         nbgrader's exchange (release, fetch, submit, collect)
    tls/              the self-signed certificate and key (beyond loopback)

>>> from course.hub import participants
>>> participants("3")
['p01', 'p02', 'p03']
"""

from course.hub._settings import HubError, Settings, participants

__all__ = ["HubError", "Settings", "participants"]

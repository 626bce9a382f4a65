"""Run inside a grading sandbox, before the kernel: limits, then the kernel (see sandbox.py).

Started as a script (``python -I _confine.py UID MEMORY PROCESSES FILE_SIZE -- COMMAND...``),
not as ``course.grading._confine``, so that it imports nothing of the course. It sets the limits
on memory (address space, bytes), processes (of the sandbox's user) and the size of a written
file (bytes), forbids core dumps, becomes ``UID`` when it is not 0 (``course grade`` run as
root: the sandbox runs as a user of its own, for which the process limit holds), then
becomes COMMAND. The limits hold for everything COMMAND starts.

>>> limits(1, 2, 3)[0]
(9, 1)
"""

from __future__ import annotations

import os
import resource
import sys


def limits(memory: int, processes: int, file_size: int) -> list[tuple[int, int]]:
    """The (resource, limit) pairs set before the kernel starts."""
    return [
        (resource.RLIMIT_AS, memory),
        (resource.RLIMIT_NPROC, processes),
        (resource.RLIMIT_FSIZE, file_size),
        (resource.RLIMIT_CORE, 0),
    ]


def main(argv: list[str]) -> None:
    uid, memory, processes, file_size = (int(value) for value in argv[:4])
    command = argv[argv.index("--") + 1 :]
    if uid:
        os.setgroups([])
        os.setgid(uid)
        os.setuid(uid)  # drops every capability: nothing is left of root's rights
    for kind, limit in limits(memory, processes, file_size):
        resource.setrlimit(kind, (limit, limit))
    os.execv(command[0], command)


if __name__ == "__main__":
    main(sys.argv[1:])

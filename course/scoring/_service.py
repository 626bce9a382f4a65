"""The scorer's command line and the scoring service of ``course grade`` (see course.scoring).

``python -m course.scoring`` scores one request; ``python -m course.scoring --serve`` scores
requests until its standard input closes. Both run in a process of their own, never in the
learner's kernel.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile

from course.scoring._scores import _score


def serve() -> None:
    """``python -m course.scoring --serve``: score requests until standard input closes.

    Prints its address first: a unix socket alone in a folder of its own, which a grading
    sandbox binds in read-only (the kernel can reach the service there but cannot replace it;
    only a caller with ``$COURSE_SCORER_KEY`` is answered). Each dataset is loaded (hash checked) once and copied for each
    request, so that hidden code that changes a table cannot change the next task's.
    """
    import threading
    from functools import lru_cache
    from multiprocessing.connection import Listener

    from course import data

    cached = lru_cache(maxsize=None)(lambda name: data.load(name, validate=False))
    folder = tempfile.mkdtemp(prefix="course-scorer-")
    address = os.path.join(folder, "scorer")
    listener = Listener(address, "AF_UNIX", authkey=bytes.fromhex(os.environ["COURSE_SCORER_KEY"]))
    os.chmod(folder, 0o711)  # a sandboxed kernel runs as a user of its own: it may connect
    os.chmod(address, 0o666)
    print(address, flush=True)

    def end() -> None:  # when whoever started it closes its standard input (or ends)
        sys.stdin.read()
        shutil.rmtree(folder, ignore_errors=True)
        os._exit(0)

    threading.Thread(target=end, daemon=True).start()
    while True:
        try:
            connection = listener.accept()
        except (OSError, EOFError):
            continue  # a caller without the key, or one that hung up
        with connection:
            request = json.loads(connection.recv_bytes())
            try:
                result = _score(request, load=lambda name: cached(name).copy())
            except Exception as error:  # a broken hidden test: say so, keep serving
                result = {"error": f"{type(error).__name__}: {error}"}
            connection.send_bytes(json.dumps(result).encode())


def main() -> None:
    """``python -m course.scoring``: read one request (JSON) on stdin, write the result."""
    if sys.argv[1:] == ["--serve"]:
        return serve()
    request = json.loads(sys.stdin.read())
    sys.stdout.write(json.dumps(_score(request)))

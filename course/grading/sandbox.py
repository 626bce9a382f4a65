"""The sandbox a submission runs in when ``course grade`` autogrades it (bubblewrap, Linux).

The kernel that runs a submission, and everything it starts, sees only: its own copy of the
submission (the autograded folder, the one place it may write), the course library, the Python
environment and the course data (read-only), a private ``/tmp`` and the folder of the scoring
service's socket (read-only). Not the solutions, the other submissions, the gradebook, the
grades, the home folder or the instructor's environment variables; no network (the kernel talks
to its worker over unix sockets, ZMQ's ``ipc`` transport, in a folder bound in); its own process
and PID namespace (it cannot see, signal or impersonate the scoring service, which stays
outside); limits on memory, processes and file size (``_confine.py``); output is cut by the
autograde preprocessors (``LimitOutput``, ``LimitOutputSize``).

:class:`SandboxedKernelManager` is the kernel manager nbgrader's ``Execute`` uses when the
grading worker is told to sandbox (``course.grading.worker --sandbox bubblewrap``).
:func:`find` says whether a sandbox can be had here, and if not, why.

Run as root, the sandbox is made by root's bubblewrap and the kernel then becomes a user of its
own (a fresh uid per kernel: Linux does not hold root to a process limit); run as another user,
bubblewrap makes a user namespace (Debian and Ubuntu allow it; Ubuntu 24.04's AppArmor may need
``kernel.apparmor_restrict_unprivileged_userns=0``).

>>> find().name in ("bubblewrap", None)
True
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from jupyter_client.manager import AsyncKernelManager
from traitlets import Integer

__all__ = ["Found", "find", "command", "SandboxedKernelManager", "BUBBLEWRAP"]

BUBBLEWRAP = "bubblewrap"
_CONFINE = Path(__file__).with_name("_confine.py")
# the environment variables a kernel keeps (the instructor's tokens and keys stay outside)
_KEPT = ("PATH", "LANG", "LC_ALL", "LC_CTYPE", "TZ", "PYTHONHASHSEED", "MPLBACKEND")
_KEPT_PREFIXES = ("JPY_", "COURSE_", "NBGRADER_", "OMP_", "OPENBLAS_", "MKL_")


@dataclass(frozen=True)
class Found:
    """A sandbox that works here (``name``), or ``None`` and the reason there is none."""

    name: str | None
    detail: str


def find() -> Found:
    """Whether bubblewrap can make a sandbox here: tried for real, not guessed from the system.

    A container engine counts only when its daemon answers (``docker info``); ``course grade``
    does not run kernels in one (yet): the reason then says to run ``course grade`` inside it.
    ``$COURSE_SANDBOX=off`` finds none (to measure the sandbox's cost; the refusal still holds).
    """
    if os.environ.get("COURSE_SANDBOX") == "off":
        return Found(None, "switched off ($COURSE_SANDBOX=off)")
    bwrap = shutil.which("bwrap")
    if bwrap:
        trial = [bwrap, *_namespaces(), "--ro-bind", "/", "/", "--proc", "/proc", "--dev", "/dev"]
        done = _quiet([*trial, "true"])
        if done is not None and done.returncode == 0:
            version = _quiet([bwrap, "--version"])
            return Found(BUBBLEWRAP, (version.stdout.strip() if version else "") or bwrap)
        why = (done.stderr.strip().splitlines() or ["it failed"])[-1] if done else "it hung"
        reason = f"bubblewrap cannot make a sandbox here ({why}; are user namespaces allowed?)"
    else:
        reason = "bubblewrap is not installed (Debian/Ubuntu: sudo apt install bubblewrap)"
    for engine in ("docker", "podman"):
        if shutil.which(engine) and (done := _quiet([engine, "info"])) and not done.returncode:
            reason += (
                f"; {engine} runs here, but course grade does not start kernels in it:"
                " run course grade inside a Linux container or VM that has bubblewrap"
            )
            break
    return Found(None, reason)


def _quiet(argv: list[str]) -> subprocess.CompletedProcess | None:
    try:
        return subprocess.run(argv, capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.TimeoutExpired):
        return None


def _namespaces() -> list[str]:
    # root's bubblewrap needs no user namespace (the kernel drops to a uid of its own instead)
    if os.geteuid() == 0:
        return ["--unshare-ipc", "--unshare-pid", "--unshare-net", "--unshare-uts",
                "--unshare-cgroup-try"]  # fmt: skip
    return ["--unshare-all"]


def command(kernel: list[str], folder: Path, sockets: Path, *, uid: int, limits: tuple) -> list:
    """The bubblewrap command that runs ``kernel`` in ``folder`` (read-write) with the kernel's
    ``sockets`` folder (read-write), the rest as the module docstring says, and ``limits``
    (memory, processes, file size) set by ``_confine.py``.

    >>> argv = command(["python", "-m", "ipykernel"], Path("/g/autograded/ada/ps01"),
    ...                Path("/tmp/k"), uid=0, limits=(1, 2, 3))
    >>> argv[0].endswith("bwrap"), argv[-6:]
    (True, ['2', '3', '--', 'python', '-m', 'ipykernel'])
    >>> [argv[i + 1] for i, arg in enumerate(argv) if arg == "--bind"]  # all it may write
    ['/g/autograded/ada/ps01', '/tmp/k']
    """
    argv = [shutil.which("bwrap") or "bwrap", *_namespaces(), "--die-with-parent"]
    for name in ("bin", "sbin", "lib", "lib32", "lib64", "libx32", "usr", "etc"):
        path = Path("/") / name
        if path.is_symlink():
            argv += ["--symlink", os.readlink(path), str(path)]
        elif path.is_dir():
            argv += ["--ro-bind", str(path), str(path)]
    argv += ["--proc", "/proc", "--dev", "/dev", "--perms", "1777", "--tmpfs", "/tmp"]
    read_only = {*_environment(), *_course_files()}
    scorer = os.environ.get("COURSE_SCORER")
    if scorer and Path(scorer).parent.is_dir():
        read_only.add(Path(scorer).parent)  # the scoring service's socket: reached, not replaced
    for path in sorted(read_only):
        argv += [*_parents(path), "--ro-bind", str(path), str(path)]
    for path in (Path(folder), Path(sockets)):
        argv += [*_parents(path), "--bind", str(path), str(path)]
    argv += ["--chdir", str(folder), "--setenv", "HOME", "/tmp", "--setenv", "TMPDIR", "/tmp"]
    argv += ["--setenv", "MPLCONFIGDIR", "/tmp", "--setenv", "IPYTHONDIR", "/tmp/.ipython"]
    # inside, the kernel's parent is bubblewrap as pid 1, which ipykernel takes for its parent
    # having died; the sandbox ends with the worker instead (--die-with-parent)
    argv += ["--unsetenv", "JPY_PARENT_PID"]
    sizes = [str(value) for value in limits]
    return [*argv, "--", sys.executable, "-I", str(_CONFINE), str(uid), *sizes, "--", *kernel]


def _parents(path: Path) -> list[str]:
    # folders made on the way to a bound one can be entered by the kernel's user
    parents = [p for p in reversed(Path(path).parents) if p != Path("/")]
    top = {"/bin", "/sbin", "/lib", "/lib32", "/lib64", "/usr", "/etc", "/proc", "/dev"}
    return [
        arg
        for parent in parents
        if str(parent) != "/tmp"
        and not any(str(parent) == t or str(parent).startswith(t + "/") for t in top)
        for arg in ("--perms", "0755", "--dir", str(parent))
    ]


def _environment() -> set[Path]:
    """Python and its packages: the prefixes and what is on ``sys.path`` inside them."""
    prefixes = {Path(p).resolve() for p in (sys.prefix, sys.base_prefix, sys.exec_prefix)}
    prefixes.add(Path(sys.executable).resolve().parent.parent)
    inside = {
        Path(entry).resolve()
        for entry in sys.path
        if entry and Path(entry).is_dir()
        and any(Path(entry).resolve().is_relative_to(p) for p in prefixes)
    }  # fmt: skip
    return {p for p in prefixes | inside if p.is_dir() and not _under_other(p, prefixes | inside)}


def _under_other(path: Path, paths: set[Path]) -> bool:
    return any(other != path and path.is_relative_to(other) for other in paths)


def _course_files() -> set[Path]:
    """The course library and data (never the course folder, which holds the solutions)."""
    from course import data

    library = Path(__file__).resolve().parent.parent
    return {library, data.datasets_dir().resolve()}


class SandboxedKernelManager(AsyncKernelManager):
    """A kernel manager whose kernels run in the sandbox (see the module docstring).

    The kernel listens on unix sockets in a folder of its own (ZMQ ``ipc``), since it has no
    network; its working folder, nbclient's ``cwd`` (the autograded copy), is bound read-write.
    """

    memory = Integer(4 * 2**30, help="address space of the kernel, in bytes").tag(config=True)
    processes = Integer(128, help="processes and threads of the sandbox").tag(config=True)
    file_size = Integer(100 * 2**20, help="the largest file it may write, bytes").tag(config=True)

    async def _async_pre_start_kernel(self, **kw):
        self._sockets = Path(tempfile.mkdtemp(prefix="course-kernel-"))
        self._uid = random.randint(1_000_000, 1_999_999) if os.geteuid() == 0 else 0
        self.transport, self.ip = "ipc", str(self._sockets / "k")
        self.connection_file = str(self._sockets / "kernel.json")
        return await super()._async_pre_start_kernel(**kw)

    async def _async_launch_kernel(self, kernel_cmd, **kw):
        folder = Path(kw.get("cwd") or os.getcwd()).resolve()
        if self._uid:  # the kernel's own user may write its folder and its sockets, no more
            for path in (folder, self._sockets, Path(self.connection_file)):
                os.chown(path, self._uid, self._uid)
        kw["env"] = {
            k: v for k, v in (kw.get("env") or os.environ).items()
            if k in _KEPT or k.startswith(_KEPT_PREFIXES)
        }  # fmt: skip
        limits = (self.memory, self.processes, self.file_size)
        argv = command(kernel_cmd, folder, self._sockets, uid=self._uid, limits=limits)
        return await super()._async_launch_kernel(argv, **kw)

    async def _async_signal_kernel(self, signum: int) -> None:
        # Sent to the process group, an interrupt would also reach bubblewrap, which dies of it
        # and takes the kernel along: the cell would look as if it ignored the interrupt. The
        # kernel alone gets it, as a kernel that does not lead its process group would.
        kernel = self._kernel_process() if signum == signal.SIGINT else None
        if kernel is None:
            return await super()._async_signal_kernel(signum)
        os.kill(kernel, signum)

    def _kernel_process(self) -> int | None:
        """The pid of the kernel inside the sandbox: the first process below bubblewrap's that
        is not bubblewrap."""
        import psutil

        process = getattr(self.provisioner, "process", None)
        try:
            below = psutil.Process(process.pid).children(recursive=True) if process else []
            return next((p.pid for p in below if p.name() != "bwrap"), None)
        except psutil.Error:
            return None

    async def _async_cleanup_resources(self, restart: bool = False) -> None:
        await super()._async_cleanup_resources(restart=restart)
        if not restart and getattr(self, "_sockets", None):
            shutil.rmtree(self._sockets, ignore_errors=True)

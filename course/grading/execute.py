"""nbgrader preprocessors of the course, named in ``nbgrader_config.py``.

``ExecuteAndRecover`` runs a submission for ``nbgrader autograde`` so that one bad cell costs only
its own task: a cell that kills the kernel or runs past the time limit is skipped, the kernel is
restarted and the notebook is run again without that cell. ``ShortTracebacks`` keeps feedback
free of hidden-test source.
"""

from __future__ import annotations

import copy
import queue
import time

from nbclient.exceptions import CellTimeoutError, DeadKernelError
from nbconvert.preprocessors import Preprocessor
from nbformat import NotebookNode
from nbgrader.preprocessors import Execute
from traitlets import Bool, Integer

# The error names written into a skipped cell; course.grading reads them back for the status.
KERNEL_DIED = "KernelDied"
TIMED_OUT = "CellTimeout"

_DIED = (
    "grading skipped this cell: the kernel died while running it (exit(), a crash or too much"
    " memory), so the notebook was run again without it"
)
_STOPPED = "grading stopped this cell: it ran longer than the time limit of {} s"

__all__ = ["ExecuteAndRecover", "ShortTracebacks", "LimitOutputSize", "KERNEL_DIED", "TIMED_OUT"]


class _Rerun(Exception):
    """A cell must be skipped and the notebook run again in a fresh kernel."""


class ExecuteAndRecover(Execute):
    """nbgrader's ``Execute``, but a dead kernel or a cell over the time limit costs one task.

    nbgrader stops a submission whose kernel dies (``exit()``, a crash, out of memory): no
    autograded copy, no feedback, and the tasks that had passed lose their points too. A cell
    that ignores the interrupt sent at the time limit also leaves the kernel busy, so every later
    cell times out as well. Here either cell is recorded as an error (``KernelDied`` or
    ``CellTimeout``: its test then scores 0), the kernel is restarted and the notebook runs again
    from the top without the cells skipped so far. A notebook is run at most once per code cell
    plus once, so each bad cell costs one time limit. (A cell that the interrupt does stop is
    only marked ``CellTimeout``; the same kernel goes on.)

    Configured in ``nbgrader_config.py`` in place of ``Execute`` in
    ``Autograde.autograde_preprocessors``.
    """

    def preprocess(self, nb, resources=None, km=None):
        original = copy.deepcopy(nb)
        self._skipped: dict[int, tuple[str, str]] = {}
        while True:
            try:
                nb, resources = super().preprocess(nb, resources, km)
            except DeadKernelError:
                self._skipped[self._running] = (KERNEL_DIED, _DIED)
            except (CellTimeoutError, _Rerun):
                self._skipped[self._running] = (TIMED_OUT, _STOPPED.format(self.timeout))
            else:
                break
            self.log.warning("Cell %s: %s", self._running, self._skipped[self._running][1])
            nb = copy.deepcopy(original)
        return nb, resources

    def preprocess_cell(self, cell, resources, index):
        if index in self._skipped:
            return self._skip(cell, resources, index)
        self._running, self._asked_exit = index, False
        cell, resources = super().preprocess_cell(cell, resources, index)
        if self._asked_exit:  # exit() ends the kernel after the cell: the next would be blamed
            raise DeadKernelError("the cell called exit()")
        if any(_timed_out(output) for output in cell.get("outputs", [])):
            if not self._responds():
                raise _Rerun()  # the interrupt did not stop the cell: start a fresh kernel
            cell.outputs.append(_error_output(TIMED_OUT, _STOPPED.format(self.timeout)))
        return cell, resources

    def _skip(self, cell, resources, index):
        # The kernel still runs a stand-in that raises, so that the task's check can say why
        # its answer is missing; the cell keeps the student's code and shows the reason.
        name, message = self._skipped[index]
        source, cell.source = cell.source, f"raise RuntimeError({message!r})"
        cell, resources = super().preprocess_cell(cell, resources, index)
        cell.source, cell.outputs = source, [_error_output(name, message)]
        return cell, resources

    def on_cell_executed(self, **kwargs):
        super().on_cell_executed(**kwargs)
        payload = kwargs["execute_reply"]["content"].get("payload", [])
        self._asked_exit = any(item.get("source") == "ask_exit" for item in payload)

    def _responds(self, seconds: float = 10) -> bool:
        """Whether the kernel answers a request within ``seconds`` (it is idle again)."""
        from jupyter_core.utils import run_sync

        request = self.kc.kernel_info()
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            try:
                reply = run_sync(self.kc.shell_channel.get_msg)(timeout=left)
            except queue.Empty:
                return False
            if reply["parent_header"].get("msg_id") == request:
                return True
        return False


def _timed_out(output) -> bool:
    return output.get("output_type") == "error" and output.get("ename") == "CellTimeoutError"


def _error_output(name: str, message: str) -> NotebookNode:
    return NotebookNode(
        output_type="error", ename=name, evalue=message, traceback=[f"{name}: {message}"]
    )


class ShortTracebacks(Preprocessor):
    """Feedback preprocessor: keep only the last line of each error (``AssertionError: ...``).

    A full traceback quotes the lines around the failing one, which can show hidden tests to a
    student; the last line is also what a non-programmer can act on. Used in
    ``nbgrader_config.py`` for ``GenerateFeedback``.

    >>> cell = {"outputs": [{"output_type": "error", "ename": "AssertionError",
    ...                      "evalue": "give a list", "traceback": ["---", "line 3", "..."]}]}
    >>> ShortTracebacks().preprocess_cell(cell, {}, 0)[0]["outputs"][0]["traceback"]
    ['AssertionError: give a list']
    """

    enabled = Bool(True)  # nbconvert preprocessors are off unless enabled

    def preprocess_cell(self, cell, resources, index):
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                output["traceback"] = [f"{output['ename']}: {output['evalue']}"]
        return cell, resources


class LimitOutputSize(Preprocessor):
    """Autograde preprocessor: cut any text output longer than ``max_chars`` characters.

    nbgrader's ``LimitOutput`` counts lines, so ``print("x" * 10_000_000)`` (one line) would
    still make a 10 MB autograded notebook and feedback page.

    >>> cell = {"outputs": [{"output_type": "stream", "name": "stdout", "text": "x" * 30_000}]}
    >>> text = LimitOutputSize().preprocess_cell(cell, {}, 0)[0]["outputs"][0]["text"]
    >>> len(text) < 21_000, text.endswith("characters cut]")
    (True, True)
    """

    enabled = Bool(True)
    max_chars = Integer(20_000, help="the longest text output kept, in characters").tag(config=True)

    def preprocess_cell(self, cell, resources, index):
        for output in cell.get("outputs", []):
            if output.get("output_type") == "stream":
                output["text"] = self._cut(output["text"])
            for kind, value in output.get("data", {}).items():
                if kind.startswith("text/") and isinstance(value, str):
                    output["data"][kind] = self._cut(value)
        return cell, resources

    def _cut(self, text: str) -> str:
        if len(text) <= self.max_chars:
            return text
        return text[: self.max_chars] + f"\n[... {len(text) - self.max_chars:,} characters cut]"

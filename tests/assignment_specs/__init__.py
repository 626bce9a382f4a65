"""One spec per graded assignment: what its nbgrader round trip submits, and what it must get.

The round trip itself (the steps, the same for every assignment) is ``tests/test_assignments.py``;
the vocabulary of a spec (:class:`~tests.assignment_kit.AssignmentSpec`, ``Learner``,
``Validation``) is in ``tests/assignment_kit.py``. A new assignment in ``solutions/`` needs a spec
here: its round trip fails until it has one.
"""

from __future__ import annotations

from tests.assignment_specs import ps01, ps02, ps03, ps04

SPECS = {spec.name: spec for spec in (ps01.SPEC, ps02.SPEC, ps03.SPEC, ps04.SPEC)}

#!/bin/bash
# Hub image (Dockerfile): run at every start of a user's server (docker-stacks before-notebook.d,
# which sources .sh files, so no exec and no exit here). Copies the learner's materials into the
# user's working folder; files already there (the user's work) are kept.
course lab --dir "${COURSE_WORKDIR:-$HOME/cluster-course}" --dry-run >/dev/null

# Hub image for the cluster course (JupyterHub single-user server, e.g. with DockerSpawner or
# Zero to JupyterHub on Kubernetes). Build: docker build -t cluster-course .
#
# Stage 1 builds the course's wheel, which carries modules/, exercises/ and datasets/ (never
# solutions/); stage 2 installs only that wheel, so no source tree (and no answer) is in the
# image's layers. Each user's server opens ~/cluster-course, a copy of the learner's materials
# made at start (files already there, the user's work, are kept).
ARG PYTHON_VERSION=3.11

FROM python:${PYTHON_VERSION}-slim AS build
WORKDIR /src
COPY . .
RUN python -m pip install --no-cache-dir build \
 && python -m build --wheel --outdir /wheels .

FROM quay.io/jupyter/base-notebook:python-${PYTHON_VERSION}
COPY --from=build /wheels /tmp/wheels
COPY jupyter/overrides.json /tmp/overrides.json
COPY jupyter/learner /tmp/learner
# the course and its libraries (not editable), the course kernel, the course's JupyterLab settings,
# and learners' tools only (nbgrader's authoring tools off: the file named last overrides)
RUN python -m pip install --no-cache-dir /tmp/wheels/cluster_course-*.whl \
 && python -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (cluster course)" \
 && mkdir -p "${CONDA_DIR}/share/jupyter/lab/settings" \
 && cp /tmp/overrides.json "${CONDA_DIR}/share/jupyter/lab/settings/overrides.json" \
 && mkdir -p "${CONDA_DIR}/etc/jupyter/labconfig/page_config.d" "${CONDA_DIR}/etc/jupyter/jupyter_server_config.d" \
 && cp /tmp/learner/labconfig/page_config.json "${CONDA_DIR}/etc/jupyter/labconfig/page_config.d/zz-cluster-course-learner.json" \
 && cp /tmp/learner/jupyter_server_config.json "${CONDA_DIR}/etc/jupyter/jupyter_server_config.d/zz-cluster-course-learner.json" \
 && rm -rf /tmp/wheels /tmp/overrides.json /tmp/learner
# docker-stacks images run the scripts in before-notebook.d at every start: give each user the
# learner's working folder and open it
COPY --chmod=0755 jupyter/hub-before-notebook.sh /usr/local/bin/before-notebook.d/10-cluster-course.sh
ENV COURSE_WORKDIR=/home/jovyan/cluster-course
WORKDIR /home/jovyan
CMD ["start-notebook.py", "--ServerApp.root_dir=/home/jovyan/cluster-course", "--ServerApp.default_url=/lab/tree/modules/00-start/00-start.ipynb"]

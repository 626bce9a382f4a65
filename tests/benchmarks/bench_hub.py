"""Sizing a room's hub: N participants on loopback, each logs in, starts a server, opens a
kernel and runs module 1's code cells with a think time between cells, then stops.

Reports spawn time per user, p50/p95 cell latency, peak memory per user and in total, and
failures. Bounded: at most --users participants and --deadline seconds, then everything stops.

    .venv/bin/python tests/benchmarks/bench_hub.py --users 40 --think 2
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import psutil  # noqa: E402

from course.hub._client import HubUser  # noqa: E402
from tests.hub_kit import Hub  # noqa: E402

LESSON = ROOT / "modules" / "01-cluster-economics" / "01-cluster-economics.ipynb"


def cells() -> list[str]:
    notebook = json.loads(LESSON.read_text())
    return ["".join(c["source"]) for c in notebook["cells"] if c["cell_type"] == "code"]


async def run_cells(user: HubUser, kernel: str, sources, think: float, latencies: list) -> int:
    from tornado.httpclient import HTTPRequest
    from tornado.websocket import websocket_connect

    cookies = "; ".join(f"{c.name}={c.value}" for c in user.session.cookies)
    url = user.server(f"api/kernels/{kernel}/channels").replace("http", "ws", 1)
    socket = await websocket_connect(HTTPRequest(url, headers={"Cookie": cookies}))
    errors = 0
    for source in sources:
        msg_id = uuid.uuid4().hex
        header = {
            "msg_id": msg_id,
            "msg_type": "execute_request",
            "username": user.name,
            "session": uuid.uuid4().hex,
            "version": "5.3",
            "date": "",
        }
        content = {
            "code": source,
            "silent": False,
            "store_history": True,
            "user_expressions": {},
            "allow_stdin": False,
            "stop_on_error": True,
        }
        message = {
            "header": header,
            "parent_header": {},
            "metadata": {},
            "content": content,
            "channel": "shell",
            "buffers": [],
        }
        began = time.monotonic()
        await socket.write_message(json.dumps(message))
        while True:
            reply = json.loads(await socket.read_message())
            if (
                reply.get("parent_header", {}).get("msg_id") == msg_id
                and reply["msg_type"] == "execute_reply"
            ):
                if reply["content"]["status"] != "ok":
                    errors += 1
                    print(
                        f"{user.name}: {reply['content'].get('ename')}: {reply['content'].get('evalue')}"
                    )
                break
        latencies.append(time.monotonic() - began)
        await asyncio.sleep(think)
    socket.close()
    return errors


def participant(hub: Hub, name: str, think: float, result: dict) -> None:
    user = HubUser(hub.url, name, f"password-{name}")
    try:
        assert user.login(), "login refused"
        result["spawn"] = user.start(timeout=300)
        path = LESSON.relative_to(ROOT).as_posix()  # a session: the kernel starts in its folder
        body = {"path": path, "type": "notebook", "kernel": {"name": "python3"}}
        session = user.call("POST", "api/sessions", json=body).json()
        kernel = session["kernel"]["id"]
        result["latencies"] = []
        result["errors"] = asyncio.run(run_cells(user, kernel, cells(), think, result["latencies"]))
        user.call("DELETE", f"api/sessions/{session['id']}")
    except Exception as exc:  # a failure is a result of the load test, not a crash of it
        result["failure"] = f"{type(exc).__name__}: {exc}"


def sample_memory(hub: Hub, stop: threading.Event, peaks: dict) -> None:
    while not stop.is_set():
        total, per_user = 0, {}
        for process in hub.processes():
            try:
                rss = process.memory_info().rss
                total += rss
                user = process.environ().get("JUPYTERHUB_USER")
            except psutil.Error:
                continue
            if user:
                per_user[user] = per_user.get(user, 0) + rss
        peaks["total"] = max(peaks.get("total", 0), total)
        for user, rss in per_user.items():
            peaks.setdefault("users", {})[user] = max(peaks.get("users", {}).get(user, 0), rss)
        stop.wait(1.0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=20, help="participants (at most 100)")
    parser.add_argument("--think", type=float, default=2.0, help="seconds between cells")
    parser.add_argument("--stagger", type=float, default=1.0, help="seconds between arrivals")
    parser.add_argument("--deadline", type=float, default=900)
    args = parser.parse_args()
    args.users = max(1, min(args.users, 100))  # bounded, whatever is asked
    with tempfile.TemporaryDirectory(prefix="bench-hub-") as folder:
        state = Path(folder) / "state"
        state.mkdir()
        hub = Hub(state, participants=str(args.users))
        names = [f"p{n:0{max(2, len(str(args.users)))}d}" for n in range(1, args.users + 1)]
        results = {name: {} for name in names}
        stop, peaks = threading.Event(), {}
        sampler = threading.Thread(target=sample_memory, args=(hub, stop, peaks), daemon=True)
        sampler.start()
        began = time.monotonic()
        threads = []
        for name in names:
            thread = threading.Thread(
                target=participant, args=(hub, name, args.think, results[name]), daemon=True
            )
            thread.start()
            threads.append(thread)
            time.sleep(args.stagger)
        for thread in threads:
            thread.join(timeout=max(1, args.deadline - (time.monotonic() - began)))
        wall = time.monotonic() - began
        stop.set()
        left = hub.stop()
        report(args, results, peaks, wall, left)
    return 0


def report(args, results: dict, peaks: dict, wall: float, left: list) -> None:
    spawns = sorted(r["spawn"] for r in results.values() if "spawn" in r)
    latencies = sorted(x for r in results.values() for x in r.get("latencies", []))
    failures = {n: r["failure"] for n, r in results.items() if "failure" in r}
    unfinished = [n for n, r in results.items() if "errors" not in r and n not in failures]
    cell_errors = sum(r.get("errors", 0) for r in results.values())
    users = peaks.get("users", {})

    def pct(values, q):
        return values[min(len(values) - 1, int(q * len(values)))] if values else float("nan")

    print(
        f"hub load test: {args.users} participants, think {args.think} s, {psutil.cpu_count()} cores, "
        f"{psutil.virtual_memory().total / 1e9:.0f} GB, wall {wall:.0f} s"
    )
    print(
        f"spawn per user: median {statistics.median(spawns) if spawns else float('nan'):.1f} s, "
        f"max {max(spawns) if spawns else float('nan'):.1f} s ({len(spawns)} servers)"
    )
    print(
        f"cell latency ({len(latencies)} cells): p50 {pct(latencies, 0.5):.2f} s, p95 {pct(latencies, 0.95):.2f} s"
    )
    print(
        f"peak memory: per user {max(users.values()) / 1e6 if users else 0:.0f} MB (max), "
        f"{statistics.median(users.values()) / 1e6 if users else 0:.0f} MB (median); total {peaks.get('total', 0) / 1e9:.2f} GB"
    )
    print(
        f"failures: {len(failures)} ({'; '.join(f'{k}: {v}' for k, v in list(failures.items())[:3])}), "
        f"unfinished by the deadline: {len(unfinished)}, cells with an error: {cell_errors}, "
        f"processes left after stop: {len(left)}"
    )


if __name__ == "__main__":
    raise SystemExit(main())

"""A command stopped together with every process it started: a preview server and its build workers.

The command is started with ``start_new_session=True`` (its own process group); :func:`stop_group` asks
the whole group to stop and, when it does not within ``timeout`` seconds, kills it.
"""

from __future__ import annotations

import os
import signal
import subprocess


def stop_group(proc: subprocess.Popen, timeout: float = 10.0) -> None:  # type: ignore[type-arg]
    """SIGTERM to the process group of ``proc`` (started in a session of its own), then SIGKILL if it lingers."""
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()

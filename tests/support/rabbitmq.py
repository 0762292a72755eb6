"""A RabbitMQ broker for tests: the one at ALTFORMATS_TEST_AMQP_URL (or 127.0.0.1:5672) if it answers,
otherwise a private node started here in a temporary folder and stopped afterwards."""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import uuid
from contextlib import contextmanager
from pathlib import Path

from .servers import free_port, stop_group, wait_until

DEFAULT_URL = "amqp://guest:guest@127.0.0.1:5672//"
# Debian's /usr/sbin wrappers switch to the rabbitmq user; the real scripts run as whoever we are.
DEBIAN_BIN = Path("/usr/lib/rabbitmq/bin")


def answers(url: str) -> bool:
    """The broker at url accepts an AMQP connection and login now."""
    import kombu

    try:
        with kombu.Connection(url, connect_timeout=3) as conn:
            conn.ensure_connection(max_retries=1)
        return True
    except Exception:
        return False


def _tool(name: str) -> str:
    candidate = DEBIAN_BIN / name
    found = str(candidate) if candidate.exists() else shutil.which(name)
    if not found:
        raise AssertionError(f"{name} is not installed: run scripts/setup (Debian package rabbitmq-server) "
                             "or set ALTFORMATS_TEST_AMQP_URL to a running broker.")
    return found


@contextmanager
def private_node():
    """rabbitmq-server as a node of our own on a free port; yields its amqp:// URL."""
    base = Path(tempfile.mkdtemp(prefix="altformats-rabbitmq-"))
    port = free_port()
    node = f"altformats-test-{uuid.uuid4().hex[:8]}@localhost"
    (base / "rabbitmq.conf").write_text(f"listeners.tcp.default = 127.0.0.1:{port}\nloopback_users = none\n")
    (base / "enabled_plugins").write_text("[].\n")
    env = {**os.environ, "HOME": str(base),  # the node and rabbitmqctl share the Erlang cookie made here
           "RABBITMQ_NODENAME": node, "RABBITMQ_NODE_PORT": str(port), "RABBITMQ_NODE_IP_ADDRESS": "127.0.0.1",
           "RABBITMQ_DIST_PORT": str(free_port()),
           "RABBITMQ_MNESIA_BASE": str(base / "mnesia"), "RABBITMQ_LOG_BASE": str(base / "log"),
           "RABBITMQ_CONFIG_FILE": str(base / "rabbitmq.conf"),  # not /etc/rabbitmq's listeners
           "RABBITMQ_CONF_ENV_FILE": str(base / "rabbitmq-env.conf"),
           "RABBITMQ_ENABLED_PLUGINS_FILE": str(base / "enabled_plugins")}
    (base / "rabbitmq-env.conf").write_text("")
    proc = subprocess.Popen([_tool("rabbitmq-server")], env=env, cwd=base, stdout=open(base / "server.log", "ab"),
                            stderr=subprocess.STDOUT, start_new_session=True)
    url = f"amqp://guest:guest@127.0.0.1:{port}//"
    try:
        def started() -> bool:  # await_startup fails at once until the node has registered with epmd
            if proc.poll() is not None:
                raise AssertionError("the private RabbitMQ node exited: "
                                     + (base / "server.log").read_text(errors="replace")[-2000:])
            return subprocess.run([_tool("rabbitmqctl"), "-n", node, "await_startup", "--timeout", "60"],
                                  env=env, capture_output=True, timeout=120).returncode == 0

        wait_until(started, 180, "the private RabbitMQ node to start", 1.0)
        wait_until(lambda: answers(url), 60, "the private RabbitMQ node to accept logins", 0.5)
        yield url
    finally:
        subprocess.run([_tool("rabbitmqctl"), "-n", node, "stop"], env=env, capture_output=True, timeout=120)
        stop_group(proc)
        shutil.rmtree(base, ignore_errors=True)


@contextmanager
def broker():
    """The machine's broker if one answers, else a private node: yields an amqp:// URL."""
    url = os.environ.get("ALTFORMATS_TEST_AMQP_URL") or DEFAULT_URL
    if answers(url):
        yield url
        return
    with private_node() as private_url:
        yield private_url

"""Shared set-up for the kernel tests: where the kernelspec is, and a small jupyter_client helper."""
import os
import time
import unittest
from queue import Empty

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
KERNEL_NAME = os.environ.get("DIFFUSON_KERNEL_NAME", "diffuson")
# `kernel/diffuson test` installs the kernelspec under build/jupyter; honour an explicit JUPYTER_PATH otherwise.
os.environ.setdefault("JUPYTER_PATH", os.path.join(ROOT, "build", "jupyter", "share", "jupyter"))


def execute(kc, code, timeout=60):
    """Runs code; returns (reply content, [iopub messages of this request except status/execute_input], seconds)."""
    t0 = time.monotonic()
    msg_id = kc.execute(code)
    reply = None
    while reply is None:
        msg = kc.get_shell_msg(timeout=timeout)
        if msg["parent_header"].get("msg_id") == msg_id:
            reply = msg
    elapsed = time.monotonic() - t0
    outputs = []
    while True:
        msg = kc.get_iopub_msg(timeout=timeout)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        kind = msg["msg_type"]
        if kind == "status" and msg["content"]["execution_state"] == "idle":
            break
        if kind in ("status", "execute_input"):
            continue
        outputs.append(msg)
    return reply["content"], outputs, elapsed


def drain(channel_get, seconds=0.2):
    while True:
        try:
            channel_get(timeout=seconds)
        except Empty:
            return


def stream_text(outputs, name="stdout"):
    return "".join(m["content"]["text"] for m in outputs
                   if m["msg_type"] == "stream" and m["content"]["name"] == name)


def result_text(outputs):
    for m in outputs:
        if m["msg_type"] == "execute_result":
            return m["content"]["data"].get("text/plain")
    return None


class KernelAssertions:
    """assert_ok for test classes that have a kernel client in self.kc."""

    def assert_ok(self, code, expected=None):
        reply, outputs, _ = execute(self.kc, code)
        self.assertEqual(reply["status"], "ok", msg=f"{code!r}: {reply}")
        if expected is not None:
            self.assertEqual(result_text(outputs), expected)
        return outputs


class KernelTestCase(unittest.TestCase):
    """One Diffuson kernel shared by the tests of a class (cls.km, cls.kc), shut down after them."""

    @classmethod
    def setUpClass(cls):
        from jupyter_client.manager import start_new_kernel
        cls.km, cls.kc = start_new_kernel(kernel_name=KERNEL_NAME)

    @classmethod
    def tearDownClass(cls):
        cls.kc.stop_channels()
        cls.km.shutdown_kernel(now=True)

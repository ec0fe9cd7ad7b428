"""System.exit in notebook code is an error in the cell, not the end of the kernel; shutdown and restart requests
still end the kernel process normally (exit status 0, not a signal)."""
import time
import unittest

from jupyter_client.manager import start_new_kernel

import kernel_env
from kernel_env import execute, result_text, stream_text

BLOCKED = "was called in a cell; the kernel keeps running. Use the notebook's Restart to restart the kernel."


class ExitTests(unittest.TestCase):

    def setUp(self):
        self.km, self.kc = start_new_kernel(kernel_name=kernel_env.KERNEL_NAME)

    def tearDown(self):
        self.kc.stop_channels()
        if self.km.has_kernel:
            self.km.shutdown_kernel(now=True)

    def assert_result(self, code, expected):
        reply, outputs, _ = execute(self.kc, code)
        self.assertEqual(reply["status"], "ok", msg=f"{code!r}: {reply}")
        self.assertEqual(result_text(outputs), expected)

    def test_exit_in_a_cell_is_an_error_and_the_kernel_keeps_its_state(self):
        self.assert_result("int kept = 41;", None)
        for code, call in (("System.exit(3);", "System.exit(3) "),
                           ("Runtime.getRuntime().exit(0);", "Runtime.exit(0) "),
                           ("Runtime.getRuntime().halt(1);", "Runtime.halt(1) ")):
            reply, outputs, _ = execute(self.kc, code)
            self.assertEqual(reply["status"], "error", code)
            self.assertEqual(reply["ename"], "SystemExit")
            self.assertEqual(reply["evalue"], call + BLOCKED)
            errors = [m["content"] for m in outputs if m["msg_type"] == "error"]
            self.assertEqual(len(errors), 1)
            self.assertIn("notebook snippet", "\n".join(errors[0]["traceback"]), "the trace starts at the cell")
            self.assertTrue(self.km.is_alive())
        self.assert_result("kept + 1", "42")

    def test_exit_in_a_thread_the_cell_started_is_refused_too(self):
        reply, outputs, _ = execute(self.kc, "var t = new Thread(() -> System.exit(4)); t.start(); t.join();")
        self.assertEqual(reply["status"], "ok")
        self.assertIn("System.exit(4) " + BLOCKED, stream_text(outputs, "stderr"))
        time.sleep(0.3)
        self.assertTrue(self.km.is_alive())
        self.assert_result('"alive"', "alive")

    def test_shutdown_and_restart_end_the_process_normally(self):
        execute(self.kc, "System.exit(0);")
        first = self.km.provisioner.process
        self.km.restart_kernel(now=False)
        # 0, not -9 (SIGKILL) or 143 (SIGTERM after half of shutdown_wait_time): the kernel exited by itself.
        self.assertEqual(first.wait(timeout=10), 0)
        self.kc.wait_for_ready(timeout=60)
        self.assert_result("6 * 7", "42")

        second = self.km.provisioner.process
        self.assertIsNot(second, first)
        execute(self.kc, "System.exit(5);")
        self.km.shutdown_kernel(now=False)
        self.assertEqual(second.wait(timeout=10), 0, "shutdown_request ends the kernel with status 0")
        self.assertFalse(self.km.is_alive())


if __name__ == "__main__":
    unittest.main()

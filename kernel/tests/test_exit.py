"""Shutdown and restart requests end the kernel process normally (exit status 0, not a signal), also after a cell
called System.exit (refused: test_stop.py checks that on JDK 17 and 25)."""
import unittest

from jupyter_client.manager import start_new_kernel

import kernel_env
from kernel_env import execute, result_text



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

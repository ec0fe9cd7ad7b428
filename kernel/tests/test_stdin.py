"""stdin: System.in reads and readLine/readPassword in a cell ask the frontend (input_request on the stdin channel)
when the execute request allows it; without allow_stdin they fail at once with a clear message; an interrupt ends
a wait for input, and answers to abandoned requests are not taken for later ones."""
import time
import unittest
from queue import Empty

import kernel_env
from kernel_env import stream_text


class StdinTests(kernel_env.KernelTestCase):

    def setUp(self):
        kernel_env.drain(self.kc.get_stdin_msg, 0.05)

    def finish(self, msg_id, timeout=30):
        """(reply content, iopub outputs without status/execute_input) of the request msg_id."""
        while True:
            reply = self.kc.get_shell_msg(timeout=timeout)
            if reply["parent_header"].get("msg_id") == msg_id:
                break
        outputs = []
        while True:
            msg = self.kc.get_iopub_msg(timeout=timeout)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                break
            if msg["msg_type"] not in ("status", "execute_input"):
                outputs.append(msg)
        return reply["content"], outputs

    def input_request(self, msg_id, prompt="", password=False):
        request = self.kc.get_stdin_msg(timeout=30)
        self.assertEqual(request["msg_type"], "input_request")
        self.assertEqual(request["parent_header"]["msg_id"], msg_id)
        self.assertEqual(request["content"]["prompt"], prompt)
        self.assertEqual(request["content"]["password"], password)
        return request

    def answer(self, request, value):
        """Replies the way notebook frontends do: with the input_request as parent."""
        self.kc.stdin_channel.send(self.kc.session.msg("input_reply", {"value": value}, parent=request))

    def test_scanner_on_system_in_reads_a_line_from_the_frontend(self):
        msg_id = self.kc.execute('System.out.print("Your number? ");\n'
                                 "var sc = new Scanner(System.in);\n"
                                 "int n = Integer.parseInt(sc.nextLine());\n"
                                 "n * 2", allow_stdin=True)
        self.input_request(msg_id)
        self.kc.input("21")  # jupyter_client's way: no parent header
        reply, outputs = self.finish(msg_id)
        self.assertEqual(reply["status"], "ok", reply)
        self.assertEqual(stream_text(outputs), "Your number? ", "the prompt is flushed before the input request")
        self.assertEqual(kernel_env.result_text(outputs), "42")

    def test_system_in_read_and_notebook_read_functions(self):
        msg_id = self.kc.execute("int b = System.in.read(), nl = System.in.read();\n"
                                 'String name = readLine("Name: ");\n'
                                 'String pin = readPassword("PIN: ");\n'
                                 'b + "," + nl + " " + name + "/" + pin.length()', allow_stdin=True)
        self.input_request(msg_id)
        self.kc.input("A")
        self.answer(self.input_request(msg_id, "Name: "), "Ada Lovelace")
        self.answer(self.input_request(msg_id, "PIN: ", password=True), "1234")
        reply, outputs = self.finish(msg_id)
        self.assertEqual(reply["status"], "ok", reply)
        self.assertEqual(kernel_env.result_text(outputs), "65,10 Ada Lovelace/4")

    def test_without_allow_stdin_reads_fail_at_once_with_a_clear_message(self):
        for code, ename in (("new Scanner(System.in).nextLine()", "NoSuchElementException"),
                            ("System.in.read()", "StdinNotAllowedException"),
                            ('readLine("Name: ")', "IllegalStateException")):
            t0 = time.monotonic()
            msg_id = self.kc.execute(code, allow_stdin=False)
            reply, outputs = self.finish(msg_id, timeout=10)
            self.assertLess(time.monotonic() - t0, 5, code)
            self.assertEqual(reply["status"], "error", code)
            self.assertEqual(reply["ename"], ename, code)
            text = reply["evalue"] + stream_text(outputs, "stderr")
            self.assertIn("this frontend does not support input", text, code)
        with self.assertRaises(Empty):
            self.kc.get_stdin_msg(timeout=0.5)

    def test_interrupt_ends_a_wait_for_input_and_late_answers_are_dropped(self):
        msg_id = self.kc.execute("int keep = 7;")
        self.finish(msg_id)
        msg_id = self.kc.execute('String never = readLine("never answered");', allow_stdin=True)
        abandoned = self.input_request(msg_id, "never answered")
        t0 = time.monotonic()
        self.km.interrupt_kernel()
        reply, _ = self.finish(msg_id, timeout=10)
        self.assertLess(time.monotonic() - t0, 2.0)
        self.assertEqual(reply["status"], "error")
        self.assertEqual(reply["ename"], "Interrupted")

        self.kc.input("late, without parent")
        time.sleep(0.3)
        msg_id = self.kc.execute('readLine("again") + keep', allow_stdin=True)
        request = self.input_request(msg_id, "again")
        self.answer(abandoned, "late, for the abandoned request")
        self.answer(request, "fresh")
        reply, outputs = self.finish(msg_id)
        self.assertEqual(reply["status"], "ok", reply)
        self.assertEqual(kernel_env.result_text(outputs), "fresh7")


if __name__ == "__main__":
    unittest.main()

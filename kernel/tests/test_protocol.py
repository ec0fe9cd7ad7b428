"""The Diffuson kernel against jupyter_kernel_test, with every sample attribute filled."""
import unittest

import jupyter_kernel_test
from jupyter_client.utils import run_sync
from jupyter_kernel_test.msgspec_v5 import validate_message

import kernel_env

CHART = ('var demo = new XYChartBuilder().width(320).height(200).title("demo").build();\n'
         'demo.addSeries("squares", new double[]{1, 2, 3}, new double[]{1, 4, 9});\n')


class DiffusonKernelProtocolTests(jupyter_kernel_test.KernelTests):
    kernel_name = kernel_env.KERNEL_NAME
    language_name = "java"
    file_extension = ".jshell"

    code_hello_world = 'System.out.println("hello, world");'
    code_stderr = 'System.err.println("something to stderr");'

    completion_samples = [
        {"text": "Integer.MAX", "matches": {"MAX_VALUE"}},
        {"text": "%lsm", "matches": {"%lsmagic"}},
        {"text": "%%time", "matches": {"%%timeit"}},
        {"text": "Math.sig", "matches": {"signum("}},
    ]
    complete_code_samples = [
        "1",
        'System.out.println("hello, world");',
        "int x = 1",
        "%lsmagic",
        "int n = 3;\n%time n * 2",
        "%%timeit\nMath.sin(1.0)",
        "Math.abs?",
    ]
    incomplete_code_samples = [
        "for (int i = 0; i < 3; i++) {",
        "class A {",
        "x +",
        "%lsmagic\ndouble f(double x) {",
    ]
    invalid_code_samples = ["int x = ;", ")", "}", '"abc']

    code_page_something = "Math.abs?"
    code_generate_error = 'throw new IllegalStateException("deliberate");'
    code_execute_result = [
        {"code": "6*7", "result": "42"},
        {"code": '"dif" + "fuson"', "result": "diffuson"},
        {"code": "new int[]{1, 2, 3}", "result": "[1, 2, 3]"},
        {"code": 'html("<b>bold</b>")', "mime": "text/html", "result": "<b>bold</b>"},
        {"code": "new ZMatrixRMaj(2, 2, true, 1, 0, 0, 1, 0, -1, 1, 0)", "mime": "text/latex"},
    ]
    code_display_data = [
        {"code": 'display(html("<i>shown</i>"));', "mime": "text/html"},
        {"code": CHART + "display(demo);", "mime": "image/png"},
        {"code": CHART + "display(demo);", "mime": "image/svg+xml"},
        {"code": CHART + "display(demo);", "mime": "application/pdf"},
        {"code": 'display(Table.create("t", IntColumn.create("k", 1, 2)));', "mime": "text/html"},
    ]
    code_history_pattern = "6*?"
    supported_history_operations = ("tail", "range", "search")
    code_inspect_sample = "Math.abs("
    code_clear_output = 'System.out.println("gone"); clearOutput();'

    # jupyter_kernel_test waits only 0.1 s for each iopub message after the execute_reply (1 s for "busy"). iopub and
    # shell are separate sockets with separate I/O threads on both ends, so under load (CI with 2 cores shared, load
    # 20-40) the error output or the idle status can arrive later than that although the kernel sent them in order:
    # test_error failed that way at load 40. This is the harness's execute_helper with the same checks (the reply,
    # then busy, execute_input with the code, every output validated against the message spec and parented to the
    # request, then idle) and only the waits raised to IOPUB_WAIT_S.
    IOPUB_WAIT_S = 10

    def execute_helper(self, code, timeout=jupyter_kernel_test.TIMEOUT, silent=False, store_history=True,
                       stop_on_error=True):
        msg_id = self.kc.execute(code=code, silent=silent, store_history=store_history, stop_on_error=stop_on_error)
        reply = self.get_non_kernel_info_reply(timeout=timeout)
        validate_message(reply, "execute_reply", msg_id)
        busy_msg = run_sync(self.kc.iopub_channel.get_msg)(timeout=self.IOPUB_WAIT_S)
        validate_message(busy_msg, "status", msg_id)
        self.assertEqual(busy_msg["content"]["execution_state"], "busy")
        output_msgs = []
        while True:
            msg = run_sync(self.kc.iopub_channel.get_msg)(timeout=self.IOPUB_WAIT_S)
            validate_message(msg, msg["msg_type"], msg_id)
            if msg["msg_type"] == "status":
                self.assertEqual(msg["content"]["execution_state"], "idle")
                break
            elif msg["msg_type"] == "execute_input":
                self.assertEqual(msg["content"]["code"], code)
                continue
            output_msgs.append(msg)
        return reply, output_msgs


if __name__ == "__main__":
    unittest.main()

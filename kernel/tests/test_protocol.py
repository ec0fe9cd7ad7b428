"""The Diffuson kernel against jupyter_kernel_test, with every sample attribute filled."""
import unittest

import jupyter_kernel_test

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


if __name__ == "__main__":
    unittest.main()

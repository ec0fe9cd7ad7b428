"""Reliability of the Diffuson kernel through the real jupyter_client stack: interrupt, timeouts, failing cells,
OutOfMemoryError and StackOverflowError, forged messages, output flushing and error rendering."""
import json
import shutil
import subprocess
import tempfile
import os
import time
import unittest
import uuid
from queue import Empty

import zmq
from jupyter_client.manager import start_new_kernel

import kernel_env
from kernel_env import execute, result_text, stream_text


class ReliabilityTests(kernel_env.KernelAssertions, unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        env = dict(os.environ)
        # A small heap makes the OutOfMemoryError test quick.
        env["JDK_JAVA_OPTIONS"] = "-Xmx768m"
        cls.home = tempfile.mkdtemp(prefix="diffuson-home-")
        env["DIFFUSON_HOME"] = cls.home
        cls.km, cls.kc = start_new_kernel(kernel_name=kernel_env.KERNEL_NAME, env=env)

    @classmethod
    def tearDownClass(cls):
        cls.kc.stop_channels()
        cls.km.shutdown_kernel(now=True)

    def assert_error(self, code, ename=None):
        reply, outputs, elapsed = execute(self.kc, code)
        self.assertEqual(reply["status"], "error", msg=f"{code!r} should fail")
        errors = [m for m in outputs if m["msg_type"] == "error"]
        self.assertEqual(len(errors), 1)
        if ename:
            self.assertEqual(errors[0]["content"]["ename"], ename)
        return errors[0]["content"], elapsed

    def test_hundred_failing_cells_leave_state_intact(self):
        self.assert_ok("int base = 6;")
        failing = ["int broken = ;", 'throw new RuntimeException("n");', "undefinedName + 1",
                   'Integer.parseInt("not a number")', "Object o = null; o.hashCode();"]
        for i in range(100):
            self.assert_error(failing[i % len(failing)])
        self.assertTrue(self.km.is_alive())
        self.assert_ok("base * 7", "42")

    def test_out_of_memory_is_reported_and_survived(self):
        self.assert_ok('String survivor = "alive";')
        error, _ = self.assert_error("long[] huge = new long[Integer.MAX_VALUE - 8];", "OutOfMemoryError")
        error, _ = self.assert_error(
            "{ var hoard = new ArrayList<long[]>(); while (true) hoard.add(new long[1 << 20]); }",
            "OutOfMemoryError")
        self.assertIn("Java heap space", error["evalue"])
        self.assertTrue(self.km.is_alive())
        self.assert_ok("survivor", "alive")

    def test_stack_overflow_is_reported_and_survived(self):
        self.assert_ok("int down(int n) { return down(n + 1) + 1; }")
        error, _ = self.assert_error("down(0)", "StackOverflowError")
        self.assertLess(len(error["traceback"]), 30, "repeated frames are folded")
        self.assert_ok("21 * 2", "42")

    def test_bad_signature_messages_are_ignored(self):
        bad = self.km.client()
        bad.session.key = b"not-the-key"
        bad.start_channels()
        try:
            bad.execute("int forged = 1;")
            with self.assertRaises(Empty):
                bad.get_shell_msg(timeout=1.5)
        finally:
            bad.stop_channels()
        # Raw garbage on the shell socket: unparsable frames.
        ctx = zmq.Context.instance()
        sock = ctx.socket(zmq.DEALER)
        info = self.km.get_connection_info()
        sock.connect("%s://%s:%d" % (info["transport"], info["ip"], info["shell_port"]))
        sock.send_multipart([b"<IDS|MSG>", b"0" * 64, b"{not json", b"{}", b"{}", b"{}"])
        sock.send_multipart([b"<IDS|MSG>", b"", json.dumps({"msg_id": str(uuid.uuid4())}).encode(), b"{}", b"{}", b"{}"])
        time.sleep(0.3)
        sock.close(linger=0)
        self.assertTrue(self.km.is_alive())
        self.assert_error("forged", "CompilationError")
        self.assert_ok("40 + 2", "42")

    def test_variables_survive_imports_and_redefinitions(self):
        # JShell recompiles dependent snippets; with the kernel agent their classes are redefined in place instead
        # of replaced, so values survive (IJava/JJava reset them to null or 0).
        self.assert_ok('var keepMe = new XYChartBuilder().title("kept").build();\n'
                       "import org.diffuson.kernel.display.*; "
                       "import org.knowm.xchart.VectorGraphicsEncoder.VectorGraphicsFormat;")
        self.assert_ok("String.valueOf(keepMe == null ? null : keepMe.getTitle())", "kept")
        self.assert_ok("int seven() { return 7; }\nint fromSeven = seven();")
        self.assert_ok("int seven() { return 8; }")
        self.assert_ok("fromSeven", "7")
        self.assert_ok("seven()", "8")

    def test_stdout_and_stderr_flushed_per_cell(self):
        reply, outputs, _ = execute(self.kc, 'System.out.print("no newline"); System.err.print("err without newline");')
        self.assertEqual(reply["status"], "ok")
        self.assertEqual(stream_text(outputs, "stdout"), "no newline")
        self.assertEqual(stream_text(outputs, "stderr"), "err without newline")
        reply, outputs, _ = execute(self.kc, "1")
        self.assertEqual(stream_text(outputs, "stdout"), "")

    def test_compile_error_shows_line_and_caret(self):
        error, _ = self.assert_error("int a = 1;\nint b = a +* 2;", "CompilationError")
        text = "\n".join(error["traceback"])
        self.assertIn("line 2", text)
        self.assertIn("int b = a +* 2;", text)
        self.assertIn("^", text)

    def test_physics_error_shows_parameter_and_hint(self):
        self.assert_ok('class BadParameter extends RuntimeException {\n'
                       '  BadParameter() { super("broadening must be positive"); }\n'
                       '  public String parameter() { return "eta = -0.1"; }\n'
                       '  public String hint() { return "use a small positive eta"; }\n}')
        error, _ = self.assert_error("throw new BadParameter();", "BadParameter")
        text = "\n".join(error["traceback"])
        self.assertIn("eta = -0.1", text)
        self.assertIn("use a small positive eta", text)

    def test_magic_usage_error_is_one_line(self):
        for code in ("%plot", "%plot t x=a", "%timeout soon", "%maven not-a-coordinate", "%nosuchmagic"):
            error, _ = self.assert_error(code, "UsageError")
            self.assertEqual(len(error["traceback"]), 1, code)
            self.assertNotIn("Exception", error["traceback"][0])

    def test_magics_bind_results_for_plain_java(self):
        self.assert_ok('var tbl = Table.create("curve", DoubleColumn.create("x", 1, 2, 3),'
                       ' DoubleColumn.create("y", 1, 4, 9));')
        outputs = self.assert_ok("%plot tbl x=x y=y logy title=Curve as=curveChart")
        data = [m for m in outputs if m["msg_type"] == "execute_result"][0]["content"]["data"]
        for mime in ("image/png", "image/svg+xml", "application/pdf"):
            self.assertIn(mime, data)
        self.assert_ok("curveChart.getTitle()", "Curve")
        self.assert_ok("%time Math.sqrt(16)", "4")
        self.assert_ok("timing.seconds() >= 0", "true")
        self.assert_ok("%%timeit runs=2 loops=10\nMath.sqrt(2.0)")
        self.assert_ok("timeit.loops()", "10")
        self.assert_ok("%lsmagic")
        self.assert_ok('magics.contains("%plot")', "true")

    def test_rich_display_of_tables_matrices_and_records(self):
        outputs = self.assert_ok('Table.create("t", IntColumn.create("k", 1, 2, 3))')
        data = outputs[-1]["content"]["data"]
        self.assertIn("text/html", data)
        self.assertIn("text/plain", data)
        outputs = self.assert_ok("new ZMatrixRMaj(new double[][]{{1, 0, 0, 1}, {0, -1, 1, 0}})")
        data = outputs[-1]["content"]["data"]
        self.assertIn("pmatrix", data["text/latex"])
        self.assertIn("text/html", data)
        self.assert_ok("record Point(double x, double y) {}")
        outputs = self.assert_ok("new Point(1, 2)")
        self.assertIn("<table", outputs[-1]["content"]["data"]["text/html"])

    def test_progress_bar_is_throttled_and_ends_in_final_state(self):
        reply, outputs, elapsed = execute(self.kc, 'var bar = progress("steps", 2000);\n'
                                             'for (int i = 0; i < 2000; i++) { bar.step(); Thread.sleep(0, 500_000); }\n'
                                             'bar.close();')
        self.assertEqual(reply["status"], "ok")
        shown = [m for m in outputs if m["msg_type"] == "display_data"]
        updates = [m for m in outputs if m["msg_type"] == "update_display_data"]
        self.assertEqual(len(shown), 1)
        display_id = shown[0]["content"]["transient"]["display_id"]
        self.assertTrue(all(u["content"]["transient"]["display_id"] == display_id for u in updates))
        self.assertGreater(elapsed, 1.0)
        self.assertLessEqual(len(updates), 10 * elapsed + 2, "more than 10 updates/s")
        self.assertIn("2000/2000", updates[-1]["content"]["data"]["text/plain"])

    def test_jars_and_classpath_magics_add_code(self):
        work = tempfile.mkdtemp(prefix="diffuson-cp-")
        for pkg, cls in (("jarred", "FromJar"), ("dirred", "FromDir")):
            src = os.path.join(work, "src", pkg)
            os.makedirs(src)
            with open(os.path.join(src, cls + ".java"), "w") as f:
                f.write(f"package {pkg};\npublic class {cls} {{ public static String hi() {{ return \"{cls}\"; }} }}\n")
        classes = os.path.join(work, "classes")
        subprocess.run(["javac", "-d", classes, os.path.join(work, "src", "jarred", "FromJar.java"),
                        os.path.join(work, "src", "dirred", "FromDir.java")], check=True)
        libdir = os.path.join(work, "lib")
        os.makedirs(libdir)
        subprocess.run(["jar", "cf", os.path.join(libdir, "jarred.jar"), "-C", classes, "jarred"], check=True)
        shutil.rmtree(os.path.join(classes, "jarred"))
        self.assert_ok(f"%jars {libdir}/*.jar")
        self.assert_ok("jarred.FromJar.hi()", "FromJar")
        self.assert_ok("jars.size()", "1")
        self.assert_ok(f"%classpath {classes}")
        self.assert_ok("dirred.FromDir.hi()", "FromDir")
        error, _ = self.assert_error(f"%jars {work}/nothing-*.jar", "UsageError")
        self.assertEqual(len(error["traceback"]), 1)

    @unittest.skipIf(os.environ.get("DIFFUSON_OFFLINE") == "1", "needs Maven Central")
    def test_maven_jars_do_not_clash_with_kernel_libraries(self):
        # The kernel's own gson is relocated, so a notebook can load another gson version.
        self.assert_ok("%maven com.google.code.gson:gson:2.10.1 as=gsonJars")
        self.assert_ok('new com.google.gson.Gson().toJson(Map.of("a", 1))', '{"a":1}')
        self.assert_ok("com.google.gson.Gson.class.getProtectionDomain().getCodeSource().getLocation().getPath()"
                       ".endsWith(\"gson-2.10.1.jar\")", "true")
        self.assert_ok("gsonJars.size()", "1")

    def test_inspection_of_kernel_api_shows_javadoc(self):
        msg_id = self.kc.inspect("progress(", len("progress("))
        while True:
            reply = self.kc.get_shell_msg(timeout=10)
            if reply["parent_header"].get("msg_id") == msg_id:
                break
        self.assertTrue(reply["content"]["found"])
        self.assertIn("progress bar", reply["content"]["data"]["text/plain"])


if __name__ == "__main__":
    unittest.main()

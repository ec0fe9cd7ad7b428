"""The kernel's wire format seen through jupyter_client and a raw iopub socket: header dates are ISO 8601 with a
sub-second part and strictly increase, and JSON is not HTML-escaped (SVG travels as it is), with valid signatures."""
import datetime
import re
import time
import unittest

import zmq
from jupyter_client.session import Session

import kernel_env

ISO_SUBSECOND = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3,6}Z$")
CHART = ('var demo = new XYChartBuilder().width(320).height(200).title("a < b & c = \'d\'").build();\n'
         'demo.addSeries("squares", new double[]{1, 2, 3}, new double[]{1, 4, 9});\n'
         'display(demo);')


class WireFormatTests(kernel_env.KernelTestCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        info = cls.km.get_connection_info()
        cls.sub = zmq.Context.instance().socket(zmq.SUB)
        cls.sub.setsockopt(zmq.SUBSCRIBE, b"")
        cls.sub.connect("%s://%s:%d" % (info["transport"], info["ip"], info["iopub_port"]))
        cls.session = Session(key=cls.km.session.key, signature_scheme=cls.km.session.signature_scheme)
        time.sleep(0.5)  # let the subscription reach the kernel's PUB socket

    @classmethod
    def tearDownClass(cls):
        cls.sub.close(linger=0)
        super().tearDownClass()

    def run_cell(self, code):
        """Executes code; returns (shell reply, parsed iopub messages, raw iopub frame lists) of this request."""
        kernel_env.drain(self.kc.get_iopub_msg)
        # under load start_new_kernel's wait_for_ready sends several kernel_info requests; drop their late replies
        kernel_env.drain(self.kc.get_shell_msg)
        while self.sub.poll(0):
            self.sub.recv_multipart()
        msg_id = self.kc.execute(code)
        # start_new_kernel may have sent several kernel_info requests while the kernel started (slow on a loaded
        # machine); their late replies are still queued on the shell channel, so skip to this request's reply
        while True:
            reply = self.kc.get_shell_msg(timeout=60)
            if reply["parent_header"].get("msg_id") == msg_id:
                break
            self.assertEqual(reply["msg_type"], "kernel_info_reply", "an unexpected shell reply")
        parsed = []
        while True:
            msg = self.kc.get_iopub_msg(timeout=60)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            parsed.append(msg)
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                break
        raw = []
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if not self.sub.poll(1000):
                continue
            frames = self.sub.recv_multipart()
            _, msg_list = self.session.feed_identities(frames)
            msg = self.session.deserialize(msg_list)  # raises on a bad signature
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            raw.append(msg_list)
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                break
        return reply, parsed, raw

    def test_header_dates_are_precise_and_strictly_increasing(self):
        reply, parsed, raw = self.run_cell('System.out.println("one"); System.out.flush(); Thread.sleep(100);\n'
                                           'System.err.println("two");')
        self.assertEqual(reply["content"]["status"], "ok")
        self.assertGreaterEqual(len(parsed), 5, [m["msg_type"] for m in parsed])  # busy, input, 2 streams, idle
        dates = [m["header"]["date"] for m in parsed]
        for d in dates + [reply["header"]["date"]]:
            self.assertIsInstance(d, datetime.datetime, "jupyter_client parses ISO 8601 dates")
            self.assertIsNotNone(d.tzinfo)
        for earlier, later in zip(dates, dates[1:]):
            self.assertLess(earlier, later)
        # real times of this cell (a first cell compiles for seconds on a loaded 2-core machine: 8.3 s seen at load 35)
        self.assertLess(dates[-1] - dates[0], datetime.timedelta(seconds=60))
        self.assertEqual(len({d for d in dates}), len(dates))
        self.assertEqual(len(raw), len(parsed))
        for msg_list in raw:
            self.assertRegex(self.session.unpack(msg_list[1])["date"], ISO_SUBSECOND)
            self.assertRegex(self.session.unpack(msg_list[2])["date"], ISO_SUBSECOND)  # the client's, echoed
        self.assertEqual(reply["parent_header"]["date"], parsed[0]["parent_header"]["date"])

    def test_svg_and_html_are_sent_unescaped(self):
        reply, parsed, raw = self.run_cell(CHART + '\ndisplay(html("<b title=\'x=1&y=2\'>bold</b>"));')
        self.assertEqual(reply["content"]["status"], "ok")
        displays = [m for m in parsed if m["msg_type"] == "display_data"]
        self.assertEqual(len(displays), 2)
        svg = displays[0]["content"]["data"]["image/svg+xml"]
        self.assertIn("<svg", svg)
        content = [msg_list[4] for msg_list in raw if b"display_data" in msg_list[1]]
        self.assertEqual(len(content), 2)
        self.assertIn(b"<svg", content[0])
        self.assertIn(b"<b title='x=1&y=2'>bold</b>", content[1])
        for frame in content:
            for escape in (b"\\u003c", b"\\u003e", b"\\u003d", b"\\u0026", b"\\u0027"):
                self.assertNotIn(escape, frame)


if __name__ == "__main__":
    unittest.main()

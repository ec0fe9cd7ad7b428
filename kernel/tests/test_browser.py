"""A real browser: the Debian jupyter-notebook server on 127.0.0.1 serves a copy of the tutorial, headless Debian
Chromium (driven over the DevTools protocol) runs all cells, and the test asserts a rendered plot image and no error
output. The screenshot is kept in build/test-artifacts/browser-tutorial.png."""
import asyncio
import base64
import json
import os
import shutil
import socket
import subprocess
import tempfile
import sys
import time
import unittest
import urllib.request

from tornado.websocket import websocket_connect

import kernel_env

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = os.path.join(kernel_env.ROOT, "build", "test-artifacts")
TOKEN = "diffuson-browser-test"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(predicate, timeout, what):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")


class DevTools:
    """Minimal Chrome DevTools Protocol client over tornado's websocket."""

    def __init__(self, url):
        self.url = url
        self.ws = None
        self.next_id = 0

    async def __aenter__(self):
        self.ws = await websocket_connect(self.url, max_message_size=256 << 20)
        return self

    async def __aexit__(self, *exc):
        self.ws.close()

    async def call(self, method, **params):
        self.next_id += 1
        my_id = self.next_id
        await self.ws.write_message(json.dumps({"id": my_id, "method": method, "params": params}))
        while True:
            raw = await self.ws.read_message()
            if raw is None:
                raise RuntimeError("DevTools connection closed")
            msg = json.loads(raw)
            if msg.get("id") == my_id:
                if "error" in msg:
                    raise RuntimeError(f"{method}: {msg['error']}")
                return msg["result"]

    async def js(self, expression):
        r = await self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in r:
            raise RuntimeError(f"JS error in {expression!r}: {r['exceptionDetails']}")
        return r["result"].get("value")

    async def until(self, expression, timeout, what):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if await self.js(expression):
                return
            await asyncio.sleep(0.25)
        raise AssertionError(f"timed out after {timeout} s waiting for {what}")


@unittest.skipUnless(os.path.exists(CHROMIUM) or os.environ.get("DIFFUSON_REQUIRE_BROWSER") == "1",
                     "Debian chromium is not installed (apt-get install chromium)")
class BrowserTest(unittest.TestCase):

    def test_tutorial_runs_in_chromium_and_shows_a_plot(self):
        work = tempfile.mkdtemp(prefix="diffuson-browser-")
        procs = []
        try:
            nb_dir = os.path.join(work, "notebooks")
            os.makedirs(nb_dir)
            shutil.copy(os.path.join(kernel_env.ROOT, "notebooks", "00-tutorial.ipynb"), nb_dir)
            env = dict(os.environ, JUPYTER_CONFIG_DIR=os.path.join(work, "config"),
                       JUPYTER_RUNTIME_DIR=os.path.join(work, "runtime"), HOME=work)
            port = free_port()
            server = subprocess.Popen(
                ["/usr/bin/python3", "-m", "notebook", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
                 f"--NotebookApp.token={TOKEN}", f"--notebook-dir={nb_dir}", "--NotebookApp.port_retries=0",
                 "--allow-root"],
                env=env, stdout=open(os.path.join(work, "server.log"), "wb"), stderr=subprocess.STDOUT)
            procs.append(server)
            base = f"http://127.0.0.1:{port}"

            def server_up():
                try:
                    with urllib.request.urlopen(f"{base}/api/kernelspecs?token={TOKEN}", timeout=2) as r:
                        return "diffuson" in json.loads(r.read())["kernelspecs"]
                except OSError:
                    return False

            wait_for(server_up, 60, "the notebook server with the diffuson kernelspec")

            profile = os.path.join(work, "chrome")
            chrome = subprocess.Popen(
                [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                 "--disable-default-apps", f"--user-data-dir={profile}", "--remote-debugging-port=0",
                 "--remote-debugging-address=127.0.0.1", "--window-size=1280,1600", "about:blank"],
                stdout=subprocess.DEVNULL, stderr=open(os.path.join(work, "chrome.log"), "wb"))
            procs.append(chrome)
            active = os.path.join(profile, "DevToolsActivePort")
            wait_for(lambda: os.path.exists(active) and open(active).read().count("\n") >= 1, 60, "Chromium")
            devtools_port = int(open(active).read().split()[0])
            with urllib.request.urlopen(f"http://127.0.0.1:{devtools_port}/json/list", timeout=5) as r:
                page = next(t for t in json.loads(r.read()) if t["type"] == "page")
            shot = asyncio.run(self.drive(page["webSocketDebuggerUrl"],
                                          f"{base}/notebooks/00-tutorial.ipynb?token={TOKEN}"))
            os.makedirs(ARTIFACTS, exist_ok=True)
            path = os.path.join(ARTIFACTS, "browser-tutorial.png")
            with open(path, "wb") as f:
                f.write(shot)
            self.assertGreater(os.path.getsize(path), 10_000)
        finally:
            for p in reversed(procs):
                p.terminate()
                try:
                    p.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    p.kill()
            shutil.rmtree(work, ignore_errors=True)

    async def drive(self, ws_url, notebook_url):
        async with DevTools(ws_url) as cdp:
            await cdp.call("Page.enable")
            await cdp.call("Page.navigate", url=notebook_url)
            await cdp.until("typeof Jupyter !== 'undefined' && !!Jupyter.notebook && !!Jupyter.notebook.kernel"
                            " && Jupyter.notebook.kernel.is_connected()", 90, "the notebook and its kernel")
            await cdp.js("Jupyter.notebook.clear_all_output(); Jupyter.notebook.execute_all_cells(); true")
            await cdp.until("Jupyter.notebook.get_cells().filter(c => c.cell_type === 'code')"
                            ".every(c => typeof c.input_prompt_number === 'number')", 300, "all cells to run")
            errors = await cdp.js("document.querySelectorAll('.output_error, .output_stderr').length")
            self.assertEqual(errors, 0, "the tutorial showed error output in the browser")
            # The classic notebook prefers image/svg+xml over image/png; accept either rendering of the chart.
            plots = ("Array.from(document.querySelectorAll('.output_svg svg, .output_png img'))"
                     ".filter(e => e.tagName.toLowerCase() === 'svg' || (e.complete && e.naturalWidth > 0))"
                     ".filter(e => e.getBoundingClientRect().width > 300)")
            await cdp.until(plots + ".length > 0", 30, "a rendered plot")
            box = await cdp.js("(() => { const e = " + plots + "[0]; e.scrollIntoView({block: 'center'});"
                               " const r = e.getBoundingClientRect(); return [r.width, r.height]; })()")
            self.assertGreater(box[0], 300, "the plot is not rendered at a visible size")
            self.assertGreater(box[1], 150)
            # The SVG really draws: Chromium rasterizes the chart's SVG onto a canvas, and the series' coloured ink
            # covers a visible share of it (a chart without its data, or an SVG that fails to render, has none).
            ink = await cdp.js("(async () => { const e = " + plots + "[0];"
                               " if (e.tagName.toLowerCase() !== 'svg') return -1;"
                               " const xml = new XMLSerializer().serializeToString(e);"
                               " const img = new Image();"
                               " img.src = 'data:image/svg+xml;base64,' + btoa(unescape(encodeURIComponent(xml)));"
                               " await img.decode();"
                               " const c = document.createElement('canvas'); c.width = img.naturalWidth; c.height = img.naturalHeight;"
                               " const g = c.getContext('2d'); g.drawImage(img, 0, 0);"
                               " const d = g.getImageData(0, 0, c.width, c.height).data; let n = 0;"
                               " for (let i = 0; i < d.length; i += 4) {"
                               "   const r = d[i], gg = d[i + 1], b = d[i + 2];"
                               "   if (Math.abs(r - gg) + Math.abs(gg - b) + Math.abs(r - b) > 60) n++; }"
                               " return n / (c.width * c.height); })()")
            print(f"chart SVG coloured-ink fraction: {ink:.4f}", file=sys.stderr)
            if ink != -1:
                self.assertGreater(ink, 0.001, "the chart's SVG rendered without coloured series ink")
            await asyncio.sleep(0.3)
            shot = await cdp.call("Page.captureScreenshot", format="png")
            return base64.b64decode(shot["data"])


if __name__ == "__main__":
    unittest.main()

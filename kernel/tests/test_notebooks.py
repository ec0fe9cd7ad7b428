"""Every notebook in notebooks/ executes headless from a copy (nbclient, Diffuson kernel) with no error or stderr
output, no printed double with more than 10 significant digits, at least one image per figure cell, and its figure
files written."""
import glob
import os
import re
import shutil
import tempfile
import unittest

import nbformat
from nbclient import NotebookClient

import kernel_env

NOTEBOOKS = sorted(glob.glob(os.path.join(kernel_env.ROOT, "notebooks", "*.ipynb")))
FIGURE_CELL = re.compile(r"%plot\b|\.save\(|\.export\(|display\([^)]*chart")
NUMBER = re.compile(r"(?<![\w.])[-+−]?(\d*\.\d+|\d+\.\d*)(?:[eE][-+]?\d+)?")
MAX_DIGITS = 10


def long_numbers(text):
    """Decimal numbers in text printed with more than MAX_DIGITS significant digits (full doubles)."""
    bad = []
    for m in NUMBER.finditer(text):
        digits = m.group(1).replace(".", "").lstrip("0")
        if len(digits) > MAX_DIGITS:
            bad.append(m.group(0))
    return bad


def shown_text(out):
    """The human-readable text of an output: streams, text/plain, text/html and text/latex."""
    if out.output_type == "stream":
        return out.text
    data = out.get("data", {})
    return "\n".join(data.get(k, "") for k in ("text/plain", "text/html", "text/latex"))


class NotebookTests(unittest.TestCase):

    def test_there_are_notebooks(self):
        names = [os.path.basename(n) for n in NOTEBOOKS]
        self.assertIn("00-tutorial.ipynb", names)
        self.assertIn("seed-000-spin-diffusion.ipynb", names)

    def test_notebooks_name_the_kernelspec_consistently(self):
        """Every notebook names the `diffuson` kernelspec with the display name install.sh gives it,
        "Diffuson (Java N)" for the JDK N it runs on (`kernel/diffuson execute` records it)."""
        for path in NOTEBOOKS:
            spec = nbformat.read(path, as_version=4).metadata.get("kernelspec", {})
            self.assertEqual(spec.get("name"), "diffuson", os.path.basename(path))
            self.assertRegex(spec.get("display_name", ""), r"^Diffuson \(Java \d+\)$", os.path.basename(path))

    def test_notebooks_execute_headless(self):
        for path in NOTEBOOKS:
            with self.subTest(notebook=os.path.basename(path)):
                self.check(path)

    def check(self, path):
        with tempfile.TemporaryDirectory(prefix="diffuson-nb-") as work:
            copy = os.path.join(work, os.path.basename(path))
            shutil.copy(path, copy)
            nb = nbformat.read(copy, as_version=4)
            for cell in nb.cells:
                if cell.cell_type == "code":
                    cell.outputs = []
            client = NotebookClient(nb, kernel_name=kernel_env.KERNEL_NAME, timeout=900,
                                    resources={"metadata": {"path": work}})
            client.execute()
            figure_cells = 0
            for i, cell in enumerate(nb.cells):
                if cell.cell_type != "code":
                    continue
                for out in cell.outputs:
                    self.assertNotEqual(out.output_type, "error", f"cell {i}: {out.get('evalue')}")
                    if out.output_type == "stream":
                        self.assertEqual(out.name, "stdout", f"cell {i} wrote to stderr: {out.text[:300]}")
                    bad = long_numbers(shown_text(out))
                    self.assertEqual(bad, [], f"cell {i} prints doubles with more than {MAX_DIGITS} significant digits")
                if FIGURE_CELL.search(cell.source):
                    figure_cells += 1
                    images = [o for o in cell.outputs if "image/png" in o.get("data", {})]
                    self.assertGreaterEqual(len(images), 1, f"figure cell {i} shows no image")
            self.assertGreaterEqual(figure_cells, 1)
            written = glob.glob(os.path.join(work, "figures", "*.png"))
            self.assertGreaterEqual(len(written), 1, "the notebook wrote no figure files")


class LongNumberTests(unittest.TestCase):
    def test_long_numbers_are_found(self):
        self.assertEqual(long_numbers("x = 0.000000000000018318679906315083 and 0.8197"), ["0.000000000000018318679906315083"])
        self.assertEqual(long_numbers("σ = 0.8197062841 e²/h, t = 12345678901234 ms, v1.2.3"), [])
        self.assertEqual(long_numbers("-1.234567890123e-05"), ["-1.234567890123e-05"])


if __name__ == "__main__":
    unittest.main()

"""Physics magics through the real kernel: each calls the public API and binds its result for plain Java."""
import unittest

import kernel_env
from kernel_env import execute, result_text, stream_text


class PhysicsMagicTests(kernel_env.KernelTestCase):

    def ok(self, code):
        reply, outputs, _ = execute(self.kc, code, timeout=300)
        self.assertEqual(reply["status"], "ok", msg=f"{code!r}: {reply}")
        return outputs

    def usage_error(self, code):
        reply, outputs, _ = execute(self.kc, code)
        self.assertEqual(reply["status"], "error")
        self.assertEqual(reply["ename"], "UsageError", msg=str(reply))
        self.assertEqual(len(reply["traceback"]), 1)
        return reply["evalue"]

    def test_model_scba_ladder_diffusion_chain(self):
        self.ok("%model minimal b=0.5 gamma1=0.3")
        self.assertEqual(result_text(self.ok('model.name()')), "minimal")
        outputs = self.ok("%scba energy=1.0")
        self.assertIn("text/html", outputs[-1]["content"]["data"])
        self.assertEqual(result_text(self.ok("scba.tau() > 0")), "true")
        self.ok("%ladder energy=1.0")
        self.assertEqual(result_text(self.ok("ladder.energy()")), "1")
        outputs = self.ok("%diffusion")
        self.assertIn("diffusion operator (ħ = 1", stream_text(outputs))
        self.assertEqual(result_text(self.ok("diffusion.relaxationRates().length")), "4")

    def test_sweep_binds_a_table_and_plots(self):
        outputs = self.ok('%%sweep gamma=0.1:0.4:4 title=tau\n'
                          'var m = Preset.DRUDE.with("gamma", gamma).build();\n'
                          'Map.of("tau", Scba.solve(m, 1.0).tau())')
        kinds = [m["msg_type"] for m in outputs]
        self.assertIn("display_data", kinds)      # the progress bar
        self.assertIn("execute_result", kinds)    # the table
        self.assertEqual(result_text(self.ok("sweep.rowCount()")), "4")
        outputs = self.ok("%plot sweep x=gamma y=tau logx logy")
        self.assertIn("image/png", outputs[-1]["content"]["data"])

    def test_study_store_and_sql_magics(self):
        import os
        import tempfile
        store = os.path.join(tempfile.mkdtemp(prefix="diffuson-sql-"), "t.duckdb")
        self.ok('var st = StudyStore.open("%s");\n'
                'var p = Plan.named("sq map").calculation("java:sq").grid(Grid.of(ParameterAxis.lin("x", 0, 3, 4)));\n'
                'Study.of(p).store(st).using((q, o) -> Map.of("sq", Math.pow((Double) q.get("x"), 2)))'
                '.run(progress("sq"))' % store)
        outputs = self.ok("%%%%sql store=%s as=sums\nSELECT sum(sq) AS total FROM sq_map WHERE status = 'ok'" % store)
        self.assertIn("14", str(outputs[-1]["content"]["data"]))
        self.assertIn(result_text(self.ok("sums.doubleColumn(\"total\").get(0)")), ("14", "14.0"))  # cell results print at significant digits
        self.assertIn("sql: ", self.usage_error("%%%%sql store=%s\nSELECT nope FROM sq_map" % store))
        self.assertIn("not a DuckDB database", self.usage_error("%%%%sql store=%s\nSELECT 1" % __file__))

    def test_interrupted_study_leaves_the_store_consistent_and_resumes(self):
        import os
        import tempfile
        import time
        store = os.path.join(tempfile.mkdtemp(prefix="diffuson-int-"), "i.duckdb")
        self.ok('var ist = StudyStore.open("%s");\n'
                'var ip = Plan.named("interrupt me").calculation("java:slow").grid(Grid.of(ParameterAxis.lin("x", 0, 399, 400)));\n'
                'Calculation slow = (q, o) -> { long u = System.nanoTime() + 20_000_000L; '
                'while (System.nanoTime() < u) Thread.onSpinWait(); return Map.of("y", 2 * (Double) q.get("x")); };' % store)
        msg_id = self.kc.execute('Study.of(ip).store(ist).engine(LocalEngine.workers(2)).using(slow).run(progress("slow"))')
        time.sleep(2.5)
        self.km.interrupt_kernel()
        while True:
            reply = self.kc.get_shell_msg(timeout=10)
            if reply["parent_header"].get("msg_id") == msg_id:
                break
        self.assertEqual(reply["content"]["ename"], "Interrupted")
        kernel_env.drain(self.kc.get_iopub_msg)
        time.sleep(3)  # the study's coordinator finishes the points in flight (LocalEngine.GRACE_MS) and commits
        stored = int(result_text(self.ok("ist.count(ip, null)")))
        self.assertGreater(stored, 0)
        self.assertLess(stored, 400)
        self.assertEqual(result_text(self.ok(
            'ist.sql("SELECT count(DISTINCT idx) = count(*) AND bool_and(y = 2 * x) AS fine FROM interrupt_me")'
            '.booleanColumn("fine").get(0)')), "true")
        self.assertEqual(result_text(self.ok(
            "Study.of(ip).store(ist).engine(LocalEngine.workers(2)).using(slow).run().skipped()")), str(stored))
        self.assertEqual(result_text(self.ok("ist.count(ip, \"ok\")")), "400")

    def test_kubo_and_boltzmann_on_the_dirac_model(self):
        # seed 002: Boltzmann total σ_yx = 4ξ(1+ξ²)/(1+3ξ²)² = 0.847334 at ξ = 0.4; the Kubo ladder at finite
        # disorder is within O(1/ε_Fτ) of it (ε_Fτ = 80 here)
        self.ok("%model dirac M=0.4 gamma=0.025 as=dirac")
        outputs = self.ok("%boltzmann dirac energy=1.0")
        self.assertIn("text/html", outputs[-1]["content"]["data"])
        self.assertEqual(result_text(self.ok("Math.abs(boltzmann.total().yx() - 0.847334) < 1e-5")), "true")
        self.ok("%ladder dirac energy=1.0 as=dl")
        outputs = self.ok("%kubo dl current=y field=x")
        shown = result_text(outputs)          # one representation: the value with its unit and certificate
        self.assertIn("σ_yx = ", shown)
        self.assertIn("e²/h", shown)
        self.assertIn("Ward residual", shown)
        self.assertEqual(result_text(self.ok("Math.abs(kubo.total() - 0.847334) < 0.05")), "true")
        self.assertIn("current= must be x, y or z", self.usage_error("%kubo dl current=w field=x"))
        self.assertIn("scalar white-noise",
                      self.usage_error_after("%model copt magnetic=0.02 as=mag", "%boltzmann mag energy=1.0"))

    def test_gauge_magic_seed004(self):
        # set R + a precessing Néel wall: ∫E_s⁰dx = ħΩ/e exactly (Barnes–Maekawa), the repaired kernel is gauge invariant
        outputs = self.ok("%gauge texture=neel precession=2e-6 points=400")
        self.assertIn("text/html", outputs[-1]["content"]["data"])
        self.assertIn("β (eq 94) = 0.001119697", stream_text(outputs))
        self.assertEqual(result_text(self.ok("Math.abs(gauge_smf.voltageReactive() / 2e-6 - 1) < 1e-6")), "true")
        self.assertEqual(result_text(self.ok("gauge.gaugeResidual(gauge.kcsRepaired()) < 1e-10")), "true")
        self.assertEqual(result_text(self.ok("gauge.gaugeResidual(gauge.kcs()) > 1e-3")), "true")
        self.assertEqual(result_text(self.ok("gauge_currents.x().length")), "400")
        self.assertIn("half-metal", self.usage_error("%gauge M=1.5"))
        self.assertIn("use bloch, neel or vortex", self.usage_error("%gauge texture=skyrmion"))

    def usage_error_after(self, setup, code):
        self.ok(setup)
        return self.usage_error(code)

    def test_bad_arguments_are_one_line_usage_errors(self):
        self.assertIn("unknown preset", self.usage_error("%model nosuch"))
        self.assertIn("expects a number", self.usage_error("%model drude gamma=abc"))
        self.assertIn("must be > 0", self.usage_error("%model drude gamma=-1"))
        self.assertIn("unknown option", self.usage_error("%model drude nosuchparam=1"))
        self.ok("%model drude")
        self.assertIn("energy", self.usage_error("%scba"))
        self.assertIn("not a Model", self.usage_error('String notAModel = "x";\n%scba notAModel energy=1'))
        self.assertIn("START:STOP:N", self.usage_error("%%sweep gamma=1:2\n1.0"))

    def test_matrices_and_superoperators_render_as_latex_and_html(self):
        outputs = self.ok("CMatrix.identity(2)")
        data = outputs[-1]["content"]["data"]
        self.assertIn("text/latex", data)
        self.assertIn("text/html", data)
        outputs = self.ok("Superoperator.identity(2)")
        data = outputs[-1]["content"]["data"]
        self.assertIn("pmatrix", data["text/latex"])
        self.assertIn("text/html", data)


if __name__ == "__main__":
    unittest.main()

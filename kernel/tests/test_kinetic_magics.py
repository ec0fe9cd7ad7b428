"""Seed 001 magics through the real kernel: %impurity builds a scatterer, %kinetic the coefficient table."""
import unittest

import kernel_env
import test_physics_magics
from kernel_env import result_text, stream_text


class KineticMagicTests(kernel_env.KernelTestCase):

    # the same helpers as the other physics magics (one place)
    ok = test_physics_magics.PhysicsMagicTests.ok
    usage_error = test_physics_magics.PhysicsMagicTests.usage_error

    def test_impurity_then_kinetic_reproduces_the_kondo_side_jump(self):
        # Eq. 18: η = (0, π/2, 0) → σ_sH = 4 e k_F / 9π² = 0.0450316 e k_F for any n_imp
        out = self.ok("%impurity eta0=0 eta1=pi/2 eta2=0")
        text = stream_text(out)
        self.assertIn("PartialWaveTMatrix", text)
        self.assertIn("optical-theorem residual", text)
        out = self.ok("%kinetic r=0.05")
        self.assertIn("text/html", out[-1]["content"]["data"])
        self.assertIn("σ_sH / (e k_F)", out[-1]["content"]["data"]["text/plain"])
        self.assertEqual(result_text(self.ok("Math.abs(kinetic.sigmaSHOverKF() - 4 / (9 * Math.PI * Math.PI)) < 1e-12")), "true")

    def test_generic_channels_kondo_and_born_models(self):
        self.ok("%impurity channels=0+:0.3,1-:1.1,1+:-0.4,2-:0.5 as=five")
        self.ok("%kinetic five r=0.01 method=exact as=k5")
        self.assertEqual(result_text(self.ok("k5.method()")), "EXACT_GRID")
        out = self.ok("%impurity kondo JN=0.1 eta0=0.1 eta2=0.05 as=ce")
        self.assertIn("T_K = 4.53999e-05", stream_text(out))
        self.ok("%impurity born U=0.3 gamma=0.01 as=born")
        self.ok("%kinetic born r=0.01 units=hbar2 as=kb")
        self.assertEqual(result_text(self.ok("Math.abs(kb.thetaSk()) < 1e-14")), "true")

    def test_bad_input_is_a_usage_error_naming_the_parameter(self):
        self.assertIn("kF", self.usage_error("%impurity eta0=0.1 kF=-1"))
        self.assertIn("eta1", self.usage_error("%impurity eta1=abc"))
        self.assertIn("l+ or l-", self.usage_error("%impurity channels=1x:0.3"))
        self.ok("%impurity eta0=0.1 eta1=pi/2 eta2=0.05")
        self.assertIn("r: must be > 0", self.usage_error("%kinetic r=0"))
        self.assertIn("exactly one of", self.usage_error("%kinetic"))
        self.assertIn("method=", self.usage_error("%kinetic r=0.01 method=magic"))
        # phase shifts are normalised modulo π, not rejected
        out = self.ok("%impurity eta0=3.2415926535 eta1=pi/2 eta2=0 as=shifted")
        self.assertIn("η(l=0,j=1/2)=0.100000", stream_text(out))


if __name__ == "__main__":
    unittest.main()

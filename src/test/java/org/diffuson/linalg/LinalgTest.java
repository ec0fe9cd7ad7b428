package org.diffuson.linalg;

import org.diffuson.DiffusonException;
import org.hipparchus.complex.Complex;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** Linear algebra against definitions (A v = λ v, wᴴA = λwᴴ, vec(AXB) = (Bᵀ⊗A)vec X, LU vs closed form). */
class LinalgTest {
    static CMatrix random(int r, int c, Random rnd) {
        double[][] re = new double[r][c], im = new double[r][c];
        for (int i = 0; i < r; i++) for (int j = 0; j < c; j++) { re[i][j] = rnd.nextGaussian(); im[i][j] = rnd.nextGaussian(); }
        return CMatrix.of(re, im);
    }

    @Test
    void generalEigenRightAndLeft() {
        Random rnd = new Random(1);
        for (int n : new int[]{1, 2, 3, 4, 7, 16}) {
            CMatrix a = random(n, n, rnd);
            Eigen.General e = Eigen.general(a);
            CMatrix lam = CMatrix.diagonal(e.values());
            // residuals relative to ‖A‖: backward-stable QR gives ~1e-14
            assertTrue(a.times(e.right()).minus(e.right().times(lam)).normMax() < 1e-12 * a.normMax() * n, "right n=" + n);
            assertTrue(e.left().dagger().times(a).minus(lam.times(e.left().dagger())).normMax() < 1e-11 * a.normMax() * n, "left n=" + n);
            assertTrue(e.left().dagger().times(e.right()).minus(CMatrix.identity(n)).normMax() < 1e-11 * n, "biorthonormal n=" + n);
        }
    }

    @Test
    void generalEigenKnownSpectrum() {
        // upper-triangular with known eigenvalues, conjugated by a random unitary-ish matrix
        Random rnd = new Random(2);
        CMatrix t = CMatrix.of(new double[][]{{1, 2, 0}, {0, -3, 1}, {0, 0, 0.5}}, new double[][]{{1, 0, 0}, {0, 0, 0}, {0, 0, -2}});
        CMatrix p = random(3, 3, rnd);
        CMatrix a = p.times(t).times(p.inverse());
        Complex[] ev = Eigen.values(a);
        assertEquals(-3, ev[0].getReal(), 1e-12);
        assertEquals(0.5, ev[1].getReal(), 1e-12);
        assertEquals(-2, ev[1].getImaginary(), 1e-12);
        assertEquals(1, ev[2].getImaginary(), 1e-12);
    }

    @Test
    void hermitianEigen() {
        Random rnd = new Random(3);
        for (int n : new int[]{1, 2, 5, 9}) {
            CMatrix x = random(n, n, rnd);
            CMatrix h = x.plus(x.dagger());
            Eigen.Hermitian e = Eigen.hermitian(h);
            CMatrix u = e.vectors();
            double[] v = e.values();
            Complex[] vc = new Complex[n];
            for (int i = 0; i < n; i++) vc[i] = new Complex(v[i]);
            assertTrue(u.dagger().times(u).minus(CMatrix.identity(n)).normMax() < 1e-13);
            assertTrue(h.times(u).minus(u.times(CMatrix.diagonal(vc))).normMax() < 1e-12 * h.normMax());
            for (int i = 1; i < n; i++) assertTrue(v[i] >= v[i - 1]);
        }
        assertThrows(DiffusonException.class, () -> Eigen.hermitian(random(3, 3, rnd)));
    }

    @Test
    void superoperatorSandwichMatchesDefinition() {
        Random rnd = new Random(4);
        CMatrix a = random(3, 3, rnd), b = random(3, 3, rnd), x = random(3, 3, rnd);
        Superoperator s = Superoperator.sandwich(a, b);
        assertTrue(s.apply(x).minus(a.times(x).times(b)).normMax() < 1e-13);
        assertTrue(Superoperator.leftMultiply(a).apply(x).minus(a.times(x)).normMax() < 1e-13);
        assertTrue(Superoperator.rightMultiply(b).apply(x).minus(x.times(b)).normMax() < 1e-13);
        // adjoint in the trace pairing: Tr(Y† S[X]) = Tr((S†[Y])† X)
        CMatrix y = random(3, 3, rnd);
        Complex lhs = y.dagger().times(s.apply(x)).trace(), rhs = s.adjoint().apply(y).dagger().times(x).trace();
        assertEquals(0, lhs.subtract(rhs).norm(), 1e-12);
    }

    @Test
    void pauliBasisConvention() {
        // S_ij = ½ Tr(σ_i S[σ_j]); for S = σ_x·σ_x sandwich: diag(1, 1, -1, -1)
        CMatrix m = Superoperator.sandwich(Pauli.SX).inBasis(OperatorBasis.pauli());
        CMatrix expected = CMatrix.real(new double[][]{{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, -1, 0}, {0, 0, 0, -1}});
        assertTrue(m.minus(expected).normMax() < 1e-15);
        Random rnd = new Random(5);
        for (OperatorBasis b : new OperatorBasis[]{OperatorBasis.pauli(), OperatorBasis.gellMann(3), OperatorBasis.pauliProducts(2), OperatorBasis.matrixUnits(3)}) {
            int n = b.dim();
            Superoperator s = Superoperator.of(n, random(n * n, n * n, rnd));
            assertTrue(Superoperator.fromBasis(b, s.inBasis(b)).approxEquals(s, 1e-12), b.toString());
            CMatrix x = random(n, n, rnd);
            assertTrue(b.compose(b.components(x)).minus(x).normMax() < 1e-13);
        }
    }

    @Test
    void inversesAgree() {
        Random rnd = new Random(6);
        CMatrix a = random(2, 2, rnd);
        double[] out = new double[8];
        assertTrue(ZOps.invert2(a.toArray(), 0, out, 0));
        assertTrue(CMatrix.of(2, 2, out).times(a).minus(CMatrix.identity(2)).normMax() < 1e-14);
        CMatrix b = random(6, 6, rnd);
        assertTrue(b.inverse().times(b).minus(CMatrix.identity(6)).normMax() < 1e-12);
        // determinant = product of eigenvalues
        Complex det = b.determinant(), prod = Complex.ONE;
        for (Complex c : Eigen.values(b)) prod = prod.multiply(c);
        assertEquals(0, det.subtract(prod).norm() / det.norm(), 1e-12);
        assertThrows(DiffusonException.class, () -> CMatrix.zeros(3, 3).inverse());
    }

    @Test
    void kronAndVec() {
        Random rnd = new Random(7);
        CMatrix a = random(2, 2, rnd), b = random(3, 3, rnd);
        CMatrix k = a.kron(b);
        assertEquals(a.get(1, 0).multiply(b.get(2, 1)), k.get(1 * 3 + 2, 0 * 3 + 1));
        CMatrix x = random(3, 3, rnd);
        assertEquals(x, CMatrix.unvec(x.vec(), 3));
    }

    /** The unrolled 2×2 product performs the general loop's operations in the same order: equal bit for bit. */
    @Test
    void unrolledTwoByTwoProductEqualsTheGeneralLoopExactly() {
        Random rnd = new Random(11);
        for (int t = 0; t < 200; t++) {
            double[] a = new double[8], b = new double[8], c = new double[8], ref = new double[8];
            for (int i = 0; i < 8; i++) { a[i] = rnd.nextGaussian(); b[i] = rnd.nextGaussian() * 1e3; }
            for (int i = 0; i < 2; i++)
                for (int j = 0; j < 2; j++) {
                    double sr = 0, si = 0;
                    for (int l = 0; l < 2; l++) {
                        double ar = a[2 * (i * 2 + l)], ai = a[2 * (i * 2 + l) + 1], br = b[2 * (l * 2 + j)], bi = b[2 * (l * 2 + j) + 1];
                        sr += ar * br - ai * bi;
                        si += ar * bi + ai * br;
                    }
                    ref[2 * (i * 2 + j)] = sr;
                    ref[2 * (i * 2 + j) + 1] = si;
                }
            ZOps.mult(a, 2, 2, b, 2, c);
            assertArrayEquals(ref, c, 0);
        }
    }

    /** The unrolled inner dimension 4 (superoperator products of 2×2 models) equals the general loop bit for bit. */
    @Test
    void mult4EqualsTheGeneralLoop() {
        Random rnd = new Random(4);
        for (int[] shape : new int[][]{{4, 4}, {4, 1}, {1, 4}, {3, 5}}) {
            int m = shape[0], n = shape[1];
            for (int t = 0; t < 100; t++) {
                double[] a = new double[2 * m * 4], b = new double[2 * 4 * n], c = new double[2 * m * n], ref = new double[2 * m * n];
                for (int i = 0; i < a.length; i++) a[i] = rnd.nextGaussian();
                for (int i = 0; i < b.length; i++) b[i] = rnd.nextGaussian() * 1e3;
                for (int i = 0; i < m; i++)
                    for (int j = 0; j < n; j++) {
                        double sr = 0, si = 0;
                        for (int l = 0; l < 4; l++) {
                            double ar = a[2 * (i * 4 + l)], ai = a[2 * (i * 4 + l) + 1], br = b[2 * (l * n + j)], bi = b[2 * (l * n + j) + 1];
                            sr += ar * br - ai * bi;
                            si += ar * bi + ai * br;
                        }
                        ref[2 * (i * n + j)] = sr;
                        ref[2 * (i * n + j) + 1] = si;
                    }
                ZOps.mult(a, m, 4, b, n, c);
                assertArrayEquals(ref, c, 0);
            }
        }
    }

    /**
     * Band-storage LU with pivoting against the dense LU on the same banded matrix (oracle: the dense solve and the
     * residual |A x − b|). Small diagonal entries force row exchanges, so the pivoting fill (upper band kl + ku) is used.
     */
    @Test
    void bandedLuAgreesWithDenseLu() {
        Random rnd = new Random(7);
        int n = 40, kl = 3, ku = 2;
        double[] dense = new double[2 * n * n], band = new double[2 * n * ZOps.bandWidth(kl, ku)];
        for (int i = 0; i < n; i++)
            for (int j = Math.max(0, i - kl); j <= Math.min(n - 1, i + ku); j++) {
                double re = rnd.nextGaussian() * (i == j ? 1e-3 : 1), im = rnd.nextGaussian();
                dense[2 * (i * n + j)] = re;
                dense[2 * (i * n + j) + 1] = im;
                band[ZOps.bandIndex(i, j, kl, ku)] = re;
                band[ZOps.bandIndex(i, j, kl, ku) + 1] = im;
            }
        double[] b = new double[2 * n];
        for (int i = 0; i < 2 * n; i++) b[i] = rnd.nextGaussian();
        double[] a0 = dense.clone();
        int[] piv = new int[n], pivD = new int[n];
        assertTrue(ZOps.luDecomposeBanded(band, n, kl, ku, piv));
        double[] x = b.clone();
        ZOps.luSolveBanded(band, n, kl, ku, piv, x);
        assertTrue(ZOps.luDecompose(dense, n, pivD));
        double[] xd = new double[2 * n];
        for (int i = 0; i < n; i++) {
            xd[2 * i] = b[2 * pivD[i]];
            xd[2 * i + 1] = b[2 * pivD[i] + 1];
        }
        ZOps.luSolveColumns(dense, n, xd, 1);
        double worst = 0, resid = 0;
        for (int i = 0; i < 2 * n; i++) worst = Math.max(worst, Math.abs(x[i] - xd[i]));
        double[] ax = new double[2 * n];
        ZOps.mult(a0, n, n, x, 1, ax);
        for (int i = 0; i < 2 * n; i++) resid = Math.max(resid, Math.abs(ax[i] - b[i]));
        assertTrue(worst < 1e-11, "banded vs dense solution: " + worst);
        assertTrue(resid < 1e-12, "|A x − b| = " + resid);
        int swaps = 0;
        for (int k = 0; k < n; k++) if (piv[k] != k) swaps++;
        assertTrue(swaps > 0, "the test matrix must exercise pivoting");
    }

    @Test
    void adjointProductsOfSmallBlocks() {
        // A·B† and A†·B against CMatrix (independent: Hipparchus Complex arithmetic), and the fused, 2×2-unrolled
        // acc += w·A·B† equal bit for bit to the product followed by the weighted addition (kinetic Γ = ⟨T T†⟩)
        Random rnd = new Random(7);
        for (int n : new int[]{2, 3}) {
            CMatrix a = random(n, n, rnd), b = random(n, n, rnd);
            double[] c = new double[2 * n * n];
            ZOps.multByAdjoint(a.toArray(), 0, b.toArray(), 0, n, c, 0);
            assertTrue(CMatrix.of(n, n, c).minus(a.times(b.dagger())).normMax() < 1e-15, "A B†, n = " + n);
            ZOps.multAdjoint(a.toArray(), 0, b.toArray(), 0, n, n, n, c, 0);
            assertTrue(CMatrix.of(n, n, c).minus(a.dagger().times(b)).normMax() < 1e-15, "A† B, n = " + n);
            double[] acc1 = new double[2 * n * n], acc2 = new double[2 * n * n], prod = new double[2 * n * n];
            for (int k = 0; k < 5; k++) {
                CMatrix t = random(n, n, rnd);
                double w = rnd.nextDouble();
                ZOps.multByAdjointAdd(t.toArray(), 0, t.toArray(), 0, n, w, acc1);
                ZOps.multByAdjoint(t.toArray(), 0, t.toArray(), 0, n, prod, 0);
                ZOps.addScaled(acc2, w, prod, n);
            }
            assertArrayEquals(acc2, acc1, 0, "fused = product + addScaled, n = " + n);
        }
    }
}

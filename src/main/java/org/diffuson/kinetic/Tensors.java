package org.diffuson.kinetic;

/**
 * Isotropic rank-4 tensors on (vector index, spin index) pairs (seed 001 Eq. S56, with the index order fixed so that
 * 𝕋^1 projects onto the antisymmetric part): 𝕋^0_{ia,lb} = ⅓δ_{ia}δ_{lb}, 𝕋^1 = ½(δ_{il}δ_{ab} − δ_{ib}δ_{al}),
 * 𝕋^2 = ½(δ_{il}δ_{ab} + δ_{ib}δ_{al}) − ⅓δ_{ia}δ_{lb}; 𝕋^m·𝕋^m = 2m + 1. 12×12 moment matrices are indexed by
 * (i, A) → 4i + A with A = 0 (charge), 1–3 (spin x, y, z).
 */
final class Tensors {
    private Tensors() {}

    static int idx(int i, int a) { return 4 * i + a; }

    static double delta(int a, int b) { return a == b ? 1 : 0; }

    static double eps(int i, int j, int k) {
        if (i == j || j == k || i == k) return 0;
        return ((i == 0 && j == 1) || (i == 1 && j == 2) || (i == 2 && j == 0)) ? 1 : -1;
    }

    /** 𝕋^m_{ia,lb} with spatial/spin indices 0..2. */
    static double t(int m, int i, int a, int l, int b) {
        double d1 = delta(i, l) * delta(a, b), d2 = delta(i, b) * delta(a, l), d0 = delta(i, a) * delta(l, b);
        return switch (m) {
            case 0 -> d0 / 3;
            case 1 -> 0.5 * (d1 - d2);
            default -> 0.5 * (d1 + d2) - d0 / 3;
        };
    }

    /** (1/3) Σ_i M[i0; i0]. */
    static double charge(double[] m) {
        return (m[idx(0, 0) * 12 + idx(0, 0)] + m[idx(1, 0) * 12 + idx(1, 0)] + m[idx(2, 0) * 12 + idx(2, 0)]) / 3;
    }

    /** (1/6) Σ ε_{jka} M[j0; ka]: the charge-row, spin-column coupling (e.g. M[x0; yz]). */
    static double chargeSpin(double[] m) {
        double s = 0;
        for (int j = 0; j < 3; j++)
            for (int k = 0; k < 3; k++)
                for (int a = 0; a < 3; a++) s += eps(j, k, a) * m[idx(j, 0) * 12 + idx(k, a + 1)];
        return s / 6;
    }

    /** (1/6) Σ ε_{jkb} M[jb; k0]: the spin-row, charge-column coupling (e.g. M[xz; y0]). */
    static double spinCharge(double[] m) {
        double s = 0;
        for (int j = 0; j < 3; j++)
            for (int k = 0; k < 3; k++)
                for (int b = 0; b < 3; b++) s += eps(j, k, b) * m[idx(j, b + 1) * 12 + idx(k, 0)];
        return s / 6;
    }

    /** (1/(2m+1)) Σ 𝕋^m_{ia,lb} M[ia; lb]. */
    static double spin(double[] mat, int m) {
        double s = 0;
        for (int i = 0; i < 3; i++)
            for (int a = 0; a < 3; a++)
                for (int l = 0; l < 3; l++)
                    for (int b = 0; b < 3; b++) s += t(m, i, a, l, b) * mat[idx(i, a + 1) * 12 + idx(l, b + 1)];
        return s / (2 * m + 1);
    }

    /**
     * Largest deviation of a 12×12 moment matrix from its isotropic reconstruction
     * c δ + cs ε + sc ε + Σ_m s_m 𝕋^m, relative to its largest element: a rotational-invariance check.
     */
    static double anisotropy(double[] mat) {
        double c = charge(mat), cs = chargeSpin(mat), sc = spinCharge(mat);
        double[] sm = {spin(mat, 0), spin(mat, 1), spin(mat, 2)};
        double res = 0, max = 0;
        for (int i = 0; i < 3; i++)
            for (int a = 0; a < 4; a++)
                for (int l = 0; l < 3; l++)
                    for (int b = 0; b < 4; b++) {
                        double v;
                        if (a == 0 && b == 0) v = c * delta(i, l);
                        else if (a == 0) v = cs * eps(i, l, b - 1);
                        else if (b == 0) v = sc * eps(i, l, a - 1);
                        else v = sm[0] * t(0, i, a - 1, l, b - 1) + sm[1] * t(1, i, a - 1, l, b - 1) + sm[2] * t(2, i, a - 1, l, b - 1);
                        double x = mat[idx(i, a) * 12 + idx(l, b)];
                        res = Math.max(res, Math.abs(x - v));
                        max = Math.max(max, Math.abs(x));
                    }
        return max == 0 ? 0 : res / max;
    }
}

package org.diffuson.integrate;

import org.diffuson.DiffusonException;
import org.diffuson.linalg.ZOps;
import org.diffuson.model.LatticeHamiltonian;

/**
 * Berry curvature, Chern numbers and the intrinsic anomalous Hall conductance of 2D lattice models (ħ = 1, charge −e).
 * <ul>
 *   <li>{@link #chernFukui}: Fukui–Hatsugai–Suzuki (J. Phys. Soc. Jpn. 74, 1674 (2005)) lattice field strength from
 *   U(1) link variables det⟨u_n(k)|u_m(k+μ)⟩ of the occupied subspace. Gauge invariant and an exact integer on any mesh
 *   fine enough that every plaquette flux is below π.</li>
 *   <li>{@link #hallConductance}: the Kubo/TKNN sum σ_yx = (e²/h)·2π Σ_k Σ_m Ω^m n_FD(ε^m), with Ω from ∂H/(ε_m − ε_n)
 *   (seed 002 Eqs. 39–43), summed as Σ_{m occ, n empty} −2 Im R′_x^{mn}R′_y^{nm} so that occupied pairs cancel exactly.
 *   Convention: σ_yx = j_y/E_x; with this library's Ω, a band of Chern number C (C = (1/2π)∫Ω) gives σ_yx = C e²/h.
 *   The sum is {@link BerrySea#integrateMesh}'s (one integrand, one parallel k-sum).</li>
 * </ul>
 */
public final class BerryCurvature {
    private BerryCurvature() {}

    /** Chern number of the bands below the Fermi energy (which must lie in a gap on the whole mesh), FHS method. */
    public static double chernFukui(LatticeHamiltonian h, BrillouinZone bz, double fermiEnergy) {
        int n = h.dim(), n1 = bz.n1(), n2 = bz.n2();
        BerryBands b = new BerryBands(h);
        int occ = -1;
        double[][] vec = new double[n1 * n2][];
        double minGap = Double.POSITIVE_INFINITY, scale = 0;
        for (int i = 0; i < n1; i++)
            for (int j = 0; j < n2; j++) {
                b.at(bz.kx(i, j), bz.ky(i, j));
                int o = 0;
                while (o < n && b.eps[o] < fermiEnergy) o++;
                if (occ < 0) occ = o;
                if (o != occ)
                    throw new DiffusonException("fermiEnergy", "ε_F = " + fermiEnergy + " is not in a gap (band count below ε_F changes across the zone)",
                            "a Chern number needs an insulator; put ε_F in a gap or use hallConductance for a metal");
                if (occ > 0 && occ < n) minGap = Math.min(minGap, b.eps[occ] - b.eps[occ - 1]);
                scale = Math.max(scale, Math.max(Math.abs(b.eps[0]), Math.abs(b.eps[n - 1])));
                vec[i * n2 + j] = b.u.clone();
            }
        if (minGap < 1e-9 * scale)
            throw new DiffusonException("hamiltonian", "occupied and empty bands are degenerate on the mesh (gap " + minGap + ", band scale " + scale + ")",
                    "the gap is closed at this parameter: a Chern number is undefined at a topological transition");
        if (occ == 0) return 0;
        double[] m = new double[2 * occ * occ];
        double sum = 0;
        for (int i = 0; i < n1; i++)
            for (int j = 0; j < n2; j++) {
                double[] u00 = vec[i * n2 + j], u10 = vec[Math.floorMod(i + 1, n1) * n2 + j];
                double[] u11 = vec[Math.floorMod(i + 1, n1) * n2 + Math.floorMod(j + 1, n2)], u01 = vec[i * n2 + Math.floorMod(j + 1, n2)];
                // product of links U1(k) U2(k+x) U1(k+y)* U2(k)*
                double[] l1 = link(u00, u10, n, occ, m), l2 = link(u10, u11, n, occ, m);
                double[] l3 = link(u01, u11, n, occ, m), l4 = link(u00, u01, n, occ, m);
                double pr = l1[0] * l2[0] - l1[1] * l2[1], pi = l1[0] * l2[1] + l1[1] * l2[0];
                double qr = pr * l3[0] + pi * l3[1], qi = pi * l3[0] - pr * l3[1];
                double rr = qr * l4[0] + qi * l4[1], ri = qi * l4[0] - qr * l4[1];
                sum += Math.atan2(ri, rr);
            }
        // arg of the plaquette loop = −∮A = −∫Ω (A = i⟨u|∂u⟩), so C = (1/2π)∫Ω = −(1/2π) Σ arg.
        return -sum / (2 * Math.PI);
    }

    /** Normalized det⟨u_a(k)|u_b(k')⟩ over the occupied bands a, b < occ. */
    private static double[] link(double[] ua, double[] ub, int n, int occ, double[] m) {
        ZOps.multAdjoint(ua, 0, ub, 0, n, occ, occ, m, 0);
        org.hipparchus.complex.Complex det = ZOps.determinant(m, occ);
        double[] d = {det.getReal(), det.getImaginary()};
        double r = Math.hypot(d[0], d[1]);
        if (r < 1e-12)
            throw new DiffusonException("mesh", "link variable vanishes (neighbouring occupied subspaces orthogonal)", "refine the k-mesh");
        return new double[]{d[0] / r, d[1] / r};
    }

    /**
     * Intrinsic (Fermi-sea) anomalous Hall conductance σ_yx in e²/h on the mesh: 2π Σ_k w Σ_m Ω^m n_FD(ε^m) at T = 0.
     * Exact-to-exponential accuracy in a gap; O(1/N) for a metal (the occupation step is not resolved).
     */
    public static double hallConductance(LatticeHamiltonian h, BrillouinZone bz, double fermiEnergy) {
        return 2 * Math.PI * new BerrySea(new BerryBands(h), new double[0][], 1).integrateMesh(bz, fermiEnergy)[0];
    }
}

package org.diffuson.usadel;

import org.diffuson.DiffusonException;

/**
 * Boundary conditions of a 1D junction (seed 003 §IV.C for the vacuum condition; the Kupriyanov–Lukichev condition is
 * the standard tunnel one, not in the paper): at an outer end a rigid superconductor (ǧ = its bulk value), vacuum or
 * insulator (full current J̌ = 0; in 1D the θ and κ terms vanish, so ∂ǧ = 0), or a tunnel barrier to a rigid reservoir
 * ǧ∂ǧ = ±[ǧ_S, ǧ]/(2L_B); between layers transparent (ǧ and Dǧ∂ǧ continuous) or tunnel
 * (D_Lǧ_L∂ǧ_L = D_Rǧ_R∂ǧ_R = D_R[ǧ_L, ǧ_R]/(2L_B)).
 */
public sealed interface Boundary {

    /** ǧ fixed to the bulk value of {@code reservoir} with phase φ (Δ → Δe^{iφ}). */
    record Rigid(Bulk reservoir, double phase) implements Boundary {
    }

    /** Vacuum/insulator: J̌ = 0. */
    record Vacuum() implements Boundary {
    }

    /** Kupriyanov–Lukichev barrier of length L_B = R_B σ to a rigid reservoir. */
    record Tunnel(Bulk reservoir, double phase, double barrier) implements Boundary {
        public Tunnel {
            DiffusonException.requirePositive("barrier", barrier);
        }
    }

    /** Regular vortex core at r0 → 0: Θ′ = nΘ/r (Θ ∝ r^n; θ-form, radial geometry only). */
    record Core() implements Boundary {
    }

    /** Contact between layers: transparent. */
    record Transparent() implements Boundary {
    }

    /** Contact between layers: Kupriyanov–Lukichev barrier, L_B measured in the right layer. */
    record Barrier(double barrier) implements Boundary {
        public Barrier {
            DiffusonException.requirePositive("barrier", barrier);
        }
    }

    /** The reservoir of an outer end that has one (rigid or tunnel), null for any other boundary. */
    static Bulk reservoirOf(Boundary b) {
        return b instanceof Rigid r ? r.reservoir() : b instanceof Tunnel t ? t.reservoir() : null;
    }

    /** The phase of an outer end's reservoir (rigid or tunnel), 0 for any other boundary. */
    static double phaseOf(Boundary b) {
        return b instanceof Rigid r ? r.phase() : b instanceof Tunnel t ? t.phase() : 0;
    }

    static Boundary rigid(Bulk reservoir) {
        return new Rigid(reservoir, 0);
    }

    static Boundary rigid(Bulk reservoir, double phase) {
        return new Rigid(reservoir, phase);
    }

    static Boundary vacuum() {
        return new Vacuum();
    }

    static Boundary tunnel(Bulk reservoir, double phase, double barrier) {
        return new Tunnel(reservoir, phase, barrier);
    }

    static Boundary core() {
        return new Core();
    }

    static Boundary transparent() {
        return new Transparent();
    }

    static Boundary barrier(double lB) {
        return new Barrier(lB);
    }
}

package org.diffuson.integrate;

import org.diffuson.DiffusonException;
import org.diffuson.model.LatticeHamiltonian;

/**
 * Uniform N₁×N₂ Monkhorst–Pack-style mesh over the 2D Brillouin zone {s b₁ + t b₂ : s, t ∈ [0, 1)} of a
 * {@link LatticeHamiltonian}: k_{ij} = (i + δ)/N₁ b₁ + (j + δ)/N₂ b₂ with weight |b₁×b₂|/(N₁N₂(2π)²), so that
 * Σ_{ij} w f(k_{ij}) → ∫_BZ d²k/(2π)² f (the library measure). For smooth periodic integrands the error decays
 * faster than any power of 1/N; for integrands with a Fermi-surface step it is O(1/N). The mesh is periodic:
 * index i + N₁ is the point i (used by the Fukui–Hatsugai–Suzuki link variables in {@link BerryCurvature}).
 */
public record BrillouinZone(double b1x, double b1y, double b2x, double b2y, int n1, int n2, double shift) {
    public BrillouinZone {
        if (n1 < 2 || n2 < 2) throw new DiffusonException("mesh", "needs at least 2×2 points, got " + n1 + "×" + n2, "pass N ≥ 2");
        if (Math.abs(b1x * b2y - b1y * b2x) < 1e-14)
            throw new DiffusonException("reciprocalVectors", "b₁ and b₂ are parallel", "pass independent reciprocal vectors");
        DiffusonException.requireFinite("shift", shift);
    }

    /** N×N mesh of the model's zone, unshifted (contains Γ and the time-reversal-invariant momenta for even N). */
    public static BrillouinZone uniform(LatticeHamiltonian h, int n) { return uniform(h, n, n, 0); }

    /** N₁×N₂ mesh with fractional offset δ (δ = 0.5 avoids high-symmetry points). */
    public static BrillouinZone uniform(LatticeHamiltonian h, int n1, int n2, double shift) {
        double[] b = h.reciprocalVectors();
        return new BrillouinZone(b[0], b[1], b[2], b[3], n1, n2, shift);
    }

    public int size() { return n1 * n2; }

    public double area() { return Math.abs(b1x * b2y - b1y * b2x); }

    /** Quadrature weight per point: area/(N₁N₂(2π)²). */
    public double weight() { return area() / (n1 * (double) n2 * 4 * Math.PI * Math.PI); }

    /** k_x of mesh point (i, j); indices are taken modulo the mesh. */
    public double kx(int i, int j) { return (Math.floorMod(i, n1) + shift) / n1 * b1x + (Math.floorMod(j, n2) + shift) / n2 * b2x; }

    public double ky(int i, int j) { return (Math.floorMod(i, n1) + shift) / n1 * b1y + (Math.floorMod(j, n2) + shift) / n2 * b2y; }

    /** A scalar function of k. */
    @FunctionalInterface
    public interface KFunction { double at(double kx, double ky); }

    /** Σ_k w f(k) ≈ ∫_BZ d²k/(2π)² f. */
    public double integrate(KFunction f) {
        double s = 0;
        for (int i = 0; i < n1; i++)
            for (int j = 0; j < n2; j++) s += f.at(kx(i, j), ky(i, j));
        return s * weight();
    }

    /** The same zone with a finer mesh (adaptive refinement is done by doubling until two meshes agree). */
    public BrillouinZone refined(int factor) { return new BrillouinZone(b1x, b1y, b2x, b2y, n1 * factor, n2 * factor, shift); }
}

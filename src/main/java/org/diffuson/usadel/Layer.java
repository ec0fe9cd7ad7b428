package org.diffuson.usadel;

import org.diffuson.DiffusonException;

import java.util.Locale;

/**
 * One layer of a 1D junction: length, diffusion constant D, pair potential Δ (fixed, or self-consistent if
 * {@code criticalTemperature} &gt; 0), exchange field (hx, hy, hz) optionally rotating about z with wavevector
 * {@code helix} (h(x) = (hx cos qx − hy sin qx, hx sin qx + hy cos qx, hz), x from the layer's left edge), and
 * Elliott–Yafet rate 1/τ_so (seed 003 Eq. 70). {@code domains} × {@code intervals} is its Chebyshev mesh.
 */
public record Layer(String name, double length, double diffusion, double gap, double criticalTemperature,
                    double hx, double hy, double hz, double helix, double spinFlipRate, int domains, int intervals) {

    public Layer {
        DiffusonException.requirePositive("length", length);
        DiffusonException.requirePositive("diffusion", diffusion);
        DiffusonException.requireFinite("gap", gap);
        if (gap < 0) throw new DiffusonException("gap", "Δ must be ≥ 0 (set a phase on the reservoir instead), got "
                + gap, "pass |Δ|");
        DiffusonException.requireFinite("criticalTemperature", criticalTemperature);
        DiffusonException.requireFinite("field", hx + hy + hz + helix);
        DiffusonException.requireFinite("spinFlipRate", spinFlipRate);
        if (spinFlipRate < 0) throw new DiffusonException("spinFlipRate", "1/τ_so must be ≥ 0, got " + spinFlipRate,
                "pass 0 for no spin relaxation");
        if (domains < 1 || intervals < 4)
            throw new DiffusonException("nodes", "need ≥ 1 domain of ≥ 4 intervals", "use e.g. domains = 2, intervals = 16");
    }

    /** Normal metal of the given length and D (2 × 16 Chebyshev intervals). */
    public static Layer normal(double length, double diffusion) {
        return new Layer("N", length, diffusion, 0, 0, 0, 0, 0, 0, 0, 2, 16);
    }

    /** Ferromagnet with exchange field h along z. */
    public static Layer ferromagnet(double length, double diffusion, double h) {
        return new Layer("F", length, diffusion, 0, 0, 0, 0, h, 0, 0, 2, 16);
    }

    /** Superconductor with a fixed gap Δ. */
    public static Layer superconductor(double length, double diffusion, double gap) {
        return new Layer("S", length, diffusion, gap, 0, 0, 0, 0, 0, 0, 2, 16);
    }

    public Layer named(String n) {
        return new Layer(n, length, diffusion, gap, criticalTemperature, hx, hy, hz, helix, spinFlipRate, domains, intervals);
    }

    public Layer withField(double x, double y, double z) {
        return new Layer(name, length, diffusion, gap, criticalTemperature, x, y, z, helix, spinFlipRate, domains, intervals);
    }

    public Layer withHelix(double q) {
        return new Layer(name, length, diffusion, gap, criticalTemperature, hx, hy, hz, q, spinFlipRate, domains, intervals);
    }

    public Layer withSpinRelaxation(double rate) {
        return new Layer(name, length, diffusion, gap, criticalTemperature, hx, hy, hz, helix, rate, domains, intervals);
    }

    /** Self-consistent pair potential with this T_c0 (the fixed {@code gap} is then the starting guess). */
    public Layer selfConsistent(double tc) {
        return new Layer(name, length, diffusion, gap, tc, hx, hy, hz, helix, spinFlipRate, domains, intervals);
    }

    public Layer withMesh(int d, int n) {
        return new Layer(name, length, diffusion, gap, criticalTemperature, hx, hy, hz, helix, spinFlipRate, d, n);
    }

    /** Exchange field at local coordinate x ∈ [0, length]. */
    public double[] field(double x) {
        if (helix == 0) return new double[]{hx, hy, hz};
        double c = Math.cos(helix * x), s = Math.sin(helix * x);
        return new double[]{hx * c - hy * s, hx * s + hy * c, hz};
    }

    /** True if the field is along z everywhere (the θ-parametrization applies). */
    public boolean collinear() {
        return hx == 0 && hy == 0;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s[L = %.4g, D = %.4g, Δ = %.4g%s, h = (%.3g, %.3g, %.3g)%s, 1/τ_so = %.4g]",
                name, length, diffusion, gap, criticalTemperature > 0 ? String.format(Locale.ROOT,
                        " (self-consistent, T_c0 = %.4g)", criticalTemperature) : "", hx, hy, hz,
                helix != 0 ? String.format(Locale.ROOT, " helix q = %.3g", helix) : "", spinFlipRate);
    }
}

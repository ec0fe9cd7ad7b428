package org.diffuson.model;

import org.diffuson.DiffusonException;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A disordered-electron model as data: Hamiltonian H(k), disorder correlator Γ (for the self-energy), ladder rung
 * (for vertex corrections; by default the same Γ), a hard momentum cutoff |k| ≤ k_c, and the parameters it was built
 * from. Units: ħ = 1; energies and momenta in the model's own units (stated per preset); measure ∫d^dk/(2π)^d.
 * Validated on construction (Hermitian H, dimensions agree, finite cutoff).
 */
public record Model(String name, Hamiltonian hamiltonian, Disorder disorder, Rung rung, double cutoff,
                    Map<String, Object> parameters) {
    public Model {
        if (hamiltonian.dim() != disorder.dim())
            throw new DiffusonException("disorder", "has dimension " + disorder.dim() + " but H(k) is " + hamiltonian.dim() + "x" + hamiltonian.dim(),
                    "build the disorder for the same basis as H");
        if (!(cutoff > 0) || Double.isInfinite(cutoff) || Double.isNaN(cutoff))
            throw new DiffusonException("cutoff", "momentum cutoff must be finite and > 0, got " + cutoff,
                    "in 2D Re Σ ∝ log U_C (and in 3D ∝ k_c), so a hard cutoff is part of the model");
        hamiltonian.checkHermitian(cutoff);
        hamiltonian.checkIsotropy(cutoff);
        parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** A model with the consistent rung I = ΓΦ̄. */
    public static Model of(String name, Hamiltonian h, Disorder d, double cutoff, Map<String, Object> parameters) {
        return new Model(name, h, d, Rung.of(d), cutoff, parameters);
    }

    /**
     * A lattice model: its k-space is the Brillouin zone (use {@code KGrid.of(BrillouinZone)}), so it needs no momentum
     * cutoff. The {@link #cutoff()} recorded is the bound |b₁| + |b₂| on |k| over the zone parallelogram (every zone
     * mesh lies inside it), not a physical parameter.
     */
    public static Model lattice(String name, LatticeHamiltonian h, Disorder d, Map<String, Object> parameters) {
        double[] b = h.reciprocalVectors();
        double bound = (Math.hypot(b[0], b[1]) + Math.hypot(b[2], b[3])) * (1 + 1e-12);
        return new Model(name, h, d, Rung.of(d), bound, parameters);
    }

    public int dim() { return hamiltonian.dim(); }
    public int spaceDim() { return hamiltonian.spaceDim(); }

    /** The same model with disorder (and rung, if consistent) scaled by λ. */
    public Model withDisorderScaled(double lambda) {
        Disorder d = disorder.scale(lambda);
        return new Model(name, hamiltonian, d, rung.consistentWithSelfEnergy() ? Rung.of(d) : rung, cutoff, parameters);
    }

    /** The same model with another disorder (and the consistent rung). */
    public Model withDisorder(Disorder d) { return new Model(name, hamiltonian, d, Rung.of(d), cutoff, parameters); }

    /** The same model with another rung. */
    public Model withRung(Rung r) { return new Model(name, hamiltonian, disorder, r, cutoff, parameters); }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append("Model ").append(name).append(" (n=").append(dim()).append(", d=").append(spaceDim()).append(", ħ=1)\n");
        sb.append("  ").append(hamiltonian).append('\n');
        sb.append("  disorder: ").append(disorder).append('\n');
        sb.append("  ladder rung: ").append(rung).append('\n');
        sb.append("  cutoff: |k| ≤ k_c = ").append(org.diffuson.Numbers.format(cutoff)).append('\n');
        sb.append("  parameters: {");
        int i = 0;
        for (var e : parameters.entrySet()) {
            if (i++ > 0) sb.append(", ");
            sb.append(e.getKey()).append('=').append(e.getValue() instanceof Number x ? org.diffuson.Numbers.format(x.doubleValue()) : String.valueOf(e.getValue()));
        }
        sb.append("}\n");
        sb.append("  isotropy: ").append(hamiltonian.isotropy()).append('\n');
        sb.append("  H(k=0) =\n").append(hamiltonian.at(0, 0, 0).toString().indent(4));
        return sb.toString();
    }
}

package org.diffuson.model;

import org.diffuson.DiffusonException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Models that differ only in one coefficient of their {@link TermHamiltonian}, for curves over it (σ_xy(b_z), say):
 * {@link #at} changes that parameter and keeps everything else — the Hamiltonian's compiled term structure (shared by
 * {@link TermHamiltonian#with}), the disorder, the rung and the cutoff — so each point costs the coefficient's new
 * numbers and the model's checks, not a new model. Made by {@link Preset.Builder#family}, which admits only parameters
 * that enter nothing but the Hamiltonian ({@link Preset#hamiltonianCoefficients}); {@code at(v)} is then the model the
 * preset builds with that value (same parameters, same numbers bit for bit, {@code ModelFamilyTest}). A point inherits
 * the base's symmetries (isotropy, mirror k_y → −k_y) only where a fresh detection provably gives the same result at
 * its own scale, else detects them again: inheritance equals a fresh detection.
 * <pre>{@code
 * ModelFamily dirac = Preset.COPT_TI.with("alpha", -1.0).with("gamma", 0.05).with("kc", 40.0).family("bz");
 * Model m = dirac.at(0.3);   // = Preset.COPT_TI.with(...).with("bz", 0.3).build()
 * }</pre>
 */
public final class ModelFamily {
    private final Model base;
    private final TermHamiltonian hamiltonian;
    private final String parameter;

    ModelFamily(Model base, String parameter) {
        if (!(base.hamiltonian() instanceof TermHamiltonian t) || !t.parameters().containsKey(parameter))
            throw new DiffusonException(parameter, "is not a parameter of the Hamiltonian of " + base.name(),
                    "vary a coefficient of a builder Hamiltonian (TermHamiltonian)");
        this.base = base;
        this.hamiltonian = t;
        this.parameter = parameter;
        // the symmetries, found once: every point whose change keeps them inherits them (TermHamiltonian.with)
        t.isotropy();
        t.mirrorY();
    }

    /** The model at the given value of the parameter (finite; the model's own checks run as for any model). */
    public Model at(double value) {
        TermHamiltonian h = hamiltonian.with(parameter, value);
        Map<String, Object> p = new LinkedHashMap<>(base.parameters());
        if (p.containsKey(parameter)) p.put(parameter, value);
        return new Model(base.name(), h, base.disorder(), base.rung(), base.cutoff(), p);
    }

    /** The model the family was made from. */
    public Model base() { return base; }

    /** The varied parameter. */
    public String parameter() { return parameter; }

    @Override
    public String toString() { return "ModelFamily " + base.name() + " over " + parameter + " (others: " + base.parameters() + ")"; }
}

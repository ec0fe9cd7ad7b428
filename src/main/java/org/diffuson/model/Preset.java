package org.diffuson.model;

import org.diffuson.DiffusonException;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Preset models with named parameters, their Hamiltonians written with the {@link TermHamiltonian} builder
 * ({@link Hamiltonians}; exact velocities, detected symmetry), Kwant-style: {@code Preset.COPT.with("alpha", 0.5).with("bz", 0.5).build()}.
 * Units (ħ = 1): energies in the units of the parameters, momenta in matching inverse length; cutoffs are hard.
 * {@link #describe()} lists every parameter with its default and meaning.
 */
public enum Preset {
    /** Single parabolic band with scalar disorder: 1/τ = 2πνγ, ν = m/2π (2D); the Drude model, not in seed 000. */
    DRUDE("single parabolic band ε=k²/2m, scalar white-noise disorder γ",
            new Object[][]{{"m", 1.0, "band mass"}, {"gamma", 0.2, "disorder strength γ (1/τ = 2πνγ)"},
                    {"d", 2.0, "space dimension, 2 or 3"}, {"cutoffEnergy", 100.0, "hard cutoff ε(k_c) = U_C"}},
            p -> {
                double m = p.num("m");
                int d = (int) p.num("d");
                if (d != 2 && d != 3) throw new DiffusonException("d", "must be 2 or 3, got " + p.num("d"), "pass d=2 or d=3");
                Hamiltonian h = Hamiltonians.parabolic(d).with("m", p.positive("m"));
                return Model.of("drude", h, Disorder.scalar(1, p.positive("gamma")), kc(m, p.positive("cutoffEnergy")), p.values);
            }),
    /** Seed 000 minimal model: H = k²/2m + bσ_z, Γ = Γ_1 1⊗1 + Γ_x σ_x⊗σ_x (eqs 17, 243–252). */
    MINIMAL("Zeeman-split parabolic bands with spin-orbit (σx) disorder, seed 000 eqs 17, 243–252",
            new Object[][]{{"m", 1.0, "band mass"}, {"b", 0.6, "Zeeman energy (paper: E_z)"},
                    {"gamma1", 0.3, "scalar disorder Γ_1"}, {"gammaX", 0.2, "σx disorder Γ_x"},
                    {"cutoffEnergy", 20.0, "hard cutoff U_C = Λ/2m"},
                    {"t", 1.0, "sign of the σx rung in the ladder (+1 spin-orbit; −1 HLN magnetic; ≠ +1 breaks the WTI)"},
                    {"placement", "SANDWICH", "rung placement: SANDWICH (eq 5) or PAPER_LITERAL (eqs 18, 255)"}},
            p -> {
                double m = p.num("m");
                Disorder dis = Disorder.spinOrbitX(p.num("gamma1"), p.num("gammaX"));
                Rung.Placement pl = p.placement();
                double t = p.num("t");
                Rung rung = pl == Rung.Placement.SANDWICH && t == 1 ? Rung.of(dis) : Rung.minimal(p.num("gamma1"), p.num("gammaX"), t, pl);
                return new Model("minimal", Hamiltonians.zeeman().with("m", p.positive("m"), "b", p.num("b")), dis, rung, kc(m, p.positive("cutoffEnergy")), p.values);
            }),
    /** Seed 000 CoPt model: k²/2m + α(k_yσ_x − k_xσ_y) + b·σ with scalar (and optional magnetic) disorder. */
    COPT("Rashba 2DEG with exchange field b (CoPt), scalar + optional magnetic disorder, seed 000 eqs 24–46",
            new Object[][]{{"m", 1.0, "band mass"}, {"alpha", 0.5, "Rashba coupling α (paper: Δ_SO)"},
                    {"bz", 0.5, "exchange field b_z"}, {"bx", 0.0, "in-plane exchange b_x"}, {"by", 0.0, "in-plane exchange b_y"},
                    {"gamma", 0.1, "scalar disorder γ"}, {"magnetic", 0.0, "magnetic disorder w(σx⊗σx + σy⊗σy)"},
                    {"cutoffEnergy", 21.0, "hard cutoff ε(k_c) = k_c²/2m"}},
            p -> {
                double m = p.num("m");
                return Model.of("copt", Hamiltonians.rashbaExchange(true).with("m", p.positive("m"), "alpha", p.num("alpha"), "bx", p.num("bx"), "by", p.num("by"), "bz", p.num("bz")),
                        disorder(p), kc(m, p.positive("cutoffEnergy")), p.values);
            }),
    /** Seed 000 magnetized TI surface: α(k_yσ_x − k_xσ_y) + b·σ, ε_k = 0, cutoff k_c. */
    COPT_TI("magnetized topological-insulator surface (ε_k = 0) with cutoff k_c, seed 000 Sec. I.F",
            new Object[][]{{"alpha", 0.5, "Dirac velocity α"}, {"bz", 0.5, "exchange gap b_z"},
                    {"gamma", 0.1, "scalar disorder γ"}, {"magnetic", 0.0, "magnetic disorder w"}, {"kc", 10.0, "momentum cutoff k_c"}},
            p -> Model.of("copt-ti", Hamiltonians.rashbaExchange(false).with("alpha", p.num("alpha"), "bx", 0, "by", 0, "bz", p.num("bz")),
                    disorder(p), p.positive("kc"), p.values)),
    /** Seed 002 magnetic TI surface (massive Dirac): v_F(k_xσ_y − k_yσ_x) + Mσ_z, scalar white noise u₀². */
    DIRAC("massive Dirac / magnetic TI surface of seed 002: v_F(k_x σy − k_y σx) + M σz, scalar disorder u0²",
            new Object[][]{{"vF", 1.0, "Fermi velocity v_F (ħ = 1)"}, {"M", 0.4, "Dirac mass / exchange gap M"},
                    {"gamma", 0.05, "scalar disorder u0² (paper: 1/τ = πu0²ρ(ε_F))"}, {"kc", 40.0, "momentum cutoff k_c"}},
            p -> Model.of("dirac", Hamiltonians.massiveDirac().with("vF", p.positive("vF"), "M", p.num("M")), Disorder.scalar(2, p.positive("gamma")), p.positive("kc"), p.values)),
    /** Qi–Wu–Zhang Chern insulator on the square lattice (a = 1); integrate over its Brillouin zone. */
    QWZ("Qi–Wu–Zhang Chern model sin kx σx + sin ky σy + (m + cos kx + cos ky) σz on the square lattice",
            new Object[][]{{"m", 1.0, "mass m (Chern number ±1 for 0 < |m| < 2)"}, {"gamma", 0.01, "scalar disorder"}},
            p -> Model.of("qwz", Hamiltonians.qwz().with("m", p.num("m")).onLattice(2 * Math.PI, 0, 0, 2 * Math.PI), Disorder.scalar(2, p.positive("gamma")), 2 * Math.PI * Math.sqrt(2) * (1 + 1e-9), p.values)),
    /**
     * Seed 004 s–d ferromagnet (eqs 4–11): H = k²/2m − Mσ_z in 3D at Fermi energy eF, nonmagnetic impurities n_iu² and
     * quenched impurity spins u_s S·σ with n_su_s²S⊥² (per in-plane component) and n_su_s²S_z²; Γ = n_iu² 1⊗1 +
     * n_su_s²[S⊥²(σx⊗σx + σy⊗σy) + S_z² σz⊗σz], so Γ̃1 = n_iu² + n_su_s²S_z², Γ̃2 = 2n_su_s²S⊥². Defaults are the
     * reference set R (ħ = m = e = 1). Use {@code org.diffuson.gauge.SdFerromagnet.of(model)} for its kernels.
     */
    SD_FERROMAGNET("s–d ferromagnet k²/2m − Mσz (3D) with nonmagnetic and magnetic (quenched-spin) impurities, seed 004 eqs 4–11",
            new Object[][]{{"m", 1.0, "band mass"}, {"eF", 1.0, "Fermi energy ε_F (ε_Fσ = ε_F + σM)"},
                    {"M", 0.2, "s–d exchange M, 0 < M < ε_F"}, {"scalar", 0.00975, "nonmagnetic disorder n_i u²"},
                    {"magneticPerp", 2.5e-4, "n_s u_s² S⊥² (one in-plane component)"},
                    {"magneticZ", 2.5e-4, "n_s u_s² S_z²"}, {"cutoffEnergy", 100.0, "hard cutoff ε(k_c) for k-grid checks"}},
            p -> {
                double m = p.positive("m"), eF = p.positive("eF"), mx = p.num("M");
                if (!(mx > 0) || mx >= eF)
                    throw new DiffusonException("M", "must satisfy 0 < M < eF, got M=" + mx + ", eF=" + eF,
                            mx > 0 ? "M ≥ ε_F is a half-metal (no minority Fermi surface): choose M < eF" : "choose M > 0 (↑ is the majority spin)");
                double s = p.num("scalar"), mp = p.num("magneticPerp"), mz = p.num("magneticZ");
                if (s < 0 || mp < 0 || mz < 0 || s + mp + mz == 0)
                    throw new DiffusonException("scalar/magneticPerp/magneticZ", "must be ≥ 0 and not all 0", "disorder strengths are variances");
                Disorder d = Disorder.of(Disorder.term(s, org.diffuson.linalg.Pauli.S0, "1"),
                        Disorder.term(mp, org.diffuson.linalg.Pauli.SX, "σx"), Disorder.term(mp, org.diffuson.linalg.Pauli.SY, "σy"),
                        Disorder.term(mz, org.diffuson.linalg.Pauli.SZ, "σz"));
                return Model.of("sd-ferromagnet", Hamiltonians.sdExchange().with("m", m, "M", mx), d, kc(m, p.positive("cutoffEnergy")), p.values);
            }),
    /** Rashba 2DEG without exchange: Dyakonov–Perel spin relaxation (BNM PRB 70 155308). */
    RASHBA("Rashba 2DEG, b = 0, scalar disorder (Dyakonov–Perel)",
            new Object[][]{{"m", 1.0, "band mass"}, {"alpha", 0.2, "Rashba coupling α"}, {"gamma", 0.05, "scalar disorder γ"},
                    {"cutoffEnergy", 100.0, "hard cutoff ε(k_c)"}},
            p -> {
                double m = p.num("m");
                return Model.of("rashba", Hamiltonians.rashbaExchange(true).with("m", p.positive("m"), "alpha", p.num("alpha"), "bx", 0, "by", 0, "bz", 0), Disorder.scalar(2, p.num("gamma")),
                        kc(m, p.positive("cutoffEnergy")), p.values);
            });

    private final String description;
    private final Map<String, Object> defaults = new LinkedHashMap<>();
    private final Map<String, String> meanings = new LinkedHashMap<>();
    private final Function<Params, Model> factory;

    Preset(String description, Object[][] params, Function<Params, Model> factory) {
        this.description = description;
        for (Object[] p : params) {
            defaults.put((String) p[0], p[1]);
            meanings.put((String) p[0], (String) p[2]);
        }
        this.factory = factory;
    }

    private static double kc(double m, double cutoffEnergy) { return Math.sqrt(2 * m * cutoffEnergy); }

    private static Disorder disorder(Params p) {
        double g = p.num("gamma"), w = p.num("magnetic");
        if (g == 0 && w == 0) throw new DiffusonException("gamma", "and magnetic are both 0", "set a positive disorder strength");
        if (w == 0) return Disorder.scalar(2, p.positive("gamma"));
        if (g == 0) return Disorder.magnetic(p.positive("magnetic"));
        return Disorder.scalar(2, p.positive("gamma")).plus(Disorder.magnetic(p.positive("magnetic")));
    }

    /**
     * The parameters that are nothing but the same-named coefficient of this preset's Hamiltonian (no other part of the
     * model uses them and no check beyond finiteness applies), so that a {@link ModelFamily} may vary them: b_z of
     * COPT_TI, say, but not COPT's m, which also sets the momentum cutoff.
     */
    public java.util.Set<String> hamiltonianCoefficients() {
        return switch (this) {
            case MINIMAL -> java.util.Set.of("b");
            case COPT -> java.util.Set.of("alpha", "bz", "bx", "by");
            case COPT_TI -> java.util.Set.of("alpha", "bz");
            case DIRAC -> java.util.Set.of("M");
            case RASHBA -> java.util.Set.of("alpha");
            default -> java.util.Set.of();
        };
    }

    /** Looks a preset up by case-insensitive name ("copt", "copt-ti", "minimal", ...). */
    public static Preset named(String name) {
        String key = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (Preset p : values()) if (p.name().equals(key)) return p;
        throw new DiffusonException("preset", "unknown preset '" + name + "'", "choose one of " + java.util.Arrays.toString(values()).toLowerCase(Locale.ROOT));
    }

    public String description() { return description; }
    public Map<String, Object> defaults() { return java.util.Collections.unmodifiableMap(defaults); }

    /** A builder starting from the defaults. */
    public Builder with(String name, Object value) { return builder().with(name, value); }

    public Builder builder() { return new Builder(this); }

    /** The preset with all defaults. */
    public Model build() { return builder().build(); }

    /** Parameter list with defaults and meanings. */
    public String describe() {
        StringBuilder sb = new StringBuilder(name().toLowerCase(Locale.ROOT) + ": " + description + "\n");
        for (String k : defaults.keySet()) sb.append(String.format(Locale.ROOT, "  %-13s = %-10s %s%n", k, defaults.get(k), meanings.get(k)));
        return sb.toString();
    }

    /** Named-parameter builder. */
    public static final class Builder {
        private final Preset preset;
        private final Map<String, Object> values;

        private Builder(Preset preset) {
            this.preset = preset;
            this.values = new LinkedHashMap<>(preset.defaults);
        }

        public Builder with(String name, Object value) {
            if (!values.containsKey(name))
                throw new DiffusonException(name, "is not a parameter of preset " + preset.name().toLowerCase(Locale.ROOT),
                        "valid parameters: " + preset.defaults.keySet());
            Object def = preset.defaults.get(name);
            if (def instanceof Double) {
                double v;
                if (value instanceof Number num) v = num.doubleValue();
                else {
                    try {
                        v = Double.parseDouble(value.toString());
                    } catch (NumberFormatException e) {
                        throw new DiffusonException(name, "expects a number, got '" + value + "'", "e.g. " + name + "=" + def);
                    }
                }
                values.put(name, DiffusonException.requireFinite(name, v));
            } else values.put(name, value.toString());
            return this;
        }

        public Builder with(Map<String, ?> params) {
            params.forEach(this::with);
            return this;
        }

        public Model build() { return preset.factory.apply(new Params(values)); }

        /**
         * The models of this builder with one Hamiltonian coefficient varied ({@link Preset#hamiltonianCoefficients}),
         * e.g. a σ_xy(b_z) curve: {@code family.at(v)} is the model {@code with(parameter, v).build()} would build, with
         * the Hamiltonian's compiled term structure, the disorder and the rung built once.
         */
        public ModelFamily family(String parameter) {
            if (!preset.hamiltonianCoefficients().contains(parameter))
                throw new DiffusonException(parameter, "cannot be varied in a model family of preset " + preset.name().toLowerCase(Locale.ROOT)
                                + (values.containsKey(parameter) ? " (it enters more than the Hamiltonian's coefficient of that name, or is checked)" : " (no such parameter)"),
                        "vary one of " + new java.util.TreeSet<>(preset.hamiltonianCoefficients()) + ", or build each model with with(\"" + parameter + "\", value).build()");
            return new ModelFamily(build(), parameter);
        }
    }

    static final class Params {
        final Map<String, Object> values;

        Params(Map<String, Object> values) { this.values = values; }

        double num(String k) { return ((Number) values.get(k)).doubleValue(); }

        double positive(String k) { return DiffusonException.requirePositive(k, num(k)); }

        Rung.Placement placement() {
            String s = values.get("placement").toString().trim().toUpperCase(Locale.ROOT);
            try {
                return Rung.Placement.valueOf(s);
            } catch (IllegalArgumentException e) {
                throw new DiffusonException("placement", "unknown placement '" + s + "'", "use SANDWICH or PAPER_LITERAL");
            }
        }
    }
}

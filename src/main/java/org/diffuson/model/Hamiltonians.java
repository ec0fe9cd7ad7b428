package org.diffuson.model;

import static org.diffuson.model.Coefficient.constant;
import static org.diffuson.model.Coefficient.cos;
import static org.diffuson.model.Coefficient.k2;
import static org.diffuson.model.Coefficient.kx;
import static org.diffuson.model.Coefficient.ky;
import static org.diffuson.model.Coefficient.sin;

/**
 * The presets' Hamiltonians written with the {@link TermHamiltonian} builder, parameters left unset (supply them with
 * {@code with(...)}). Printing one shows its formula; they are also worked examples of the builder. ħ = 1.
 */
public final class Hamiltonians {
    private Hamiltonians() {}

    /** ε_k = k²/2m, one band, d = 2 or 3 (seed 000 Sec. I; the Drude model). Parameter: m. */
    public static TermHamiltonian parabolic(int spaceDim) {
        Coefficient k2 = spaceDim == 3 ? Coefficient.k2in3d() : k2();
        return TermHamiltonian.builder(1, spaceDim).name("H").term(Op.identity(1), k2.times(0.5).over("m")).build();
    }

    /** k²/2m + b σz, the seed-000 minimal model (eqs 17, 243; the paper's E_z is b). Parameters: m, b. */
    public static TermHamiltonian zeeman() {
        return TermHamiltonian.builder(2, 2)
                .term(Op.s0, k2().times(0.5).over("m"))
                .term(Op.sz, "b")
                .build();
    }

    /**
     * k²/2m + α(k_y σx − k_x σy) + b·σ, the CoPt model of seed 000 (eqs 24–37). Parameters: m, alpha, bx, by, bz.
     * With {@code mass = false} the ε_k term is left out (magnetized TI surface, seed 000 Sec. I.F).
     */
    public static TermHamiltonian rashbaExchange(boolean mass) { return mass ? RASHBA_EXCHANGE_MASS : RASHBA_EXCHANGE; }

    // built once: TermHamiltonian is immutable and with(...) returns a new instance (presets build one per parameter point)
    private static final TermHamiltonian RASHBA_EXCHANGE_MASS = buildRashbaExchange(true), RASHBA_EXCHANGE = buildRashbaExchange(false);

    private static TermHamiltonian buildRashbaExchange(boolean mass) {
        var b = TermHamiltonian.builder(2, 2);
        if (mass) b.term(Op.s0, k2().times(0.5).over("m"));
        return b.term(Op.sx, ky().times("alpha").plus(Coefficient.param("bx")))
                .term(Op.sy, kx().times("alpha").negate().plus(Coefficient.param("by")))
                .term(Op.sz, "bz")
                .build();
    }

    /** v_F(k_x σy − k_y σx) + M σz, the magnetic TI surface of seed 002 (eqs 68–73). Parameters: vF, M. */
    public static TermHamiltonian massiveDirac() {
        return TermHamiltonian.builder(2, 2)
                .term(Op.sx, ky().times("vF").negate())
                .term(Op.sy, kx().times("vF"))
                .term(Op.sz, "M")
                .build();
    }

    /**
     * k²/2m·1 − M σz in 3D, the s–d ferromagnet of seed 004 (eqs 4–5, 8): σ = ↑ (index 0) is the majority spin with
     * ε_F↑ = ε_F + M; the magnetization points along −ẑ (seed 004 fn 35). Exact velocities v_a = k_a/m·1 (the current
     * vertices of eqs 13–24). Parameters: m, M.
     */
    public static TermHamiltonian sdExchange() {
        return TermHamiltonian.builder(2, 3).name("H_sd")
                .term(Op.s0, Coefficient.k2in3d().times(0.5).over("m"))
                .term(Op.sz, Coefficient.param("M").negate())
                .build();
    }

    /** Qi–Wu–Zhang: sin k_x σx + sin k_y σy + (m + cos k_x + cos k_y) σz on the square lattice (a = 1). Parameter: m. */
    public static TermHamiltonian qwz() {
        return TermHamiltonian.builder(2, 2)
                .term(Op.sx, sin(1, 0))
                .term(Op.sy, sin(0, 1))
                .term(Op.sz, Coefficient.param("m").plus(cos(1, 0)).plus(cos(0, 1)))
                .build();
    }

}

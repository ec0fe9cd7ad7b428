package org.diffuson.boltzmann;

/**
 * Linear spin response ⟨s_i⟩ = χ_ib E_b per unit area, s in units of the supplied spin operators (for the Pauli
 * matrices, spin in units of ħ/2), e = ħ = 1 and E in the model's energy/length units. Index i ∈ {x, y, z}, b ∈ {x, y}.
 */
public record SpinResponse(double xx, double xy, double yx, double yy, double zx, double zy) {
    public static final SpinResponse ZERO = new SpinResponse(0, 0, 0, 0, 0, 0);

    static SpinResponse of(double[][] c) {
        return new SpinResponse(c[0][0], c[0][1], c[1][0], c[1][1], c[2][0], c[2][1]);
    }

    public SpinResponse plus(SpinResponse o) {
        return new SpinResponse(xx + o.xx, xy + o.xy, yx + o.yx, yy + o.yy, zx + o.zx, zy + o.zy);
    }

    /** χ_ib. */
    public double get(int i, int b) {
        return switch (i) {
            case 0 -> b == 0 ? xx : xy;
            case 1 -> b == 0 ? yx : yy;
            default -> b == 0 ? zx : zy;
        };
    }

    /** ⟨s⟩ for the field (ex, ey). */
    public double[] spin(double ex, double ey) {
        return new double[]{xx * ex + xy * ey, yx * ex + yy * ey, zx * ex + zy * ey};
    }

    /**
     * Spin-orbit torque T = Δ m × ⟨σ⟩ for an exchange term Δ m·σ in H (seed 002 P 105 with ħ/2 restored: T = (2Δ/ħ) m × ⟨(ħ/2)σ⟩;
     * for the TI surface Δ = M, m = ẑ), per unit area, for the field (ex, ey).
     */
    public double[] torque(double exchange, double mx, double my, double mz, double ex, double ey) {
        double[] s = spin(ex, ey);
        return new double[]{exchange * (my * s[2] - mz * s[1]), exchange * (mz * s[0] - mx * s[2]), exchange * (mx * s[1] - my * s[0])};
    }
}

package org.diffuson.boltzmann;

/**
 * A 2D conductivity tensor in units of e²/h, σ_ab = j_a/E_b (a: current, b: field), seed 002 convention
 * (σ_yx &gt; 0 for M &gt; 0 on the TI surface).
 */
public record Conductivity(double xx, double xy, double yx, double yy) {
    public static final Conductivity ZERO = new Conductivity(0, 0, 0, 0);

    public Conductivity plus(Conductivity o) { return new Conductivity(xx + o.xx, xy + o.xy, yx + o.yx, yy + o.yy); }

    /** Component (a, b), a, b ∈ {0 = x, 1 = y}. */
    public double get(int a, int b) { return a == 0 ? (b == 0 ? xx : xy) : (b == 0 ? yx : yy); }

    /** Antisymmetric (Hall) part (σ_yx − σ_xy)/2. */
    public double hall() { return 0.5 * (yx - xy); }
}

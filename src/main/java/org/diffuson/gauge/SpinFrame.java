package org.diffuson.gauge;

/**
 * The rotated (adiabatic) spin frame at one space-time point of a texture (seed 004 eqs 55–66, 83, 95):
 * c = Ua with U = m·σ, m = (sin(θ/2)cos φ, sin(θ/2)sin φ, cos(θ/2)); the SU(2) gauge field A_μ = −iU†∂_μU = A_μ·σ with
 * A_μ = m × ∂_μm (A^z_μ = (1 − cos θ)∂_μφ/2 is the U(1) part), R = 2mmᵀ − 1 (U†σ^αU = R^{αβ}σ^β), and the spin electric
 * fields E_s,i⁰ = (1/e)(∂_iA_0^z − ∂_tA_i^z) = (1/2e)n·(∂_in × ṅ) and E_s,i^dis = (β/2e)ṅ·∂_in (eqs 1, 2, 95).
 * Index μ = 0 (t), 1..3 (x, y, z); spin index α = 0..2 (x, y, z). Derivatives are exact (from {@link Jet}).
 */
public final class SpinFrame {
    private final Jet theta, phi;
    private final Jet[] n, m;

    public SpinFrame(Jet theta, Jet phi) {
        this.theta = theta;
        this.phi = phi;
        Jet st = theta.sin(), ct = theta.cos(), cp = phi.cos(), sp = phi.sin();
        n = new Jet[]{st.times(cp), st.times(sp), ct};
        Jet half = theta.times(0.5), sh = half.sin();
        m = new Jet[]{sh.times(cp), sh.times(sp), half.cos()};
    }

    public double theta() { return theta.value(); }
    public double phi() { return phi.value(); }

    /** n (the magnetization is −n). */
    public double[] n() { return new double[]{n[0].value(), n[1].value(), n[2].value()}; }

    /** ∂_μ n. */
    public double[] dn(int mu) { return new double[]{n[0].d(mu), n[1].d(mu), n[2].d(mu)}; }

    /** m, the axis of U = m·σ. */
    public double[] m() { return new double[]{m[0].value(), m[1].value(), m[2].value()}; }

    /** ∂_μ m. */
    public double[] dm(int mu) { return new double[]{m[0].d(mu), m[1].d(mu), m[2].d(mu)}; }

    /** A_μ = m × ∂_μm (components x, y, z). */
    public double[] gauge(int mu) { return cross(m(), dm(mu)); }

    /** A^z_μ = (1 − cos θ)∂_μφ/2, the closed form of the U(1) part. */
    public double gaugeZClosedForm(int mu) { return (1 - Math.cos(theta.value())) * phi.d(mu) / 2; }

    /** ∂_νA_μ = ∂_νm × ∂_μm + m × ∂_ν∂_μm. */
    public double[] gaugeDerivative(int nu, int mu) {
        double[] mm = m(), dnu = dm(nu), dmu = dm(mu), d2 = {m[0].d2(nu, mu), m[1].d2(nu, mu), m[2].d2(nu, mu)};
        double[] a = cross(dnu, dmu), b = cross(mm, d2);
        return new double[]{a[0] + b[0], a[1] + b[1], a[2] + b[2]};
    }

    /** Field strength ∂_μA_ν − ∂_νA_μ (= 2A_μ × A_ν, seed 004 fn 51). */
    public double[] fieldStrength(int mu, int nu) {
        double[] a = gaugeDerivative(mu, nu), b = gaugeDerivative(nu, mu);
        return new double[]{a[0] - b[0], a[1] - b[1], a[2] - b[2]};
    }

    /** R = 2mmᵀ − 1 (eq 61). */
    public double[][] rotation() {
        double[] mm = m();
        double[][] r = new double[3][3];
        for (int a = 0; a < 3; a++) for (int b = 0; b < 3; b++) r[a][b] = 2 * mm[a] * mm[b] - (a == b ? 1 : 0);
        return r;
    }

    /** ∂_μR = 2(∂m mᵀ + m ∂mᵀ). */
    public double[][] rotationDerivative(int mu) {
        double[] mm = m(), d = dm(mu);
        double[][] r = new double[3][3];
        for (int a = 0; a < 3; a++) for (int b = 0; b < 3; b++) r[a][b] = 2 * (d[a] * mm[b] + mm[a] * d[b]);
        return r;
    }

    /** E_s,i⁰ = (1/e)(∂_iA_0^z − ∂_tA_i^z) for i = x, y, z (eq 95, reactive spin motive force). */
    public double[] spinElectricField(double e) {
        double[] es = new double[3];
        for (int i = 0; i < 3; i++) es[i] = (gaugeDerivative(i + 1, 0)[2] - gaugeDerivative(0, i + 1)[2]) / e;
        return es;
    }

    /** (1/2e)n·(∂_in × ṅ): the texture form of E_s⁰ (eq 1). */
    public double[] spinElectricFieldFromN(double e) {
        double[] nn = n(), nt = dn(0), es = new double[3];
        for (int i = 0; i < 3; i++) es[i] = dot(nn, cross(dn(i + 1), nt)) / (2 * e);
        return es;
    }

    /** E_s,i^dis = (β/2e)ṅ·∂_in (eq 2, dissipative spin motive force). */
    public double[] dissipativeField(double beta, double e) {
        double[] nt = dn(0), es = new double[3];
        for (int i = 0; i < 3; i++) es[i] = beta * dot(nt, dn(i + 1)) / (2 * e);
        return es;
    }

    static double[] cross(double[] a, double[] b) {
        return new double[]{a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    static double dot(double[] a, double[] b) { return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]; }
}

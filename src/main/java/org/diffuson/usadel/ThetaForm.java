package org.diffuson.usadel;

import org.hipparchus.complex.Complex;

/**
 * θ-parametrization right-hand side (collinear fields along z; seed 003 Eqs. 1, 70 in 1D):
 * Θ_s″ = −(2/D)[−(ω − is h)sinΘ_s + Δ cosΘ_s + sin(Θ_{−s} − Θ_s)/(4τ_so)] (+ −Θ_s′/r + (n²/r²)sinΘ_s cosΘ_s radially).
 */
final class ThetaForm implements Collocation.Equation {
    private final Junction.Nodes nd;
    private final double wr, wi;
    private final boolean radial;
    private final int n;

    private final boolean degenerate;

    /** {@code degenerate}: no exchange field, one Θ for both spins (Θ_+ = Θ_−, the τ_so coupling vanishes). */
    ThetaForm(Junction.Nodes nd, Complex omega, boolean radial, int winding, boolean degenerate) {
        this.degenerate = degenerate;
        this.nd = nd;
        this.wr = omega.getReal();
        this.wi = omega.getImaginary();
        this.radial = radial;
        this.n = winding;
    }

    @Override
    public int dim() {
        return degenerate ? 1 : 2;
    }

    @Override
    public void rhs(int domain, int node, double x, double[] y, double[] dy, double[] out) {
        int p = nd.mesh().start(domain) + node;
        double d = nd.d()[p], gap = nd.gap()[p], h = nd.h()[p][2], c = nd.rate()[p] / 4;
        double sdr = 0, sdi = 0;
        if (!degenerate) {
            double du = y[2] - y[0], dv = y[3] - y[1];        // Θ_− − Θ_+
            sdr = Math.sin(du) * Math.cosh(dv);
            sdi = Math.cos(du) * Math.sinh(dv);
        }
        for (int k = 0, spins = degenerate ? 1 : 2; k < spins; k++) {
            int s = k == 0 ? 1 : -1;
            double a = y[2 * k], b = y[2 * k + 1];
            double sr = Math.sin(a) * Math.cosh(b), si = Math.cos(a) * Math.sinh(b);
            double cr = Math.cos(a) * Math.cosh(b), ci = -Math.sin(a) * Math.sinh(b);
            double ur = wr, ui = wi - s * h;                    // w_s = ω − i s h
            double gr = -(ur * sr - ui * si) + gap * cr + s * c * sdr;
            double gi = -(ur * si + ui * sr) + gap * ci + s * c * sdi;
            out[2 * k] = -2 / d * gr;
            out[2 * k + 1] = -2 / d * gi;
            if (radial) {
                // −Θ′/r + (n²/2r²) sin 2Θ
                double s2r = Math.sin(2 * a) * Math.cosh(2 * b), s2i = Math.cos(2 * a) * Math.sinh(2 * b);
                out[2 * k] += -dy[2 * k] / x + n * n / (2 * x * x) * s2r;
                out[2 * k + 1] += -dy[2 * k + 1] / x + n * n / (2 * x * x) * s2i;
            }
        }
    }
}

package org.diffuson.model;

import org.diffuson.DiffusonException;
import org.diffuson.linalg.CMatrix;
import org.diffuson.linalg.Pauli;

/**
 * Qi–Wu–Zhang Chern insulator on the square lattice (lattice constant 1, hopping 1, ħ = 1):
 * H(k) = sin k_x σ_x + sin k_y σ_y + (m + cos k_x + cos k_y) σ_z. The gap closes at m = 0, ±2; the lower band has
 * Chern number ±1 for 0 &lt; |m| &lt; 2 and 0 for |m| &gt; 2.
 */
public record QwzModel(double m) implements LatticeHamiltonian {
    public QwzModel { DiffusonException.requireFinite("m", m); }

    @Override public int dim() { return 2; }

    @Override public double[] reciprocalVectors() { return new double[]{2 * Math.PI, 0, 0, 2 * Math.PI}; }

    @Override
    public void eval(double kx, double ky, double kz, double[] out, int off) {
        double dx = Math.sin(kx), dy = Math.sin(ky), dz = m + Math.cos(kx) + Math.cos(ky);
        out[off] = dz; out[off + 1] = 0;
        out[off + 2] = dx; out[off + 3] = -dy;
        out[off + 4] = dx; out[off + 5] = dy;
        out[off + 6] = -dz; out[off + 7] = 0;
    }

    @Override
    public void evalGradient(double kx, double ky, double[] gx, double[] gy, int off) {
        double cx = Math.cos(kx), cy = Math.cos(ky), sx = Math.sin(kx), sy = Math.sin(ky);
        // ∂x H = cos kx σx − sin kx σz ; ∂y H = cos ky σy − sin ky σz
        gx[off] = -sx; gx[off + 1] = 0; gx[off + 2] = cx; gx[off + 3] = 0;
        gx[off + 4] = cx; gx[off + 5] = 0; gx[off + 6] = sx; gx[off + 7] = 0;
        gy[off] = -sy; gy[off + 1] = 0; gy[off + 2] = 0; gy[off + 3] = -cy;
        gy[off + 4] = 0; gy[off + 5] = cy; gy[off + 6] = sy; gy[off + 7] = 0;
    }

    /** The same model as an explicit tight-binding list of hoppings (on-site mσ_z, T_x = (σ_z − iσ_x)/2, T_y = (σ_z − iσ_y)/2). */
    public TightBinding asTightBinding() {
        CMatrix tx = Pauli.SZ.minus(Pauli.SX.scale(0, 1)).scale(0.5);
        CMatrix ty = Pauli.SZ.minus(Pauli.SY.scale(0, 1)).scale(0.5);
        return TightBinding.builder(2, 1, 0, 0, 1)
                .onsite(Pauli.SZ.scale(m))
                .hop(1, 0, tx)
                .hop(0, 1, ty)
                .build("QWZ(m=" + m + ")");
    }

    @Override
    public String toString() { return "QWZ: H(k) = sin kx σx + sin ky σy + (m + cos kx + cos ky) σz, m=" + m + " (ħ=1, a=1)"; }
}

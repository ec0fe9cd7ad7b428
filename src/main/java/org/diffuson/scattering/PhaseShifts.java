package org.diffuson.scattering;

import org.diffuson.DiffusonException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A set of partial-wave phase shifts η_{lj} at the Fermi energy: the complete description of an isotropic,
 * parity- and time-reversal-invariant impurity with spin–orbit coupling (seed 001 Eqs. S166–S172). A channel that is
 * not listed has η = 0. Each (l, j) may appear once.
 */
public record PhaseShifts(List<Channel> channels) {
    public PhaseShifts {
        channels = List.copyOf(channels);
        for (int i = 0; i < channels.size(); i++)
            for (int j = i + 1; j < channels.size(); j++)
                if (channels.get(i).l() == channels.get(j).l() && channels.get(i).twoJ() == channels.get(j).twoJ())
                    throw new DiffusonException("channels", "channel " + channels.get(i) + " listed twice", "give each (l, j) once");
    }

    public static PhaseShifts of(Channel... cs) { return new PhaseShifts(List.of(cs)); }

    /**
     * The paper's 3-channel Ce model (seed 001 Eq. 17, S179): η0 in (l=0, j=½), η1 in (l=1, j=½; the Kondo doublet,
     * π/2 when screened) and η2 in (l=1, j=3/2; the quartet).
     */
    public static PhaseShifts threeChannel(double eta0, double eta1, double eta2) {
        return of(Channel.plus(0, eta0), Channel.minus(1, eta1), Channel.plus(1, eta2));
    }

    /** No spin–orbit coupling: η_{l,l+½} = η_{l,l−½} = δ_l for l = 0 … deltas.length−1. */
    public static PhaseShifts noSpinOrbit(double... deltas) {
        List<Channel> cs = new ArrayList<>();
        for (int l = 0; l < deltas.length; l++) {
            cs.add(Channel.plus(l, deltas[l]));
            if (l > 0) cs.add(Channel.minus(l, deltas[l]));
        }
        return new PhaseShifts(cs);
    }

    /** η of channel (l, 2j), 0 if absent. */
    public double eta(int l, int twoJ) {
        for (Channel c : channels) if (c.l() == l && c.twoJ() == twoJ) return c.eta();
        return 0;
    }

    /** Highest l with a non-zero phase shift (0 if all vanish). */
    public int maxL() {
        int m = 0;
        for (Channel c : channels) if (c.eta() != 0) m = Math.max(m, c.l());
        return m;
    }

    /** Friedel sum rule (seed 001 Eq. S154 generalised): displaced charge Z = (1/π) Σ_{lj} (2j+1) η_{lj}. */
    public double friedelCharge() {
        double s = 0;
        for (Channel c : channels) s += c.degeneracy() * c.eta();
        return s / Math.PI;
    }

    /** The same channels with every η shifted by π·shift[i] (a no-op physically): for invariance tests. */
    public PhaseShifts shiftedByPi(int... shift) {
        List<Channel> cs = new ArrayList<>();
        for (int i = 0; i < channels.size(); i++) {
            Channel c = channels.get(i);
            cs.add(new Channel(c.l(), c.twoJ(), c.eta() + Math.PI * (i < shift.length ? shift[i] : 0)));
        }
        return new PhaseShifts(cs);
    }

    public List<Channel> list() { return Collections.unmodifiableList(channels); }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("PhaseShifts[");
        for (int i = 0; i < channels.size(); i++) {
            Channel c = channels.get(i);
            if (i > 0) sb.append(", ");
            sb.append(String.format(Locale.ROOT, "η(l=%d,j=%d/2)=%.6f", c.l(), c.twoJ(), c.eta()));
        }
        return sb.append(']').toString();
    }
}

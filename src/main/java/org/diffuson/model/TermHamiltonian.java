package org.diffuson.model;

import org.diffuson.DiffusonException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * H(k) written the way physicists write it: a sum Σ_i f_i(k) M_i of Hermitian matrices M_i (Pauli, Gell-Mann,
 * Kronecker products, any labelled Hermitian {@link Op}) times real coefficient functions f_i (k·p polynomials and
 * lattice harmonics, {@link Coefficient}). ħ = 1; energies and momenta in the units of the parameters.
 * <pre>{@code
 * var h = TermHamiltonian.builder(2, 2)
 *         .term(Op.s0, Coefficient.k2().times(0.5).over("m"))            // k²/2m
 *         .term(Op.sx, Coefficient.ky().times("alpha"))                   // α k_y σx
 *         .term(Op.sy, Coefficient.kx().times("alpha").negate())          // −α k_x σy
 *         .term(Op.sz, "bz")                                              // b_z σz
 *         .build()
 *         .with("m", 1, "alpha", 0.5, "bz", 0.5);                         // parameters supplied late (Kwant's params)
 * }</pre>
 * Immutable. Velocities ∂H/∂k_a are exact (the coefficients are differentiated symbolically, {@link #velocity}); the
 * rotational symmetry is detected numerically ({@link Isotropy#detect}), never declared; {@link #toString()} prints
 * the formula with the parameter values.
 */
public final class TermHamiltonian implements GradientHamiltonian {
    /** One term f(k)·M. */
    public record Term(Op op, Coefficient coefficient) {
        @Override public String toString() { return "(" + coefficient + ")·" + op.label(); }
    }

    private final String name;
    private final int n, d;
    private final List<Term> terms;
    private final Map<String, Double> values;   // every parameter, in order of first use; null = not yet given
    private final Structure structure;
    // compiled form (null until every parameter has a value)
    private final Coefficient.Compiled[] f;
    private final Coefficient.Compiled[][] df; // [axis][term]
    private final int[][] idx;                  // non-zero interleaved entries of each M: position
    private final double[][] mre, mim;
    private volatile Isotropy isotropy;
    private final double[][] axis;              // H(k, 0, 0) = Σ_p axis[p] k^p per interleaved entry (polynomial models), else null
    private final double[][][] velocityAxis;    // the same for ∂H/∂k_a(k, 0, 0), [axis][p][entry]
    private final boolean polynomial;

    /**
     * What a Hamiltonian's terms fix independently of the parameter values, shared by every {@link #with} of it: the
     * matrices' non-zero entries, the symbolic derivatives ∂f_i/∂k_a, whether every coefficient is a polynomial, and
     * whether every M_i is exactly Hermitian (then H(k) = Σ_i f_i(k) M_i with real f_i is Hermitian bit for bit at every
     * k: the entries (a, b) and (b, a) are sums of the same products in the same order, one the conjugate of the
     * other, and rounding commutes with conjugation).
     */
    private static final class Structure {
        final int[][] idx;
        final double[][] mre, mim;
        final Coefficient[][] derivatives; // [axis][term]
        final boolean polynomial, exactlyHermitian;
        /** Per term: a k-independent coefficient times a diagonal matrix (b_z σ_z, say). */
        final boolean[] diagonalConstant;

        Structure(int n, int d, List<Term> terms) {
            int t = terms.size();
            idx = new int[t][];
            mre = new double[t][];
            mim = new double[t][];
            boolean herm = true;
            for (int i = 0; i < t; i++) {
                var m = terms.get(i).op().matrix();
                List<Integer> pos = new ArrayList<>();
                for (int a = 0; a < n; a++)
                    for (int b = 0; b < n; b++) {
                        if (m.re(a, b) != 0 || m.im(a, b) != 0) pos.add(a * n + b);
                        herm &= m.re(a, b) == m.re(b, a) && m.im(a, b) == -m.im(b, a);
                    }
                idx[i] = new int[pos.size()];
                mre[i] = new double[pos.size()];
                mim[i] = new double[pos.size()];
                for (int p = 0; p < pos.size(); p++) {
                    int ab = pos.get(p);
                    idx[i][p] = 2 * ab;
                    mre[i][p] = m.re(ab / n, ab % n);
                    mim[i][p] = m.im(ab / n, ab % n);
                }
            }
            exactlyHermitian = herm;
            diagonalConstant = new boolean[t];
            for (int i = 0; i < t; i++) {
                Coefficient c = terms.get(i).coefficient();
                boolean diag = true;
                for (int q : idx[i]) diag &= (q / 2) / n == (q / 2) % n;
                diagonalConstant[i] = diag && c.isPolynomial() && c.degree() == 0;
            }
            derivatives = new Coefficient[3][t];
            for (Axis a : Axis.values())
                for (int i = 0; i < t; i++) derivatives[a.index()][i] = terms.get(i).coefficient().derivative(a);
            boolean poly = true;
            for (Term x : terms) poly &= x.coefficient().isPolynomial();
            polynomial = poly;
            // the parameters in order of first use (the order of every values map of this structure), and per term the
            // bit set of those its coefficient (row 0) and its derivatives (rows 1–3) use; all bits set past 64 parameters
            List<String> names = new ArrayList<>(new java.util.LinkedHashSet<>(terms.stream().flatMap(x -> x.coefficient().parameters().stream()).toList()));
            this.names = names;
            uses = new long[4][t];
            for (int i = 0; i < t; i++)
                for (int r = 0; r < 4; r++) {
                    Coefficient c = r == 0 ? terms.get(i).coefficient() : derivatives[r - 1][i];
                    for (String p : c.parameters()) uses[r][i] |= bit(names.indexOf(p));
                }
        }

        final List<String> names;
        final long[][] uses;

        static long bit(int index) { return index < 64 ? 1L << index : -1L; }

        /** Whether term i's coefficient (axis −1) or its ∂/∂k_a uses any parameter of the bit set {@code changed}. */
        boolean uses(int axis, int i, long changed) { return (uses[axis + 1][i] & changed) != 0; }
    }

    private TermHamiltonian(String name, int n, int d, List<Term> terms, Map<String, Double> values) {
        this(name, n, d, List.copyOf(terms), Collections.unmodifiableMap(new LinkedHashMap<>(values)), new Structure(n, d, terms));
    }

    /** {@code terms} and {@code values} are taken as they are (immutable); the structure is shared by {@link #with}. */
    private TermHamiltonian(String name, int n, int d, List<Term> terms, Map<String, Double> values, Structure structure) {
        this(name, n, d, terms, values, structure, null, 0);
    }

    /**
     * As above; {@code from} (may be null) is a Hamiltonian of the same structure whose values differ from these only
     * in the parameters {@code changed}: its compiled coefficients of the terms (and derivatives) that use none of
     * them are the ones these values give, and are reused, as are its velocity tables when no derivative changes.
     */
    private TermHamiltonian(String name, int n, int d, List<Term> terms, Map<String, Double> values, Structure structure,
                            TermHamiltonian from, long changed) {
        this.structure = structure;
        this.name = name;
        this.n = n;
        this.d = d;
        this.terms = terms;
        this.values = values;
        int t = terms.size();
        idx = structure.idx;
        mre = structure.mre;
        mim = structure.mim;
        // with() sets only values, so a Hamiltonian made from a bound one is bound
        boolean bound = from != null && from.f != null;
        if (!bound) {
            bound = true;
            for (Double v : values.values()) bound &= v != null;
        }
        boolean reuse = bound && from != null && from.f != null;
        boolean velocityChanged = !reuse;
        if (bound) {
            f = new Coefficient.Compiled[t];
            df = new Coefficient.Compiled[3][t];
            for (int i = 0; i < t; i++) {
                String label = terms.get(i).op().label();
                f[i] = reuse && !structure.uses(-1, i, changed) ? from.f[i] : terms.get(i).coefficient().compile(values, label);
                for (int a = 0; a < 3; a++) {
                    boolean same = reuse && !structure.uses(a, i, changed);
                    df[a][i] = same ? from.df[a][i] : structure.derivatives[a][i].compile(values, label);
                    velocityChanged |= !same;
                }
            }
        } else {
            f = null;
            df = null;
        }
        polynomial = structure.polynomial;
        axis = f != null && polynomial ? axisPolynomial(f) : null;
        if (!velocityChanged && from.velocityAxis != null) {
            velocityAxis = from.velocityAxis; // immutable once built: read only, handed out as copies
            dpoly = from.dpoly;
        } else {
            velocityAxis = f != null && polynomial ? new double[][][]{axisPolynomial(df[0]), axisPolynomial(df[1]), axisPolynomial(df[2])} : null;
            dpoly = f != null && polynomial ? new Poly[]{new Poly(df[0]), new Poly(df[1]), d == 3 ? new Poly(df[2]) : null} : null;
        }
        poly = f != null && polynomial ? new Poly(f) : null;
        // Changing only k-independent diagonal terms keeps the rotational symmetry exactly: ΔH = Σ Δf_i M_i is the same at
        // every k and commutes with every U = diag(e^{−ij_aφ}), so H(Rk) = U H(k) U† holds for H + ΔH iff for H (and the
        // off-diagonal harmonics that fix j are untouched). Detection is tolerance-based, though, so the base's result
        // (and the check it passed at a cutoff) carries over only where a fresh detection provably gives the same
        // (IsotropyDetection.carriesTo); otherwise this model detects its own. Likewise the mirror k_y → −k_y (a constant
        // diagonal ΔH satisfies S ΔHᵀ S = ΔH for every sign pattern S): the base's residuals decide it at this scale.
        boolean keeps = from != null && f != null && poly != null && from.poly != null;
        for (int i = 0; keeps && i < t; i++) keeps = !structure.uses(-1, i, changed) || structure.diagonalConstant[i];
        if (keeps) {
            IsotropyDetection det = from.detection;
            MirrorDetection md = from.mirrorDetection;
            double[] diagonal = det != null || md != null ? poly.constantDiagonal() : null;
            if (det != null && from.isotropy != null && det.carriesTo(diagonal)) {
                isotropy = from.isotropy;
                checkedAt = from.checkedAt;
            }
            if (md != null) mirror = md.at(diagonal);
        }
    }

    /** The cutoff at which {@link #checkIsotropy} passed for this symmetry (NaN: not yet). */
    private volatile double checkedAt = Double.NaN;

    /** {@link Hamiltonian#checkIsotropy}, once per cutoff (and not again for a {@link #with} that provably keeps it). */
    @Override
    public void checkIsotropy(double kmax) {
        if (Double.doubleToLongBits(checkedAt) == Double.doubleToLongBits(kmax)) return;
        GradientHamiltonian.super.checkIsotropy(kmax);
        checkedAt = kmax;
    }

    /**
     * A polynomial model as Σ_m k_x^{p_m} k_y^{q_m} k_z^{r_m} C_m: the distinct monomials of all terms, each with the
     * non-zero interleaved entries of its matrix C_m (terms with the same monomial merged). Evaluates H(k) in a few
     * multiply-adds per non-zero entry, no allocation.
     */
    private final class Poly {
        final int[] px, py, pz;     // per monomial
        private final double[][] sum; // per monomial: its summed matrix, interleaved
        private int[][] at;         // per monomial: interleaved entry positions of the non-zero entries (see compressed())
        private double[][] val;     // per monomial: values at those positions
        final int maxDeg;

        Poly(Coefficient.Compiled[] c) {
            // the distinct monomials in order of first (non-zero) appearance, each with its summed matrix
            int total = 0;
            for (Coefficient.Compiled x : c) total += x.c().length;
            int[] kx = new int[total], ky = new int[total], kz = new int[total];
            double[][] sum = new double[total][];
            int size = 0;
            for (int t = 0; t < c.length; t++)
                for (int i = 0; i < c[t].c().length; i++) {
                    double v = c[t].c()[i];
                    if (v == 0) continue;
                    int a = c[t].px()[i], b = c[t].py()[i], z = d == 2 ? 0 : c[t].pz()[i], slot = 0;
                    while (slot < size && (kx[slot] != a || ky[slot] != b || kz[slot] != z)) slot++;
                    if (slot == size) {
                        kx[size] = a; ky[size] = b; kz[size] = z;
                        sum[size++] = new double[2 * n * n];
                    }
                    double[] e = sum[slot];
                    if (d == 2 && c[t].pz()[i] != 0) continue; // k_z = 0 in 2D
                    for (int q = 0; q < idx[t].length; q++) {
                        e[idx[t][q]] += v * mre[t][q];
                        e[idx[t][q] + 1] += v * mim[t][q];
                    }
                }
            int deg = 0;
            px = java.util.Arrays.copyOf(kx, size); py = java.util.Arrays.copyOf(ky, size); pz = java.util.Arrays.copyOf(kz, size);
            this.sum = java.util.Arrays.copyOf(sum, size);
            for (int k = 0; k < size; k++) deg = Math.max(deg, Math.max(px[k], Math.max(py[k], pz[k])));
            maxDeg = deg;
            // total degree ≤ 2 (k·p models to second order): dense rows per monomial 1, k_a, k_a k_b, branch-free, in one
            // array (row r at r·len); an entry's row is the sum of its monomial's non-zero values (adding the zero entries
            // too changes no bit: x + (±0) = x)
            boolean quadratic = true;
            for (int q = 0; q < size; q++) quadratic &= px[q] + py[q] + pz[q] <= 2;
            if (quadratic) {
                int len = 2 * n * n;
                dense = new double[10 * len];
                for (int q = 0; q < size; q++) {
                    int row = quadraticIndex(px[q], py[q], pz[q]) * len;
                    double[] e = this.sum[q];
                    for (int j = 0; j < len; j++) if (e[j] != 0) dense[row + j] += e[j];
                }
            } else {
                dense = null;
                compressed();
            }
        }

        /** The non-zero entries of each monomial's matrix (at, val), made on first use (isotropy; eval of higher degree). */
        private synchronized void compressed() {
            if (val != null) return;
            int size = sum.length;
            int[][] a = new int[size][];
            double[][] v = new double[size][];
            for (int k = 0; k < size; k++) {
                double[] e = sum[k];
                int nz = 0;
                for (double x : e) if (x != 0) nz++;
                a[k] = new int[nz];
                v[k] = new double[nz];
                for (int j = 0, q = 0; j < e.length; j++) if (e[j] != 0) { a[k][q] = j; v[k][q++] = e[j]; }
            }
            at = a;
            val = v;
        }

        /** Row of monomial k_x^p k_y^q k_z^r (p + q + r ≤ 2) in the order 1, x, y, z, xx, xy, xz, yy, yz, zz. */
        private static int quadraticIndex(int p, int q, int r) {
            if (p + q + r == 0) return 0;
            if (p + q + r == 1) return p == 1 ? 1 : q == 1 ? 2 : 3;
            if (p == 2) return 4;
            if (p == 1) return q == 1 ? 5 : 6;
            if (q == 2) return 7;
            return q == 1 ? 8 : 9;
        }

        final double[] dense; // quadratic models: [monomial row · 2n² + entry], else null

        /**
         * {@link Isotropy#detect} from the coefficients (2D): on the same test circles, the angular Fourier coefficient
         * c_ab(ℓ) = Σ_m C_m,ab r^{p_m+q_m} F_{p_m q_m}(ℓ) of every entry in closed form (F: the Fourier coefficients of
         * cos^p φ sin^q φ), a harmonic counted where |c| > 10⁻⁹·max(1, max_ab Σ_ℓ |c_ab(ℓ)|).
         */
        IsotropyDetection isotropy() {
            compressed();
            int n2 = n * n, span = 2 * maxDeg * 2 + 1, mid = 2 * maxDeg; // ℓ ∈ [−2D, 2D] covers |ℓ| ≤ p + q
            double[][] fre = new double[px.length][], fim = new double[px.length][];
            for (int m = 0; m < px.length; m++) {
                double[][] f = fourier(px[m], py[m]);
                fre[m] = f[0];
                fim[m] = f[1];
            }
            int[][] found = new int[Isotropy.RADII.length][n2];
            double[] cre = new double[n2 * span], cim = new double[n2 * span];
            // for IsotropyDetection: per circle the scale, the smallest counted |c|² and Σ_ℓ |c_aa(ℓ)| of the diagonal
            // entries; the largest ignored |c|² and whether a diagonal ℓ ≠ 0 harmonic counted (the diagonal ℓ = 0 ones,
            // which a constant diagonal change moves, excluded from both)
            int radii = Isotropy.RADII.length;
            double[] scales = new double[radii], countedMinSq = new double[radii];
            double[][] diagSum = new double[radii][n];
            double ignoredMaxSq = 0;
            boolean diagonalHarmonic = false;
            for (int ri = 0; ri < radii; ri++) {
                double r = Isotropy.RADII[ri];
                java.util.Arrays.fill(cre, 0);
                java.util.Arrays.fill(cim, 0);
                for (int m = 0; m < px.length; m++) {
                    double rp = pow(r, px[m] + py[m]);
                    int dm = px[m] + py[m];
                    for (int q = 0; q < at[m].length; q++) {
                        int ab = at[m][q] / 2;
                        boolean imag = (at[m][q] & 1) == 1;
                        double c = val[m][q] * rp;
                        for (int l = -dm; l <= dm; l++) {
                            double xr = fre[m][l + dm], xi = fim[m][l + dm];
                            // (c or i·c) × F(ℓ)
                            cre[ab * span + l + mid] += imag ? -c * xi : c * xr;
                            cim[ab * span + l + mid] += imag ? c * xr : c * xi;
                        }
                    }
                }
                double scale = 1;
                for (int ab = 0; ab < n2; ab++) {
                    double sum = 0;
                    for (int l = 0; l < span; l++) {
                        double m2 = cre[ab * span + l] * cre[ab * span + l] + cim[ab * span + l] * cim[ab * span + l];
                        if (m2 != 0) sum += Math.sqrt(m2); // √0 adds nothing
                    }
                    scale = Math.max(scale, sum);
                    if (ab / n == ab % n) diagSum[ri][ab / n] = sum;
                }
                scales[ri] = scale;
                countedMinSq[ri] = Double.POSITIVE_INFINITY;
                double tolSq = 1e-18 * scale * scale;
                for (int ab = 0; ab < n2; ab++) {
                    found[ri][ab] = Isotropy.ABSENT;
                    boolean diagonal = ab / n == ab % n;
                    for (int l = 0; l < span; l++) {
                        double x = cre[ab * span + l], y = cim[ab * span + l], m2 = x * x + y * y;
                        boolean moved = diagonal && l == mid;
                        if (m2 > tolSq) {
                            if (found[ri][ab] != Isotropy.ABSENT) return new IsotropyDetection(Isotropy.NONE, null, null, null, 0, true, null);
                            found[ri][ab] = l - mid;
                            if (!moved) countedMinSq[ri] = Math.min(countedMinSq[ri], m2);
                            diagonalHarmonic |= diagonal && !moved;
                        } else if (!moved) ignoredMaxSq = Math.max(ignoredMaxSq, m2);
                    }
                }
            }
            double[] cd = constantDiagonal(), constantAbs = new double[n];
            for (int a = 0; a < n; a++) constantAbs[a] = Math.abs(cd[2 * a]) + Math.abs(cd[2 * a + 1]);
            return new IsotropyDetection(Isotropy.fromHarmonics(n, found), scales, countedMinSq, diagSum, ignoredMaxSq, diagonalHarmonic, constantAbs);
        }

        /** The diagonal of the k-independent monomial's matrix, interleaved re/im per entry (zeros if there is none). */
        double[] constantDiagonal() {
            double[] out = new double[2 * n];
            for (int m = 0; m < px.length; m++)
                if (px[m] == 0 && py[m] == 0 && pz[m] == 0) {
                    for (int a = 0; a < n; a++) {
                        out[2 * a] = sum[m][2 * (a * n + a)];
                        out[2 * a + 1] = sum[m][2 * (a * n + a) + 1];
                    }
                    break;
                }
            return out;
        }

        /** The largest |entry| of all monomials' matrices but the k-independent monomial's diagonal (see MirrorDetection). */
        double maxAbsOffConstantDiagonal() {
            double scale = 0;
            for (int m = 0; m < px.length; m++) {
                boolean constant = px[m] == 0 && py[m] == 0 && pz[m] == 0;
                for (int j = 0; j < sum[m].length; j++) {
                    int ab = j / 2;
                    if (!(constant && ab / n == ab % n)) scale = Math.max(scale, Math.abs(sum[m][j]));
                }
            }
            return scale;
        }

        /**
         * The residuals of S Cᵀ S = (−1)^q C for every monomial k_x^p k_y^q C and every sign pattern S = diag(s): per
         * pattern the largest |s_a s_b C_ba − (−1)^q C_ab| over all monomials and entries (re and im).
         */
        MirrorDetection mirrorY() {
            if (n > 6) return null;
            compressed();
            double[][] c = new double[px.length][2 * n * n];
            for (int m = 0; m < px.length; m++) for (int q = 0; q < at[m].length; q++) c[m][at[m][q]] = val[m][q];
            double[] residual = new double[1 << (n - 1)];
            for (int pattern = 0; pattern < residual.length; pattern++) {
                double[] s = MirrorDetection.signs(n, pattern);
                double res = 0;
                for (int m = 0; m < px.length; m++) {
                    double parity = py[m] % 2 == 0 ? 1 : -1;
                    for (int a = 0; a < n; a++)
                        for (int b = 0; b < n; b++) {
                            // (S Cᵀ S)_ab = s_a s_b C_ba
                            double sab = s[a] * s[b];
                            res = Math.max(res, Math.max(Math.abs(sab * c[m][2 * (b * n + a)] - parity * c[m][2 * (a * n + b)]),
                                    Math.abs(sab * c[m][2 * (b * n + a) + 1] - parity * c[m][2 * (a * n + b) + 1])));
                        }
                }
                residual[pattern] = res;
            }
            return new MirrorDetection(n, residual, maxAbsOffConstantDiagonal());
        }

        void eval(double kx, double ky, double kz, double[] out, int off) {
            if (dense != null) {
                double[] c = dense;
                double xx = kx * kx, xy = kx * ky, yy = ky * ky;
                int len = 2 * n * n;
                if (d == 2) {
                    for (int e = 0; e < len; e++)
                        out[off + e] = c[e] + kx * c[len + e] + ky * c[2 * len + e] + xx * c[4 * len + e] + xy * c[5 * len + e] + yy * c[7 * len + e];
                } else {
                    double xz = kx * kz, yz = ky * kz, zz = kz * kz;
                    for (int e = 0; e < len; e++)
                        out[off + e] = c[e] + kx * c[len + e] + ky * c[2 * len + e] + kz * c[3 * len + e] + xx * c[4 * len + e] + xy * c[5 * len + e]
                                + yy * c[7 * len + e] + xz * c[6 * len + e] + yz * c[8 * len + e] + zz * c[9 * len + e];
                }
                return;
            }
            java.util.Arrays.fill(out, off, off + 2 * n * n, 0);
            for (int m = 0; m < px.length; m++) {
                double v = pow(kx, px[m]) * pow(ky, py[m]) * pow(kz, pz[m]);
                int[] a = at[m];
                double[] c = val[m];
                for (int q = 0; q < a.length; q++) out[off + a[q]] += v * c[q];
            }
        }

        private static double pow(double x, int p) {
            switch (p) {
                case 0: return 1;
                case 1: return x;
                case 2: return x * x;
                default:
                    double r = x * x * x;
                    for (int i = 3; i < p; i++) r *= x;
                    return r;
            }
        }
    }

    /** Fourier coefficients {re, im}[ℓ + p + q] of cos^p φ sin^q φ = Σ_ℓ F(ℓ) e^{iℓφ}, computed on first use and kept. */
    private static final java.util.concurrent.ConcurrentHashMap<Integer, double[][]> FOURIER = new java.util.concurrent.ConcurrentHashMap<>();

    private static double[][] fourier(int p, int q) {
        return FOURIER.computeIfAbsent(p * 1024 + q, key -> {
            int deg = p + q;
            double[] re = new double[2 * deg + 1], im = new double[2 * deg + 1];
            re[deg] = 1;
            for (int s = 0; s < deg; s++) {
                double[] nr = new double[re.length], ni = new double[im.length];
                boolean cos = s < p;
                for (int l = 0; l < re.length; l++) {
                    double ar = l > 0 ? re[l - 1] : 0, ai = l > 0 ? im[l - 1] : 0;                      // from z·F
                    double br = l + 1 < re.length ? re[l + 1] : 0, bi = l + 1 < im.length ? im[l + 1] : 0; // from F/z
                    if (cos) { nr[l] = 0.5 * (ar + br); ni[l] = 0.5 * (ai + bi); }          // cos = (z + 1/z)/2
                    else { nr[l] = 0.5 * (ai - bi); ni[l] = -0.5 * (ar - br); }              // sin = −i(z − 1/z)/2
                }
                re = nr;
                im = ni;
            }
            return new double[][]{re, im};
        });
    }


    private final Poly poly;
    private final Poly[] dpoly;

    /** Per-entry coefficients of H(k, 0, 0) = Σ_p A_p k^p (only monomials free of k_y, k_z survive on the axis). */
    private double[][] axisPolynomial(Coefficient.Compiled[] c) {
        int deg = 0;
        for (Coefficient.Compiled x : c) for (int i = 0; i < x.c().length; i++) if (x.py()[i] == 0 && x.pz()[i] == 0) deg = Math.max(deg, x.px()[i]);
        double[][] a = new double[deg + 1][2 * n * n];
        for (int t = 0; t < c.length; t++)
            for (int i = 0; i < c[t].c().length; i++) {
                if (c[t].py()[i] != 0 || c[t].pz()[i] != 0) continue;
                double v = c[t].c()[i];
                int p = c[t].px()[i];
                for (int q = 0; q < idx[t].length; q++) {
                    a[p][idx[t][q]] += v * mre[t][q];
                    a[p][idx[t][q] + 1] += v * mim[t][q];
                }
            }
        return a;
    }

    /** Starts an n×n Hamiltonian in d = 2 or 3 space dimensions. */
    public static Builder builder(int n, int spaceDim) { return new Builder(n, spaceDim); }

    /** Collects terms and default parameter values; {@link #build()} finalizes. */
    public static final class Builder {
        private final int n, d;
        private final List<Term> terms = new ArrayList<>();
        private final Map<String, Double> defaults = new LinkedHashMap<>();
        private String name = "H";

        private Builder(int n, int d) {
            if (n < 1) throw new DiffusonException("n", "basis dimension must be ≥ 1, got " + n, "e.g. 2 for spin ½");
            if (d != 2 && d != 3) throw new DiffusonException("spaceDim", "must be 2 or 3, got " + d, "pass 2 or 3");
            this.n = n;
            this.d = d;
        }

        /** Adds f(k)·M. */
        public Builder term(Op m, Coefficient f) {
            if (m.dim() != n)
                throw new DiffusonException("term", "matrix " + m.label() + " is " + m.dim() + "x" + m.dim() + " but the model is " + n + "x" + n,
                        "use matrices of the model's basis dimension (Kronecker products for spin ⊗ orbital)");
            if (d == 2 && f.usesKz())
                throw new DiffusonException("term", "the coefficient of " + m.label() + " depends on k_z in a 2D model", "build a 3D model: builder(n, 3)");
            terms.add(new Term(m, f));
            return this;
        }

        /** Adds p·M for a named parameter p. */
        public Builder term(Op m, String param) { return term(m, Coefficient.param(param)); }

        /** Adds c·M for a constant c. */
        public Builder term(Op m, double c) { return term(m, Coefficient.constant(c)); }

        /** A default value for a parameter (overridden by {@link TermHamiltonian#with}). */
        public Builder set(String param, double value) {
            defaults.put(param, DiffusonException.requireFinite(param, value));
            return this;
        }

        /** A name for printing. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public TermHamiltonian build() {
            if (terms.isEmpty()) throw new DiffusonException("terms", "the Hamiltonian has no terms", "add at least one term(Op, Coefficient)");
            Map<String, Double> v = new LinkedHashMap<>();
            for (Term t : terms) for (String p : t.coefficient().parameters()) v.put(p, defaults.get(p));
            for (String p : defaults.keySet())
                if (!v.containsKey(p))
                    throw new DiffusonException(p, "has a default value but no term uses it", "parameters used: " + v.keySet());
            return new TermHamiltonian(name, n, d, terms, v);
        }
    }

    /** The same Hamiltonian with parameter {@code param} set to {@code value}. */
    public TermHamiltonian with(String param, double value) { return with(Map.of(param, value)); }

    /** Several parameters at once as name, value pairs: {@code with("m", 1, "alpha", 0.5)}. */
    public TermHamiltonian with(Object... pairs) {
        if (pairs.length % 2 != 0) throw new DiffusonException("pairs", "expects name, value pairs, got " + pairs.length + " arguments", "e.g. with(\"m\", 1, \"alpha\", 0.5)");
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (!(pairs[i] instanceof String s)) throw new DiffusonException("pairs", "argument " + i + " should be a parameter name, got " + pairs[i], "e.g. with(\"m\", 1)");
            if (!(pairs[i + 1] instanceof Number v)) throw new DiffusonException(s, "expects a number, got " + pairs[i + 1], "e.g. with(\"" + s + "\", 0.5)");
            m.put(s, v.doubleValue());
        }
        return with(m);
    }

    /** The same Hamiltonian with the given parameter values (unknown names are an error). */
    public TermHamiltonian with(Map<String, ? extends Number> params) {
        Map<String, Double> v = new LinkedHashMap<>(values);
        long changed = 0;
        for (var e : params.entrySet()) {
            String k = e.getKey();
            if (!v.containsKey(k)) throw new DiffusonException(k, "is not a parameter of " + name, "parameters: " + v.keySet());
            Double old = v.put(k, DiffusonException.requireFinite(k, e.getValue().doubleValue()));
            if (old == null || Double.doubleToLongBits(old) != Double.doubleToLongBits(v.get(k))) changed |= Structure.bit(structure.names.indexOf(k));
        }
        return new TermHamiltonian(name, n, d, terms, Collections.unmodifiableMap(v), structure, this, changed);
    }

    /** Parameter values in order of first use (a missing value is null). */
    public Map<String, Double> parameters() { return values; }

    /** Names of parameters still without a value. */
    public Set<String> unboundParameters() {
        Set<String> s = new LinkedHashSet<>();
        values.forEach((k, v) -> { if (v == null) s.add(k); });
        return s;
    }

    public List<Term> terms() { return terms; }
    public String name() { return name; }

    @Override public int dim() { return n; }
    @Override public int spaceDim() { return d; }

    private void requireBound() {
        if (f == null) {
            String p = unboundParameters().iterator().next();
            throw new DiffusonException(p, "has no value; parameters without values: " + unboundParameters(),
                    "supply them late: h.with(\"" + p + "\", value)");
        }
    }

    @Override
    public void eval(double kx, double ky, double kz, double[] out, int off) {
        requireBound();
        if (poly != null) poly.eval(kx, ky, kz, out, off);
        else accumulate(f, kx, ky, kz, out, off);
    }

    /**
     * The rows of a 2D model of total degree ≤ 2, H(k) = C_1 + k_x C_x + k_y C_y + k_x² C_xx + k_xk_y C_xy + k_y² C_yy, as
     * {C_1, C_x, C_y, C_xx, C_xy, C_yy} (interleaved n×n each, copies), for callers that evaluate a few entries in their
     * own loops: the same sum per entry as {@link #eval}, so equal to it bit for bit. Null for other models.
     */
    public double[][] quadraticRows2d() {
        if (poly == null || poly.dense == null || d != 2) return null;
        int len = 2 * n * n;
        double[][] out = new double[6][];
        int[] rows = {0, 1, 2, 4, 5, 7};   // 1, x, y, xx, xy, yy in the dense layout (row r at r·len)
        for (int i = 0; i < 6; i++) out[i] = java.util.Arrays.copyOfRange(poly.dense, rows[i] * len, (rows[i] + 1) * len);
        return out;
    }

    /** H(k, 0, 0) by Horner's rule on the per-entry axis polynomial (equal to {@link #eval} to rounding). */
    @Override
    public void evalAxis(double k, double[] out, int off) {
        if (axis == null) eval(k, 0, 0, out, off);
        else horner(axis, k, out, off);
    }

    /** ∂H/∂k_a at (k, 0, 0), exact (equal to {@link #evalVelocity} to rounding): the velocities of the radial tables. */
    public void evalVelocityAxis(Axis a, double k, double[] out, int off) {
        if (velocityAxis == null) evalVelocity(a, k, 0, 0, out, off);
        else horner(velocityAxis[a.index()], k, out, off);
    }

    /**
     * The coefficients of ∂H/∂k_a on the k_x axis as a polynomial in k: element [s] is the interleaved n×n matrix of
     * k^s (a copy), so that ∂H/∂k_a(k, 0, 0) = Σ_s k^s·[s] ({@link #evalVelocityAxis} evaluates it by Horner's rule);
     * null when the model is not polynomial or has unbound parameters.
     */
    public double[][] velocityAxisCoefficients(Axis a) { return velocityAxis == null ? null : copy(velocityAxis[a.index()]); }

    /**
     * The coefficients of H on the k_x axis as a polynomial in k: element [s] is the interleaved n×n matrix of k^s (a
     * copy; {@link #evalAxis} evaluates it by Horner's rule); null when the model is not polynomial or has unbound
     * parameters.
     */
    public double[][] axisCoefficients() { return axis == null ? null : copy(axis); }

    private static double[][] copy(double[][] c) {
        double[][] out = new double[c.length][];
        for (int s = 0; s < c.length; s++) out[s] = c[s].clone();
        return out;
    }

    private void horner(double[][] a, double k, double[] out, int off) {
        int deg = a.length - 1, len = 2 * n * n;
        double[] a0 = a[0];
        if (deg == 0) System.arraycopy(a0, 0, out, off, len);
        else if (deg == 1) {
            double[] a1 = a[1];
            for (int e = 0; e < len; e++) out[off + e] = a1[e] * k + a0[e];
        } else if (deg == 2) {
            double[] a1 = a[1], a2 = a[2];
            for (int e = 0; e < len; e++) out[off + e] = (a2[e] * k + a1[e]) * k + a0[e];
        } else {
            double[] top = a[deg];
            for (int e = 0; e < len; e++) {
                double s = top[e];
                for (int p = deg - 1; p >= 0; p--) s = s * k + a[p][e];
                out[off + e] = s;
            }
        }
    }

    private void accumulate(Coefficient.Compiled[] c, double kx, double ky, double kz, double[] out, int off) {
        java.util.Arrays.fill(out, off, off + 2 * n * n, 0);
        if (d == 2) kz = 0;
        for (int t = 0; t < c.length; t++) {
            double v = c[t].value(kx, ky, kz);
            if (v == 0) continue;
            int[] ix = idx[t];
            double[] re = mre[t], im = mim[t];
            for (int p = 0; p < ix.length; p++) {
                out[off + ix[p]] += v * re[p];
                out[off + ix[p] + 1] += v * im[p];
            }
        }
    }

    /** Writes the exact velocity ∂H/∂k_a (any dimension) into {@code out[off..]}. */
    public void evalVelocity(Axis a, double kx, double ky, double kz, double[] out, int off) {
        requireBound();
        Poly p = dpoly == null ? null : dpoly[a.index()];
        if (p != null) p.eval(kx, ky, kz, out, off);
        else accumulate(df[a.index()], kx, ky, kz, out, off);
    }

    @Override
    public void evalGradient(double kx, double ky, double[] dx, double[] dy, int off) {
        evalVelocity(Axis.X, kx, ky, 0, dx, off);
        evalVelocity(Axis.Y, kx, ky, 0, dy, off);
    }

    /** The velocity operator v_a = ∂H/∂k_a as a Hamiltonian of its own (exact, printable). */
    public TermHamiltonian velocity(Axis a) {
        List<Term> l = new ArrayList<>();
        for (Term t : terms) {
            Coefficient c = t.coefficient().derivative(a);
            if (!c.isZero()) l.add(new Term(t.op(), c));
        }
        if (l.isEmpty()) l.add(new Term(Op.identity(n), Coefficient.constant(0)));
        Map<String, Double> v = new LinkedHashMap<>();
        for (Term t : l) for (String p : t.coefficient().parameters()) v.put(p, values.get(p));
        return new TermHamiltonian("∂" + name + "/∂k" + a.label(), n, d, l, v);
    }

    /**
     * This Hamiltonian as a lattice model with reciprocal vectors b_1 = (b1x, b1y), b_2 = (b2x, b2y), for Brillouin-zone
     * integrals (periodicity is checked). The square lattice with a = 1: {@code onLattice(2π, 0, 0, 2π)}.
     */
    public LatticeTermHamiltonian onLattice(double b1x, double b1y, double b2x, double b2y) {
        return new LatticeTermHamiltonian(this, b1x, b1y, b2x, b2y);
    }

    /**
     * True when every matrix M_i is exactly Hermitian: then H(k) = Σ_i f_i(k) M_i with real f_i is Hermitian bit for
     * bit at every k (see {@link Structure}), and the model's construction checks only that its entries are finite.
     */
    @Override
    public boolean hermitianByConstruction() { return structure.exactlyHermitian; }

    /** True if every coefficient is a polynomial in k (a k·p model); false if it has lattice harmonics. */
    public boolean isPolynomial() { return polynomial; }

    /**
     * The mirror k_y → −k_y (see {@link Hamiltonian#mirrorY}), proved from the monomials of a 2D polynomial model:
     * every monomial k_x^p k_y^q with matrix C must satisfy S Cᵀ S = (−1)^q C, entry by entry, for one of the 2^(n−1)
     * sign patterns (n ≤ 6; relative tolerance 1e-14 of the largest entry). An identity of the coefficients, so it holds
     * at every k. Null for lattice and 3D models.
     */
    @Override
    public double[] mirrorY() {
        double[] m = mirror;
        if (m == null) {
            requireBound();
            MirrorDetection md = d == 2 && poly != null ? poly.mirrorY() : null;
            m = md == null ? NO_MIRROR : md.at(poly.constantDiagonal());
            mirrorDetection = md;
            mirror = m;
        }
        return m == NO_MIRROR ? null : m.clone();
    }

    private static final double[] NO_MIRROR = new double[0];
    private volatile double[] mirror;
    /** The residuals behind {@link #mirror} where this model found it itself (null: inherited or not yet). */
    private volatile MirrorDetection mirrorDetection;

    /** The margins behind {@link #isotropy} where this model detected it itself (null: inherited, 3D, or not yet). */
    private volatile IsotropyDetection detection;

    /**
     * A 2D closed-form isotropy detection (Poly.isotropy) with what decides whether it carries over to a model that
     * differs only by a k-independent diagonal ΔH: per test circle the scale (10⁻⁹·scale is the threshold of a
     * harmonic), the smallest counted |c|², Σ_ℓ |c_aa(ℓ)| of each diagonal entry; over all circles the largest ignored
     * |c|² and whether a diagonal entry has a harmonic ℓ ≠ 0 (all without the diagonal ℓ = 0 harmonics, which ΔH moves).
     * {@code scale} null: the detection stopped early (NONE) and carries over to nothing.
     */
    private record IsotropyDetection(Isotropy result, double[] scale, double[] countedMinSq, double[][] diagonalSum,
                                     double ignoredMaxSq, boolean diagonalHarmonic, double[] constantAbs) {
        /**
         * Whether a fresh detection of {@code to} (same structure, only constant diagonal entries changed from
         * {@code from}) gives this result: every harmonic ΔH does not move is the same number; the ignored ones are
         * exactly zero (so ignored at any threshold); the counted ones stay above 10⁻⁹ times a bound on the new scale
         * (Σ_ℓ |c'_aa| ≤ Σ_ℓ |c_aa| + |ΔH_aa|, |ΔH_aa| ≤ |H_aa(0)| + |H'_aa(0)| with |z| ≤ |Re z| + |Im z|, and 10⁻¹² for
         * rounding); and no diagonal entry has another harmonic, so whether its moved ℓ = 0 one counts (ABSENT or 0)
         * changes nothing. {@code to}: the new model's k-independent diagonal (Poly.constantDiagonal).
         */
        boolean carriesTo(double[] to) {
            if (scale == null || ignoredMaxSq != 0 || diagonalHarmonic) return false;
            int n = constantAbs.length;
            for (int ri = 0; ri < scale.length; ri++) {
                double bound = scale[ri];
                for (int a = 0; a < n; a++)
                    bound = Math.max(bound, diagonalSum[ri][a] + constantAbs[a] + Math.abs(to[2 * a]) + Math.abs(to[2 * a + 1]));
                bound *= 1 + 1e-12;
                if (!(countedMinSq[ri] > 1e-18 * bound * bound)) return false;
            }
            return true;
        }
    }

    /**
     * The mirror residuals of a 2D polynomial model, per sign pattern (Poly.mirrorY). A k-independent diagonal ΔH moves
     * none of them (its own residual is s_a² ΔH_aa − ΔH_aa = 0), so they decide the mirror of every such model from
     * its scale alone: the first pattern whose residual is within 10⁻¹⁴·scale, the scale being the largest |entry| of
     * all monomials ({@code offDiagonalMax}, the one ΔH does not move, and the k-independent diagonal's).
     */
    private record MirrorDetection(int n, double[] residual, double offDiagonalMax) {
        /** The signs at the model whose k-independent diagonal is {@code diagonal} (interleaved), or NO_MIRROR. */
        double[] at(double[] diagonal) {
            double scale = offDiagonalMax;
            for (double x : diagonal) scale = Math.max(scale, Math.abs(x));
            double tol = 1e-14 * scale;
            for (int pattern = 0; pattern < residual.length; pattern++) if (residual[pattern] <= tol) return signs(n, pattern);
            return NO_MIRROR;
        }

        /** s_0 = 1, s_a = −1 where bit a − 1 of the pattern is set. */
        static double[] signs(int n, int pattern) {
            double[] s = new double[n];
            for (int a = 0; a < n; a++) s[a] = a > 0 && (pattern >> (a - 1) & 1) == 1 ? -1 : 1;
            return s;
        }
    }

    /** The rotational symmetry, detected from H itself ({@link Isotropy#detect}); NONE for lattice models. */
    @Override
    public Isotropy isotropy() {
        Isotropy iso = isotropy;
        if (iso == null) {
            requireBound();
            if (isPolynomial() && d == 2) {
                IsotropyDetection det = poly.isotropy();
                detection = det;
                iso = det.result();
            } else iso = !isPolynomial() ? Isotropy.NONE : Isotropy.detect(this, 1.0);
            isotropy = iso;
        }
        return iso;
    }

    /** The formula, e.g. {@code H(k) = (0.5·kx²/m + 0.5·ky²/m)·σ0 + alpha ky·σx − …} and the parameter values. */
    public String formula() {
        StringBuilder sb = new StringBuilder(name).append("(k) = ");
        for (int i = 0; i < terms.size(); i++) {
            Term t = terms.get(i);
            String c = t.coefficient().toString();
            boolean single = !c.substring(1).contains(" + ") && !c.substring(1).contains(" − ");
            if (i > 0) {
                if (single && c.startsWith("−")) { sb.append(" − "); c = c.substring(1); }
                else sb.append(" + ");
            }
            sb.append(single ? c : "(" + c + ")").append(" ").append(t.op().label());
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(formula());
        if (!values.isEmpty()) {
            sb.append(", ");
            int i = 0;
            for (var e : values.entrySet()) {
                if (i++ > 0) sb.append(", ");
                sb.append(e.getKey()).append('=').append(e.getValue() == null ? "?" : Coefficient.number(e.getValue()));
            }
        }
        return sb.append(" (ħ=1)").toString();
    }

    /** n, d, the formula and parameters on separate lines (for notebooks). */
    public String describe() {
        return String.format(Locale.ROOT, "%s: %d×%d, d=%d, %s, velocities exact%n  %s%n  parameters: %s%n",
                name, n, n, d, isPolynomial() ? "k·p polynomial" : "lattice harmonics", formula(), values);
    }
}

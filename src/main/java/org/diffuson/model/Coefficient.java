package org.diffuson.model;

import org.diffuson.DiffusonException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A real coefficient function f(k) of one matrix term of a {@link TermHamiltonian}: a sum of monomials
 * c · Π p_i^{e_i} · k_x^a k_y^b k_z^c · t(R·k) with named parameters p_i (integer powers, substituted late),
 * a k·p polynomial and at most one lattice harmonic t ∈ {1, cos, sin} of a real vector R. Sums, products (trigonometric
 * products are expanded, cos a cos b = ½[cos(a−b) + cos(a+b)] …) and exact derivatives ∂f/∂k_a stay in the same form,
 * so velocities need no finite differences. Immutable; {@link #toString()} prints the formula.
 */
public final class Coefficient {
    /** Lattice harmonic of a monomial. */
    enum Trig { ONE, COS, SIN }

    /** c · params · k^pow · trig(R·k). */
    record Monomial(double c, TreeMap<String, Integer> params, int px, int py, int pz, Trig trig, double rx, double ry, double rz) {
        Monomial times(Monomial o) {
            TreeMap<String, Integer> p = new TreeMap<>(params);
            o.params.forEach((k, v) -> p.merge(k, v, Integer::sum));
            p.values().removeIf(v -> v == 0);
            return new Monomial(c * o.c, p, px + o.px, py + o.py, pz + o.pz, Trig.ONE, 0, 0, 0);
        }

        Monomial withTrig(double factor, Trig t, double x, double y, double z) {
            if (t != Trig.ONE && x == 0 && y == 0 && z == 0) {
                if (t == Trig.SIN) return new Monomial(0, params, px, py, pz, Trig.ONE, 0, 0, 0);
                t = Trig.ONE;
            }
            return new Monomial(c * factor, params, px, py, pz, t, x, y, z);
        }

        boolean sameShape(Monomial o) {
            return params.equals(o.params) && px == o.px && py == o.py && pz == o.pz && trig == o.trig
                    && rx == o.rx && ry == o.ry && rz == o.rz;
        }
    }

    private final List<Monomial> terms;

    private Coefficient(List<Monomial> terms) {
        List<Monomial> merged = new ArrayList<>();
        outer:
        for (Monomial m : terms) {
            if (m.c == 0) continue;
            for (int i = 0; i < merged.size(); i++)
                if (merged.get(i).sameShape(m)) {
                    Monomial a = merged.get(i);
                    merged.set(i, new Monomial(a.c + m.c, a.params, a.px, a.py, a.pz, a.trig, a.rx, a.ry, a.rz));
                    continue outer;
                }
            merged.add(m);
        }
        merged.removeIf(m -> m.c == 0);
        this.terms = Collections.unmodifiableList(merged);
        names = new String[merged.size()][];
        powers = new int[merged.size()][];
        for (int i = 0; i < merged.size(); i++) {
            TreeMap<String, Integer> p = merged.get(i).params;
            names[i] = p.keySet().toArray(new String[0]);
            powers[i] = p.values().stream().mapToInt(Integer::intValue).toArray();
        }
    }

    // each monomial's parameters and powers in the TreeMap's order, for compile
    private final String[][] names;
    private final int[][] powers;

    private static Coefficient single(Monomial m) { return new Coefficient(List.of(m)); }

    private static final TreeMap<String, Integer> NONE = new TreeMap<>();

    /** The constant c. */
    public static Coefficient constant(double c) {
        DiffusonException.requireFinite("c", c);
        return single(new Monomial(c, NONE, 0, 0, 0, Trig.ONE, 0, 0, 0));
    }

    private static final java.util.regex.Pattern IDENTIFIER = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** The named parameter p (a value supplied later by {@link TermHamiltonian#with}). */
    public static Coefficient param(String name) { return param(name, 1); }

    /** p^power (power may be negative: {@code param("m", -1)} is 1/m). */
    public static Coefficient param(String name, int power) {
        if (name == null || !IDENTIFIER.matcher(name).matches())
            throw new DiffusonException("name", "parameter name '" + name + "' is not an identifier", "use letters, digits and _, e.g. \"alpha\"");
        TreeMap<String, Integer> p = new TreeMap<>();
        if (power != 0) p.put(name, power);
        return single(new Monomial(1, p, 0, 0, 0, Trig.ONE, 0, 0, 0));
    }

    public static Coefficient kx() { return single(new Monomial(1, NONE, 1, 0, 0, Trig.ONE, 0, 0, 0)); }
    public static Coefficient ky() { return single(new Monomial(1, NONE, 0, 1, 0, Trig.ONE, 0, 0, 0)); }
    public static Coefficient kz() { return single(new Monomial(1, NONE, 0, 0, 1, Trig.ONE, 0, 0, 0)); }

    /** k_a for axis 0, 1, 2. */
    public static Coefficient k(Axis a) { return a == Axis.X ? kx() : a == Axis.Y ? ky() : kz(); }

    /** k_x² + k_y² (2D). */
    public static Coefficient k2() { return kx().times(kx()).plus(ky().times(ky())); }

    /** k_x² + k_y² + k_z² (3D). */
    public static Coefficient k2in3d() { return k2().plus(kz().times(kz())); }

    /** cos(R·k) for a lattice vector R = (rx, ry). */
    public static Coefficient cos(double rx, double ry) { return cos(rx, ry, 0); }
    public static Coefficient cos(double rx, double ry, double rz) { return single(new Monomial(1, NONE, 0, 0, 0, Trig.COS, 0, 0, 0).withTrig(1, Trig.COS, rx, ry, rz)); }

    /** sin(R·k) for a lattice vector R = (rx, ry). */
    public static Coefficient sin(double rx, double ry) { return sin(rx, ry, 0); }
    public static Coefficient sin(double rx, double ry, double rz) { return single(new Monomial(1, NONE, 0, 0, 0, Trig.SIN, 0, 0, 0).withTrig(1, Trig.SIN, rx, ry, rz)); }

    public Coefficient plus(Coefficient o) {
        List<Monomial> l = new ArrayList<>(terms);
        l.addAll(o.terms);
        return new Coefficient(l);
    }

    public Coefficient minus(Coefficient o) { return plus(o.times(-1)); }

    public Coefficient negate() { return times(-1); }

    public Coefficient times(double s) {
        DiffusonException.requireFinite("factor", s);
        List<Monomial> l = new ArrayList<>();
        for (Monomial m : terms) l.add(new Monomial(m.c * s, m.params, m.px, m.py, m.pz, m.trig, m.rx, m.ry, m.rz));
        return new Coefficient(l);
    }

    /** Multiplies by the named parameter. */
    public Coefficient times(String param) { return times(param(param)); }

    /** Divides by the named parameter. */
    public Coefficient over(String param) { return times(param(param, -1)); }

    /** The product, with trigonometric products expanded into sums of harmonics. */
    public Coefficient times(Coefficient o) {
        List<Monomial> l = new ArrayList<>();
        for (Monomial a : terms)
            for (Monomial b : o.terms) {
                Monomial base = a.times(b);
                Trig ta = a.trig, tb = b.trig;
                if (ta == Trig.ONE) l.add(base.withTrig(1, tb, b.rx, b.ry, b.rz));
                else if (tb == Trig.ONE) l.add(base.withTrig(1, ta, a.rx, a.ry, a.rz));
                else {
                    double sx = a.rx + b.rx, sy = a.ry + b.ry, sz = a.rz + b.rz, dx = a.rx - b.rx, dy = a.ry - b.ry, dz = a.rz - b.rz;
                    if (ta == Trig.COS && tb == Trig.COS) {          // ½[cos(a−b) + cos(a+b)]
                        l.add(base.withTrig(0.5, Trig.COS, dx, dy, dz));
                        l.add(base.withTrig(0.5, Trig.COS, sx, sy, sz));
                    } else if (ta == Trig.SIN && tb == Trig.SIN) {   // ½[cos(a−b) − cos(a+b)]
                        l.add(base.withTrig(0.5, Trig.COS, dx, dy, dz));
                        l.add(base.withTrig(-0.5, Trig.COS, sx, sy, sz));
                    } else if (ta == Trig.SIN) {                     // sin a cos b = ½[sin(a+b) + sin(a−b)]
                        l.add(base.withTrig(0.5, Trig.SIN, sx, sy, sz));
                        l.add(base.withTrig(0.5, Trig.SIN, dx, dy, dz));
                    } else {                                         // cos a sin b = ½[sin(a+b) − sin(a−b)]
                        l.add(base.withTrig(0.5, Trig.SIN, sx, sy, sz));
                        l.add(base.withTrig(-0.5, Trig.SIN, dx, dy, dz));
                    }
                }
            }
        return new Coefficient(l);
    }

    /** The exact derivative ∂f/∂k_a. */
    public Coefficient derivative(Axis axis) {
        List<Monomial> l = new ArrayList<>();
        int a = axis.index();
        for (Monomial m : terms) {
            int p = a == 0 ? m.px : a == 1 ? m.py : m.pz;
            if (p > 0)
                l.add(new Monomial(m.c * p, m.params, m.px - (a == 0 ? 1 : 0), m.py - (a == 1 ? 1 : 0), m.pz - (a == 2 ? 1 : 0), m.trig, m.rx, m.ry, m.rz));
            double r = a == 0 ? m.rx : a == 1 ? m.ry : m.rz;
            if (m.trig != Trig.ONE && r != 0) {
                // d cos(R·k) = −R_a sin(R·k), d sin(R·k) = R_a cos(R·k)
                Trig t = m.trig == Trig.COS ? Trig.SIN : Trig.COS;
                l.add(new Monomial(m.c * r * (m.trig == Trig.COS ? -1 : 1), m.params, m.px, m.py, m.pz, t, m.rx, m.ry, m.rz));
            }
        }
        return new Coefficient(l);
    }

    /** Names of the parameters this coefficient uses. */
    public Set<String> parameters() {
        Set<String> s = new TreeSet<>();
        for (Monomial m : terms) s.addAll(m.params.keySet());
        return s;
    }

    public boolean isZero() { return terms.isEmpty(); }

    /** True if the coefficient is a polynomial in k (no lattice harmonics). */
    public boolean isPolynomial() { return terms.stream().allMatch(m -> m.trig == Trig.ONE); }

    /** Highest total degree in k (0 for a constant; lattice harmonics count 0). */
    public int degree() { return terms.stream().mapToInt(m -> m.px + m.py + m.pz).max().orElse(0); }

    /** True if the coefficient depends on k_z. */
    boolean usesKz() { return terms.stream().anyMatch(m -> m.pz > 0 || (m.trig != Trig.ONE && m.rz != 0)); }

    /**
     * Numeric form for fast evaluation: every parameter replaced by its value. {@code term} is the label of the term
     * this coefficient multiplies (its operator's label, e.g. {@code σz}), named in the error for a parameter without a
     * value.
     */
    Compiled compile(Map<String, Double> values, String term) {
        String where = "the " + term + " term";
        int n = terms.size();
        double[] c = new double[n], rx = new double[n], ry = new double[n], rz = new double[n];
        int[] px = new int[n], py = new int[n], pz = new int[n], trig = new int[n];
        for (int i = 0; i < n; i++) {
            Monomial m = terms.get(i);
            double v = m.c;
            for (int j = 0; j < names[i].length; j++) {
                String name = names[i][j];
                int e = powers[i][j];
                Double p = values.get(name);
                if (p == null)
                    throw new DiffusonException(name, "has no value (used in " + where + ")",
                            "supply it late: h.with(\"" + name + "\", value)");
                if (p == 0 && e < 0)
                    throw new DiffusonException(name, "is 0 but appears as 1/" + name + " in " + where, "give it a non-zero value");
                v *= e == 1 ? p : Math.pow(p, e); // pow(x, 1) is x by its specification
            }
            c[i] = v;
            px[i] = m.px; py[i] = m.py; pz[i] = m.pz;
            trig[i] = m.trig.ordinal();
            rx[i] = m.rx; ry[i] = m.ry; rz[i] = m.rz;
        }
        return new Compiled(c, px, py, pz, trig, rx, ry, rz);
    }

    /** The coefficient with numbers for every parameter: f(k) in a few multiplications, no allocation. */
    record Compiled(double[] c, int[] px, int[] py, int[] pz, int[] trig, double[] rx, double[] ry, double[] rz) {
        double value(double kx, double ky, double kz) {
            double s = 0;
            for (int i = 0; i < c.length; i++) {
                double v = c[i] * pow(kx, px[i]) * pow(ky, py[i]) * pow(kz, pz[i]);
                if (trig[i] != 0) {
                    double ph = rx[i] * kx + ry[i] * ky + rz[i] * kz;
                    v *= trig[i] == 1 ? Math.cos(ph) : Math.sin(ph);
                }
                s += v;
            }
            return s;
        }

        private static double pow(double x, int p) {
            switch (p) {
                case 0: return 1;
                case 1: return x;
                case 2: return x * x;
                case 3: return x * x * x;
                default:
                    double r = 1;
                    for (int i = 0; i < p; i++) r *= x;
                    return r;
            }
        }
    }

    @Override
    public String toString() {
        if (terms.isEmpty()) return "0";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < terms.size(); i++) {
            Monomial m = terms.get(i);
            String body = monomialBody(m);
            double c = m.c;
            boolean neg = c < 0;
            double a = Math.abs(c);
            if (i == 0) sb.append(neg ? "−" : "");
            else sb.append(neg ? " − " : " + ");
            String num = number(a);
            if (body.isEmpty()) sb.append(num);
            else if (a == 1) sb.append(body);
            else sb.append(num).append(body.startsWith("/") ? "" : "·").append(body);
        }
        return sb.toString();
    }

    private static String monomialBody(Monomial m) {
        List<String> num = new ArrayList<>(), den = new ArrayList<>();
        m.params.forEach((k, v) -> (v > 0 ? num : den).add(k + sup(Math.abs(v))));
        if (m.px > 0) num.add("kx" + sup(m.px));
        if (m.py > 0) num.add("ky" + sup(m.py));
        if (m.pz > 0) num.add("kz" + sup(m.pz));
        if (m.trig != Trig.ONE) num.add((m.trig == Trig.COS ? "cos" : "sin") + "(" + phase(m) + ")");
        String s = String.join(" ", num);
        if (!den.isEmpty()) s = (s.isEmpty() ? "1" : s) + "/" + (den.size() == 1 ? den.get(0) : "(" + String.join(" ", den) + ")");
        return s;
    }

    private static String phase(Monomial m) {
        StringBuilder sb = new StringBuilder();
        double[] r = {m.rx, m.ry, m.rz};
        String[] k = {"kx", "ky", "kz"};
        for (int i = 0; i < 3; i++) {
            if (r[i] == 0) continue;
            if (sb.length() > 0) sb.append(r[i] < 0 ? " − " : " + ");
            else if (r[i] < 0) sb.append("−");
            double a = Math.abs(r[i]);
            if (a != 1) sb.append(number(a)).append(' ');
            sb.append(k[i]);
        }
        return sb.toString();
    }

    private static String sup(int p) {
        if (p == 1) return "";
        String d = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        StringBuilder sb = new StringBuilder();
        for (char ch : Integer.toString(p).toCharArray()) sb.append(d.charAt(ch - '0'));
        return sb.toString();
    }

    static String number(double a) {
        if (a == Math.rint(a) && Math.abs(a) < 1e15) return Long.toString((long) a);
        String s = String.format(Locale.ROOT, "%.6g", a);
        if (s.contains("e")) return s;
        if (s.contains(".")) s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        return s;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Coefficient c) || c.terms.size() != terms.size()) return false;
        outer:
        for (Monomial m : terms) {
            for (Monomial x : c.terms) if (x.sameShape(m) && x.c == m.c) continue outer;
            return false;
        }
        return true;
    }

    @Override
    public int hashCode() { return Objects.hash(terms.size(), Arrays.hashCode(terms.stream().mapToDouble(Monomial::c).sorted().toArray())); }
}

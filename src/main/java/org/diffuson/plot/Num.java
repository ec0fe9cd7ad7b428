package org.diffuson.plot;

/** Fast, locale-free number formatting for the vector writers. */
final class Num {

    private Num() {
    }

    /** Appends {@code v} rounded to 2 decimals (0.01 px or pt), without trailing zeros or a leading zero. */
    static void append2(StringBuilder sb, double v) {
        if (!Double.isFinite(v)) {
            // never reached from a display list (coordinates are cleaned when recorded); keeps any output parseable
            sb.append('0');
            return;
        }
        long n = Math.round(Math.max(-1e12, Math.min(1e12, v)) * 100);
        if (n < 0) {
            sb.append('-');
            n = -n;
        }
        long whole = n / 100;
        int frac = (int) (n % 100);
        if (whole != 0 || frac == 0) sb.append(whole);
        if (frac != 0) {
            sb.append('.');
            sb.append((char) ('0' + frac / 10));
            if (frac % 10 != 0) sb.append((char) ('0' + frac % 10));
        }
    }

    /** Appends {@code v} with up to 6 decimals (matrix entries), plain notation, never an exponent. */
    static void append6(StringBuilder sb, double v) {
        if (!Double.isFinite(v)) {
            sb.append('0');
            return;
        }
        long n = Math.round(Math.max(-1e9, Math.min(1e9, v)) * 1e6);
        if (n < 0) {
            sb.append('-');
            n = -n;
        }
        sb.append(n / 1_000_000);
        long frac = n % 1_000_000;
        if (frac != 0) {
            String f = Long.toString(frac + 1_000_000).substring(1);
            int end = f.length();
            while (f.charAt(end - 1) == '0') end--;
            sb.append('.').append(f, 0, end);
        }
    }

    /** Appends {@code v} in [0, 1] with 3 decimals (colour components, opacities). */
    static void append3(StringBuilder sb, double v) {
        long n = Math.round(v * 1000);
        if (n <= 0) {
            sb.append('0');
            return;
        }
        if (n >= 1000) {
            sb.append('1');
            return;
        }
        sb.append('.');
        int d1 = (int) (n / 100), d2 = (int) (n / 10 % 10), d3 = (int) (n % 10);
        sb.append((char) ('0' + d1));
        if (d2 != 0 || d3 != 0) sb.append((char) ('0' + d2));
        if (d3 != 0) sb.append((char) ('0' + d3));
    }

    /** {@code #rrggbb}. */
    static void appendHex(StringBuilder sb, int rgb) {
        sb.append('#');
        for (int shift = 20; shift >= 0; shift -= 4) sb.append(Character.forDigit((rgb >> shift) & 0xF, 16));
    }
}

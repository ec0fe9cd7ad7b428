package org.diffuson.pipeline;

import org.diffuson.Numbers;
import org.diffuson.kubo.KuboResult;

/**
 * A linear response from the pipeline: the Kubo–Středa result, the symbol and unit it is reported in, and its
 * {@link Certificate}. {@link #value()} is the Fermi-surface RA term with ladder vertex corrections (plus −RR and the
 * sea when computed: {@link KuboResult#total()}).
 */
public record Response(String symbol, String unit, KuboResult kubo, Certificate certificate) {
    /** The reported value: {@link KuboResult#total()} (Středa I, plus Středa II when computed). */
    public double value() { return kubo.total(); }

    /** Without vertex corrections (bare bubble, RA − RR). */
    public double bare() { return kubo.bareRA() - kubo.bareRR() + (kubo.seaComputed() ? kubo.sea() : 0); }

    /** The ladder vertex correction alone. */
    public double vertexCorrection() { return kubo.vertexRA() - kubo.vertexRR(); }

    @Override
    public String toString() {
        double fsBare = kubo.bareRA() - kubo.bareRR();
        double scale = Math.max(Math.abs(value()), Math.max(Math.abs(fsBare), Math.abs(vertexCorrection())));
        int digits = Math.max(3, Math.min(8, certificate.digits() == 0 ? 6 : certificate.digits()));
        return symbol + " = " + Numbers.format(value(), scale, digits) + " " + unit
                + " = Fermi-surface bubble " + Numbers.format(fsBare, scale, digits) + " + vertex correction " + Numbers.format(vertexCorrection(), scale, digits)
                + (kubo.seaComputed() ? " + Fermi sea " + Numbers.format(kubo.sea(), scale, digits) : " (Středa I; Fermi sea not included)")
                + "  [" + kubo.selfEnergy() + ", E = " + Numbers.format(kubo.energy()) + "]\n  " + certificate + "\n"
                + (kubo.refinement() == null ? "" : "  " + kubo.refinement() + "\n");
    }

    /** The text form as HTML (notebooks show it instead of a table of the record's components). */
    public String toHtml() {
        return "<pre style=\"white-space:pre-wrap\">" + toString().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") + "</pre>";
    }
}

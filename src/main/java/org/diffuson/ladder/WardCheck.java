package org.diffuson.ladder;

import org.diffuson.DataTable;
import org.diffuson.green.Energy;

import java.util.Locale;

/**
 * Residuals of the three forms of the Ward–Takahashi identity at q = 0 (seed 000 eqs 14–16, 154–156; seed 000 Eqs. 14–16, 154–156),
 * exact on the grid for a conserving (SCBA) Σ:
 * <ol>
 *   <li>(1 − I)[ΔΣ] = −Δz·I[1]</li>
 *   <li>χ[1] = −ΔG/Δz, checked inverse-free as K[ΔG] = −Δz·1</li>
 *   <li>Tr(ΔG·K[ρ]) = −Δz Tr ρ for every ρ (charge conservation in K; eq 155)</li>
 * </ol>
 * Residuals are max-norm absolute values; each form also carries the size of its terms (e.g. max(‖1−I‖‖ΔΣ‖, |Δz|‖I[1]‖)),
 * and relative = absolute/size.
 */
public record WardCheck(Energy e1, Energy e2, String selfEnergy, double collisionForm, double susceptibilityForm,
                        double chargeForm, double collisionScale, double susceptibilityScale, double chargeScale) {

    /** Largest of the three absolute residuals. */
    public double max() { return Math.max(collisionForm, Math.max(susceptibilityForm, chargeForm)); }

    /** Largest residual relative to the size of the terms of its form. */
    public double relative() {
        return Math.max(collisionForm / collisionScale, Math.max(susceptibilityForm / susceptibilityScale, chargeForm / chargeScale));
    }

    public DataTable table() {
        return DataTable.of("Ward identity (" + selfEnergy + ") at z1=" + e1 + ", z2=" + e2,
                DataTable.Column.strings("form", "(1−I)[ΔΣ] = −Δz I[1]", "K[ΔG] = −Δz 1  (χ[1] = −ΔG/Δz)", "Tr(ΔG K[ρ]) = −Δz Tr ρ"),
                DataTable.Column.doubles("absolute residual", collisionForm, susceptibilityForm, chargeForm),
                DataTable.Column.doubles("relative residual", collisionForm / collisionScale, susceptibilityForm / susceptibilityScale, chargeForm / chargeScale));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "WTI (%s) z1=%s z2=%s: |(1−I)ΔΣ+ΔzI[1]| = %.3e, |K[ΔG]+Δz| = %.3e, |Tr(ΔG K[ρ])+Δz Trρ| = %.3e (relative %.2e)",
                selfEnergy, e1, e2, collisionForm, susceptibilityForm, chargeForm, relative());
    }
}

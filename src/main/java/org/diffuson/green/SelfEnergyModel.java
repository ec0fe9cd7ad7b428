package org.diffuson.green;

import org.diffuson.linalg.CMatrix;

/**
 * How Σ(z) is obtained at any energy: self-consistently (the conserving choice), or by one of the paper's shortcuts,
 * kept as named failure modes (seed 000 spec §3.1, §4): Born from bare G, Σ ∝ 1 set by hand, a constant Σ.
 */
public interface SelfEnergyModel {
    /** Σ at this energy (advanced: Σ^A = (Σ^R)†). */
    CMatrix sigma(Energy e);

    /** Short name for tables, e.g. "SCBA", "Born(η=0.02)", "Σ∝1". */
    String name();

    /** True if Σ and the ladder rung come from the same conserving approximation (Ward identity exact). */
    default boolean conserving() { return false; }
}

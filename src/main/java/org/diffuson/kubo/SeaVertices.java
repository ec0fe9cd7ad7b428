package org.diffuson.kubo;

/**
 * The vertices of the Fermi-sea term (Středa II) of {@link Kubo#sea(Vertex, Vertex, SeaVertices)}.
 * <ul>
 *   <li>{@link #BARE}: A and B as given. Exact for charge-current (velocity) vertices with a k-independent Σ, by the
 *       (z, z) Ward identity Λ(z, z) = −∂G⁻¹/∂k = v (over a Brillouin zone; up to a cutoff boundary term for
 *       continuum models); see {@link SeaLadder}.</li>
 *   <li>{@link #LADDER}: both vertices dressed by the non-crossing (z, z) ladder of the same rung and bubble as the
 *       Fermi-surface term, so the sea term is the z-derivative of the ladder-summed correlator. Needed for spin,
 *       spin-current and torque vertices, which have no such identity.</li>
 * </ul>
 */
public enum SeaVertices { BARE, LADDER }

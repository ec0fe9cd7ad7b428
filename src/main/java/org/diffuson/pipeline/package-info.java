/**
 * The fluent pipeline over the engines, one value per step, each printing itself in a short readable form:
 * <pre>{@code
 * var sigma = Pipeline.of(model).scba(1.0).ladder().conductivity(Axis.X, Axis.X);
 * }</pre>
 * model → {@link org.diffuson.pipeline.ScbaStep} (SCBA self-energy) → {@link org.diffuson.pipeline.LadderStep}
 * (ladder on the same grid) → {@link org.diffuson.pipeline.Response} (Kubo conductivity, spin Hall …) or the
 * diffusion operator. Every response carries a {@link org.diffuson.pipeline.Certificate}: SCBA residual, Ward
 * residual and a grid-convergence estimate. Sits above {@code green}, {@code ladder} and {@code kubo}; the physics
 * packages never import it.
 */
package org.diffuson.pipeline;

#!/usr/bin/env python3
"""Peer for UsadelBench.nsConductance (seed 003 Keldysh kinetic equations, N|N|S, T = 0).

Same problem as Diffuson: normal reservoir (Θ = 0) at x = 0, rigid superconductor Θ = π/2 (Δ → ∞) at x = L = 1,
D = 1, retarded θ-equation (D/2)Θ'' + iε sinΘ = 0 at ω = η − iε (η = 1e-5), solved with scipy.integrate.solve_bvp on
201 energies in [−20, 20] E_Th, continued downward from ε = 20 (each solution is the next guess). The kinetic equation
for f_T, ∂(D_T ∂f_T) = 0 with D_T = D cosh²(Im Θ), gives G(ε)/G_N = 1/∫₀¹dx D/D_T; at T = 0, G(V) = G(ε = V) by
linear interpolation on the grid (as Diffuson). Usage: usadel_ns_kinetic_peer.py TOL REPEATS [--compare=CSV]
"""
import sys
import time
import numpy as np
from scipy.integrate import solve_bvp


def curve(tol):
    eta = 1e-5
    energies = np.linspace(20, -20, 201)
    x = np.linspace(0, 1, 101)
    y = np.vstack([np.pi / 2 * x, 0 * x, np.pi / 2 + 0 * x, 0 * x])
    g = []
    for e in energies:
        w = eta - 1j * e

        def f(_, yy, w=w):
            th = yy[0] + 1j * yy[1]
            dd = 2 * w * np.sin(th)
            return np.vstack([yy[2], yy[3], dd.real, dd.imag])

        def bc(a, b):
            return np.array([a[0], a[1], b[0] - np.pi / 2, b[1]])

        s = solve_bvp(f, bc, x, y, tol=tol, max_nodes=100000)
        if not s.success:
            raise RuntimeError(f"solve_bvp failed at ε = {e}: {s.message}")
        x, y = s.x, s.y
        xi = np.linspace(0, 1, 2001)
        b = s.sol(xi)[1]
        g.append(1 / np.trapz(1 / np.cosh(b) ** 2, xi))
    order = np.argsort(energies)
    v = np.linspace(0, 15, 100)
    return v, np.interp(v, energies[order], np.array(g)[order])


def main():
    tol = float(sys.argv[1]) if len(sys.argv) > 1 else 1e-6
    reps = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    best, cpu = 1e300, 1e300
    for _ in range(reps):
        t0, c0 = time.perf_counter(), time.process_time()
        v, g = curve(tol)
        best, cpu = min(best, time.perf_counter() - t0), min(cpu, time.process_time() - c0)
    print(f"scipy peer (solve_bvp tol = {tol:g}): NS G(V) curve, 201 energies, 100 voltages: best {best * 1e3:.1f} ms wall, "
          f"{cpu * 1e3:.1f} ms CPU; G(0)/G_N - 1 = {g[0] - 1:.3e}, max G/G_N = {g.max():.6f} at V = {v[g.argmax()]:.3f}")
    for a in sys.argv[3:]:
        if a.startswith("--compare="):
            d = np.loadtxt(a.split("=", 1)[1], delimiter=",")
            ref_v, ref_g = curve(1e-9)
            print(f"max |G_diffuson - G_ref| = {np.abs(d[:, 1] - ref_g).max():.3e}, max |G_peer - G_ref| = "
                  f"{np.abs(g - ref_g).max():.3e} (reference: solve_bvp tol = 1e-9)")


if __name__ == "__main__":
    main()

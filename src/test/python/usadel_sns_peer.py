#!/usr/bin/python3
"""Peer for UsadelBench.snsDos64: the same SNS problem with scipy.integrate.solve_bvp (the hand-written script users
have). Half junction x in [0, L/2], D = L = 1 (E_Th = D/L^2 = 1), rigid electrode Theta(0) = pi/2 (Delta >> E_Th),
Theta'(L/2) = 0, retarded Usadel equation (D/2) Theta'' - (eta - i eps) sin Theta = 0 written for
y = (Re Theta, Im Theta, Re Theta', Im Theta'). DOS at the midpoint N/N_F = Re cos Theta(L/2) on 64 energies
eps in [0.5, 8] E_Th with eta = 1e-3, continued downward from the previous solution (as users do).

Usage: /usr/bin/python3 usadel_sns_peer.py [tol] [repeats] [--csv] [--compare=FILE]   prints wall and CPU time per
sweep, its error against a tol = 1e-8 reference, the DOS (CSV on stdout with --csv), and the error of another solver's
CSV (energy, DOS) against the same reference (--compare=FILE). bench/run-usadel.sh runs it next to UsadelBench.
"""
import sys, time
import numpy as np
from scipy.integrate import solve_bvp

D, HALF, ETA = 1.0, 0.5, 1e-3
ENERGIES = np.linspace(8.0, 0.5, 64)   # descending: continuation from above the minigap


def sweep(tol, energies=ENERGIES, eta=ETA):
    x = np.linspace(0, HALF, 21)
    k = np.sqrt(2 * (eta - 1j * energies[0]) / D)
    th = (np.pi / 2) * np.exp(-k * x) * (1 + np.exp(-2 * k * (HALF - x))) / (1 + np.exp(-2 * k * HALF))
    dth = np.gradient(th, x)
    y = np.vstack([th.real, th.imag, dth.real, dth.imag])
    dos = []
    for e in energies:
        w = eta - 1j * e

        def f(xx, yy):
            t = yy[0] + 1j * yy[1]
            acc = (2 / D) * w * np.sin(t)
            return np.vstack([yy[2], yy[3], acc.real, acc.imag])

        def bc(ya, yb):
            return np.array([ya[0] - np.pi / 2, ya[1], yb[2], yb[3]])

        sol = solve_bvp(f, bc, x, y, tol=tol, max_nodes=100000)
        if sol.status != 0:
            raise RuntimeError(f"solve_bvp failed at eps = {e}: {sol.message}")
        x, y = sol.x, sol.y
        t = y[0, -1] + 1j * y[1, -1]
        dos.append(np.cos(t).real)
    return np.array(dos)


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    tol = float(args[0]) if len(args) > 0 else 1e-6
    reps = int(args[1]) if len(args) > 1 else 3
    try:
        ref = sweep(1e-8)
    except RuntimeError as err:
        print("reference sweep at tol = 1e-8 failed:", err)
        ref = None
    times, cpus = [], []
    for _ in range(reps):
        t0, c0 = time.perf_counter(), time.process_time()
        d = sweep(tol)
        times.append(time.perf_counter() - t0)
        cpus.append(time.process_time() - c0)
    err = np.max(np.abs(d - ref)) if ref is not None else float("nan")
    print(f"scipy solve_bvp tol={tol:g}: best {min(times)*1e3:.1f} ms per 64-energy sweep "
          f"(median {np.median(times)*1e3:.1f} ms; best CPU {min(cpus)*1e3:.1f} ms); "
          f"max |DOS - DOS(tol=1e-8)| = {err:.2e}")
    for a in sys.argv[1:]:
        if a.startswith("--compare="):    # a CSV (energy, DOS) from another solver, e.g. UsadelBench csv
            other = np.loadtxt(a.split("=", 1)[1], delimiter=",")
            assert np.allclose(other[:, 0], ENERGIES), "the energies must be the peer's"
            print(f"{a.split('=', 1)[1]}: max |DOS - DOS(scipy tol=1e-8)| = {np.max(np.abs(other[:, 1] - ref)):.2e}")
    if "--csv" in sys.argv:
        for e, v in zip(ENERGIES, d):
            print(f"{e:.6f},{v:.12f}")

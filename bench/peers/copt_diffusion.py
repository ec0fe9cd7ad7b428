#!/usr/bin/python3
"""NumPy peer of PeerBench.coptDiffusion and PeerBench.coptPoleSearch: the CoPt model of seed 000 at E = 0.

Model (Preset.COPT): H = k^2/2m + alpha (k_y sx - k_x sy) + b_z sz, m = 1, alpha = 0.5, b_z = 0.5, scalar disorder
gamma = 0.1 (Gamma[X] = gamma X), hard cutoff k_c = sqrt(2 m 21).
Workflow 1 (--workflow diffusion): SCBA Sigma^R(E) (tolerance 1e-13, Anderson mixing), Sigma'(E) by the linearised
SCBA, the RA bubble's exact expansion Phi0 + w Phi_w + q Phi_x + q^2 Phi_xx in one sum over the radial nodes (dG = G v G
with the exact velocity; the angle average of the rotation-covariant integrand by exact weights), K = Phi^-1 - Gamma
expanded, and the physical diffusion constant of the conserved mode, D_eff = w^+ D v - sum_m (w^+ P v_m)(w_m^+ P v)/l_m
(R = -i K_w^-1 K_0 with eigenpairs (l_m, v_m, w_m), P = -i K_w^-1 K_x, D = -i K_w^-1 K_xx; seed 000 Eqs. 412-415) -- the
same algorithm as DiffusionOperator (Method.ANALYTIC) and effectiveDiffusion(0).
Workflow 2 (--workflow pole): from the same SCBA, the diffusion pole at q = 0.1/l x: the complex w where an eigenvalue
of K(q, w) vanishes (secant on that eigenvalue, stopped on a step below 1e-10 relative -- or, with --muller, as PoleFinder.find
now stops: when Muller's root through the last three points agrees with the secant step; Sigma(E + w) by SCBA continued
to complex energy), started from the pole
of the expanded K (computed before the timed search, as PeerBench's set-up), as PoleFinder.find.
The q = 0 k-sums use the axial symmetry (angle average keeps the diagonal of G; the bubble keeps the entries with
j_a - j_b = j_c - j_d), the finite-q bubbles run on the radial nodes x uniform angles, vectorized over k.
Grid: Gauss-Legendre panels in |k| with breakpoints k_F +- r^j delta around each Fermi momentum of H + Re Sigma
(delta = eta/v), n nodes per panel.
Equal accuracy: --calibrate TOL picks the cheapest (n, angles, r) whose D_eff (or pole) agrees with the peer's converged
grid to TOL relative; the converged values agree with Diffuson's (printed by PeerBench) to < 1e-10 relative (D_eff:
6.0339931322280 both, 2e-15).
"""
import argparse
import json
import time

import numpy as np

import grids

M, ALPHA, BZ, GAMMA = 1.0, 0.5, 0.5, 0.1
KC = np.sqrt(2 * M * 21.0)
E = 0.0
J = np.array([0.5, -0.5])
KEEP = np.array([[[[abs((J[a] - J[b]) - (J[c] - J[d])) < 1e-12 for d in range(2)] for c in range(2)] for b in range(2)]
                 for a in range(2)]).reshape(4, 4)
def h_entries(kx, ky):
    e = (kx * kx + ky * ky) / (2 * M)
    hx, hy = ALPHA * ky, -ALPHA * kx
    return e + BZ, hx - 1j * hy, hx + 1j * hy, e - BZ


def resolvent(z, kx, ky, s):
    h00, h01, h10, h11 = h_entries(kx, ky)
    a, b, c, d = z - h00 - s[0, 0], -h01 - s[0, 1], -h10 - s[1, 0], z - h11 - s[1, 1]
    inv = 1 / (a * d - b * c)
    return np.array([[d * inv, -b * inv], [-c * inv, a * inv]])


def fermi_momenta(shift_diag):
    """Crossings of the bands k^2/2m + s0 +- sqrt(alpha^2 k^2 + (b_z + s_z)^2) with E: a quadratic in k^2."""
    s0 = 0.5 * (shift_diag[0] + shift_diag[1])
    sz = 0.5 * (shift_diag[0] - shift_diag[1])
    b = BZ + sz
    e = E - s0
    # (e - x/2m)^2 = alpha^2 x + b^2, x = k^2
    qa, qb, qc = 1 / (4 * M * M), -(e / M + ALPHA ** 2), e * e - b * b
    out = []
    disc = qb * qb - 4 * qa * qc
    if disc < 0:
        return out
    for x in ((-qb - np.sqrt(disc)) / (2 * qa), (-qb + np.sqrt(disc)) / (2 * qa)):
        if x <= 0 or x >= KC * KC:
            continue
        k = np.sqrt(x)
        root = np.sqrt(ALPHA ** 2 * x + b * b)
        sgn = 1 if (e - x / (2 * M)) > 0 else -1      # band E_+ if e - k^2/2m = +root
        v = abs(k / M + sgn * ALPHA ** 2 * k / root)
        out.append((k, v))
    return out


def radial(shift_diag, eta, nodes, ratio):
    return grids.radial([(kf, eta / v) for kf, v in fermi_momenta(shift_diag)], KC, nodes, ratio)


class Grid:
    def __init__(self, k, wk, angles):
        self.k, self.wk, self.angles = k, wk, angles
        th = 2 * np.pi * (np.arange(angles) + 0.5) / angles
        self.kx = (k[:, None] * np.cos(th)).ravel()
        self.ky = (k[:, None] * np.sin(th)).ravel()
        self.w = np.repeat(wk / angles, angles)
        self.h0 = h_entries(k, 0 * k)   # radial axis table for the q = 0 sums


def gsum_radial(g, z, s):
    """sum_k G(k, z) at q = 0: axis values, angle average keeps the diagonal."""
    h00, h01, h10, h11 = g.h0
    a, b, c, d = z - h00 - s[0, 0], -h01 - s[0, 1], -h10 - s[1, 0], z - h11 - s[1, 1]
    inv = 1 / (a * d - b * c)
    return np.array([[(d * inv) @ g.wk, 0], [0, (a * inv) @ g.wk]])


def scba(g, z, seed, tol=1e-13, depth=5, beta=0.5):
    """Sigma = gamma sum_k G(z): Anderson mixing on the 2 diagonal entries."""
    x = np.array([seed[0, 0], seed[1, 1]], dtype=complex)
    xs, fs = [], []
    for it in range(500):
        sig = np.diag(x)
        gx = GAMMA * np.diag(gsum_radial(g, z, sig))
        f = gx - x
        if np.max(np.abs(f)) < tol:
            return np.diag(gx), it + 1
        xs.append(x.copy())
        fs.append(f.copy())
        if len(xs) > 1:
            dx = np.array([xs[i + 1] - xs[i] for i in range(max(0, len(xs) - 1 - depth), len(xs) - 1)]).T
            df = np.array([fs[i + 1] - fs[i] for i in range(max(0, len(fs) - 1 - depth), len(fs) - 1)]).T
            coef = np.linalg.lstsq(df, f, rcond=None)[0]
            x = x + beta * f - (dx + beta * df) @ coef
        else:
            x = x + beta * f
    raise RuntimeError('SCBA did not converge')


def bubble(g, q, z1, s1, z2, s2):
    """Phi[X] = sum_k G1(k + q/2) X G2(k - q/2) as a 4x4 matrix, (ab),(cd) row-major."""
    if q == 0:
        h00, h01, h10, h11 = g.h0
        g1 = resolvent_tab(z1, g.h0, s1)
        g2 = resolvent_tab(z2, g.h0, s2)
        w = g.wk
    else:
        g1 = resolvent(z1, g.kx + q / 2, g.ky, s1)
        g2 = resolvent(z2, g.kx - q / 2, g.ky, s2)
        w = g.w
    p = (g1.reshape(4, -1) * w) @ g2.reshape(4, -1).T        # [(ac),(db)]
    phi = p.reshape(2, 2, 2, 2).transpose(0, 3, 1, 2).reshape(4, 4)
    return np.where(KEEP, phi, 0) if q == 0 else phi


def resolvent_tab(z, h, s):
    h00, h01, h10, h11 = h
    a, b, c, d = z - h00 - s[0, 0], -h01 - s[0, 1], -h10 - s[1, 0], z - h11 - s[1, 1]
    inv = 1 / (a * d - b * c)
    return np.array([[d * inv, -b * inv], [-c * inv, a * inv]])


def kinetic(g, q, z1, s1, z2, s2):
    return np.linalg.inv(bubble(g, q, z1, s1, z2, s2)) - GAMMA * np.eye(4)


def prepare(nodes, angles, ratio):
    """Two-stage SCBA as Scba.solve: a grid from the clean bands and a Born width, then the grid of H + Re Sigma."""
    kf0 = fermi_momenta([0, 0])
    nu = sum(k / (2 * np.pi * v) for k, v in kf0)
    eta0 = np.pi * nu * GAMMA
    g1 = Grid(*radial([0, 0], eta0, nodes, ratio), angles)
    s1, _ = scba(g1, E + 0j, -1j * eta0 * np.eye(2), tol=1e-10)
    eta = np.min(np.abs(np.imag(np.diag(s1))))
    g = Grid(*radial(np.real(np.diag(s1)), eta, nodes, ratio), angles)
    s, _ = scba(g, E + 0j, s1)
    return g, s


def pair(a, b, w):
    """sum_k w A(k) X B(k) as a 4x4 matrix (ab),(cd) row-major, for A, B of shape (2, 2, N)."""
    p = (a.reshape(4, -1) * w) @ b.reshape(4, -1).T        # [(ac),(db)]
    return p.reshape(2, 2, 2, 2).transpose(0, 3, 1, 2).reshape(4, 4)


def mm(a, b):
    """Batched 2x2 products of arrays of shape (2, 2, N)."""
    return np.einsum('ijn,jkn->ikn', a, b)


# angular harmonic m = (j_a - j_b) - (j_c - j_d) of each bubble entry (ab),(cd), and the exact angular weights
# W1[m]_ab = <e^{-i m t} R_ab(t)>, W2[m]_abcd = <e^{-i m t} R_ab(t) R_cd(t)>, R(t) = [[cos t, sin t], [-sin t, cos t]]
HARM = np.array([[(J[a] - J[b]) - (J[c] - J[d]) for c in range(2) for d in range(2)] for a in range(2) for b in range(2)])
_T = 2 * np.pi * np.arange(8) / 8
_R = np.array([[np.cos(_T), np.sin(_T)], [-np.sin(_T), np.cos(_T)]])          # (2, 2, 8)
_E = np.exp(-1j * HARM[:, :, None] * _T)                                        # (4, 4, 8)
W1 = np.einsum('xyt,abt->xyab', _E, _R) / 8
W2 = np.einsum('xyt,abt,cdt->xyabcd', _E, _R, _R) / 8


def expansion(g, s, ds):
    """The RA bubble's exact expansion Phi0 + w Phi_w + q_x Phi_x + q_x^2 Phi_xx at E (q along x), in one sum over the
    radial nodes on the k_x axis: dG = G v G, d2G = G v_a dG_b + G v_b dG_a + G w_ab G with the exact velocity of H, and
    the angle average of the rotation-covariant integrand by the exact weights W1, W2 (as Diffuson's BubbleExpansion)."""
    k = g.k
    sa = s.conj().T
    g1 = resolvent_tab(E, g.h0, s)
    g2 = resolvent_tab(E, g.h0, sa)
    one, zero = np.ones_like(k), np.zeros_like(k)
    # v_x = k_x/m - alpha sy, v_y = k_y/m + alpha sx at (k, 0); d2H = delta_ab/m
    v = [np.array([[k / M, 1j * ALPHA * one], [-1j * ALPHA * one, k / M]]),
         np.array([[zero, ALPHA * one], [ALPHA * one, zero]])]
    w2 = np.array([[one / M, zero], [zero, one / M]])
    d1 = [mm(g1, mm(va, g1)) for va in v]
    d2 = [mm(g2, mm(va, g2)) for va in v]

    def second(gg, d, a, b):
        wab = w2 if a == b else 0 * w2
        return mm(gg, mm(v[a], d[b]) + mm(v[b], d[a]) + mm(wab, gg))

    wk = g.wk
    keep0 = HARM == 0
    phi0 = np.where(keep0, pair(g1, g2, wk), 0)
    gdot = mm(g1, mm(ds, g1) - g1) if ds.ndim == 3 else mm(g1, np.einsum('ij,jkn->ikn', ds, g1) - g1)
    phiw = np.where(keep0, pair(gdot, g2, wk), 0)
    s1 = [0.5 * (pair(d1[a], g2, wk) - pair(g1, d2[a], wk)) for a in range(2)]
    s2 = {}
    for a in range(2):
        for c in range(a, 2):
            s2[a, c] = s2[c, a] = 0.125 * (pair(second(g1, d1, a, c), g2, wk) + pair(g1, second(g2, d2, a, c), wk)
                                           - pair(d1[a], d2[c], wk) - pair(d1[c], d2[a], wk))
    phix = sum(W1[:, :, a, 0] * s1[a] for a in range(2))
    phixx = sum(W2[:, :, a, 0, c, 0] * s2[a, c] for a in range(2) for c in range(2))
    return phi0, phiw, phix, phixx


def sigma_derivative(g, s):
    """dSigma/dE of the discrete SCBA by linearisation: (1 - Gamma Phi_RR) Sigma' = -Gamma Phi_RR[1]."""
    a = GAMMA * bubble(g, 0, E, s, E, s)
    return (-np.linalg.solve(np.eye(4) - a, a @ np.eye(2).reshape(4))).reshape(2, 2)


def kinetic_expansion(g, s):
    """K = Phi^-1 - Gamma expanded: K0, K_w, K_x, K_xx."""
    phi0, phiw, phix, phixx = expansion(g, s, sigma_derivative(g, s))
    a = np.linalg.inv(phi0)
    ax = a @ phix @ a
    return a - GAMMA * np.eye(4), -a @ phiw @ a, -ax, -a @ phixx @ a + ax @ phix @ a


def effective_dxx(nodes, angles, ratio):
    """D_eff of the conserved mode along x (with its O(q) coupling, second-order perturbation theory), as
    DiffusionOperator.effectiveDiffusion."""
    g, s = prepare(nodes, angles, ratio)
    k0, kw, kx, kxx = kinetic_expansion(g, s)
    mi = -1j * np.linalg.inv(kw)
    r, p, d = mi @ k0, mi @ kx, mi @ kxx
    ev, vr = np.linalg.eig(r)
    wl = np.linalg.inv(vr)
    i = np.argmin(np.abs(ev))
    out = wl[i] @ d @ vr[:, i]
    for m in range(4):
        if m != i:
            out -= (wl[i] @ p @ vr[:, m]) * (wl[m] @ p @ vr[:, i]) / ev[m]
    return out, g, s


def expanded_pole(g, s, q):
    """The omega closest to 0 with det(K0 + w K_w + q K_x + q^2 K_xx) = 0."""
    k0, kw, kx, kxx = kinetic_expansion(g, s)
    ev = np.linalg.eigvals(-np.linalg.inv(kw) @ (k0 + q * kx + q * q * kxx))
    return ev[np.argmin(np.abs(ev))]


def scattering_length(s):
    tau = -1 / (2 * np.imag(np.trace(s)) / 2)
    v = max(v for _, v in fermi_momenta(np.real(np.diag(s))))
    return v * tau, tau


def pole_start(g, s):
    """q = 0.1/l along x and the pole of the expanded K there (the start of the search, as PoleFinder.find(ladder, q))."""
    ell, tau = scattering_length(s)
    q = 0.1 / ell
    return q, tau, expanded_pole(g, s, q)


def pole(g, s, q, tau, w0):
    """Secant on the eigenvalue of K(q, w) that vanishes at the diffusion pole, from w0 (as PoleFinder.find)."""
    sa = s.conj().T
    cache = {}

    def lam(w, prev):
        sw, _ = scba(g, E + w, s)
        ev = np.linalg.eigvals(kinetic(g, q, E + w, sw, E, sa))
        return ev[np.argmin(np.abs(ev - prev))] if prev is not None else ev[np.argmin(np.abs(ev))]

    w1 = w0 - 1j * 1e-3 * max(abs(w0), 1e-3 / tau)
    f0 = lam(w0, None)
    f1 = lam(w1, f0)
    scale = abs(f0)
    w_old = f_old = None
    for it in range(60):
        w2 = w1 - f1 * (w1 - w0) / (f1 - f0)
        if MULLER and w_old is not None:
            # PoleFinder's stop: Muller's root through the last three points, accepted when it agrees with the secant step
            m = muller(w_old, f_old, w0, f0, w1, f1)
            if abs(m - w2) <= 1e-10 * abs(m):
                return m, q
        w_old, f_old = w0, f0
        w0, f0, w1 = w1, f1, w2
        f1 = lam(w1, f0)
        if abs(w1 - w0) <= 1e-10 * abs(w1) or abs(f1) < 1e-13 * scale:
            return w1, q
    raise RuntimeError('secant did not converge')


MULLER = False   # --muller: PoleFinder's stopping rule (3 evaluations of K from the expanded pole instead of 4)


def muller(x0, f0, x1, f1, x2, f2):
    h1, h2 = x1 - x0, x2 - x1
    d1, d2 = (f1 - f0) / h1, (f2 - f1) / h2
    a = (d2 - d1) / (h2 + h1)
    b = a * h2 + d2
    root = np.sqrt(b * b - 4 * a * f2 + 0j)
    den = b + root if abs(b + root) >= abs(b - root) else b - root
    return x2 - 2 * f2 / den


def run(workflow, nodes, angles, ratio, state=None):
    if workflow == 'diffusion':
        return effective_dxx(nodes, angles, ratio)[0]
    return pole(*state)[0]


LADDER = sorted([(n, a, r) for n in (6, 8, 10, 12, 14, 16, 20) for a in (8, 16, 32) for r in (4.0, 3.0, 2.0)],
                key=lambda c: c[0] * c[1] * (1 + 6 / np.log(c[2])))
REFERENCE = (30, 64, 2.0)


def main():
    p = argparse.ArgumentParser()
    p.add_argument('--workflow', choices=['diffusion', 'pole'], default='diffusion')
    p.add_argument('--grid', default='12,16,3')
    p.add_argument('--time', action='store_true')
    p.add_argument('--repeat', type=int, default=5)
    p.add_argument('--calibrate', type=float, default=None)
    p.add_argument('--json', action='store_true')
    p.add_argument('--muller', action='store_true', help="pole: PoleFinder's Muller-checked stop (3 evaluations)")
    a = p.parse_args()
    global MULLER
    MULLER = a.muller
    nodes, angles, ratio = int(a.grid.split(',')[0]), int(a.grid.split(',')[1]), float(a.grid.split(',')[2])

    def value(n, an, r):
        if a.workflow == 'diffusion':
            return run('diffusion', n, an, r)
        g, s = prepare(n, an, r)
        return run('pole', n, an, r, (g, s) + pole_start(g, s))

    if a.calibrate is not None:
        ref = value(*REFERENCE)
        print(f"reference {REFERENCE}: {ref}")
        for cand in LADDER:
            v = value(*cand)
            err = abs(v - ref) / abs(ref)
            g = Grid(*radial([0, 0], 0.05, cand[0], cand[2]), cand[1])
            print(f"grid {cand}: {len(g.k)} radial x {cand[1]} angles, value {v}, rel. error {err:.2e}", flush=True)
            if err <= a.calibrate:
                print(f"cheapest grid for {a.calibrate:g}: {cand}")
                break
        return
    val = value(nodes, angles, ratio)
    best = float('inf')
    if a.time:
        state = None
        if a.workflow == 'pole':
            g, s = prepare(nodes, angles, ratio)
            state = (g, s) + pole_start(g, s)
        for _ in range(a.repeat):
            t0 = time.perf_counter()
            run(a.workflow, nodes, angles, ratio, state)
            best = min(best, time.perf_counter() - t0)
    if a.json:
        print(json.dumps({'workflow': 'copt-' + a.workflow, 'grid': [nodes, angles, ratio], 'best_ms': best * 1e3,
                          'value': [float(np.real(val)), float(np.imag(val))]}))
    else:
        print(f"{a.workflow}: {val}; best of {a.repeat}: {best * 1e3:.2f} ms")


if __name__ == '__main__':
    main()

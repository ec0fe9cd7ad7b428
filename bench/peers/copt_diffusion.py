#!/usr/bin/python3
"""NumPy peer of PeerBench.coptDiffusion and PeerBench.coptPoleSearch: the CoPt model of seed 000 at E = 0.

Model (Preset.COPT): H = k^2/2m + alpha (k_y sx - k_x sy) + b_z sz, m = 1, alpha = 0.5, b_z = 0.5, scalar disorder
gamma = 0.1 (Gamma[X] = gamma X), hard cutoff k_c = sqrt(2 m 21).
Workflow 1 (--workflow diffusion): SCBA Sigma^R(E) (tolerance 1e-13, Anderson mixing), the q = 0 RA ladder, the
kinetic operator K = Phi^-1 - Gamma at (q, w) = (0, 0), (0, +-h_w) (SCBA at E +- h_w) and (+-h_q x, 0), and the
zero-mode diffusion constant D_xx = w^+ D v / w^+ v, D = -i K_w^-1 K_xx, v, w the right/left zero mode of
R = -i K_w^-1 K_0 (seed 000 spec 3.5; h_q = 0.01/l, h_w = 1e-3/tau, as DiffusionOperator.Options.defaults).
Workflow 2 (--workflow pole): from the same SCBA, the diffusion pole at q = 0.1/l x: the complex w where an eigenvalue
of K(q, w) vanishes (secant on that eigenvalue from -i D q^2; Sigma(E + w) by SCBA continued to complex energy),
as PoleFinder.find.
The q = 0 k-sums use the axial symmetry (angle average keeps the diagonal of G; the bubble keeps the entries with
j_a - j_b = j_c - j_d), the finite-q bubbles run on the radial nodes x uniform angles, vectorized over k.
Grid: Gauss-Legendre panels in |k| with breakpoints k_F +- r^j delta around each Fermi momentum of H + Re Sigma
(delta = eta/v), n nodes per panel.
Equal accuracy: --calibrate TOL picks the cheapest (n, angles, r) whose D_xx (or pole) agrees with the peer's converged
grid to TOL relative; the converged values agree with Diffuson's (printed by PeerBench) to < 1e-10 relative.
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


def zero_mode_dxx(nodes, angles, ratio):
    g, s = prepare(nodes, angles, ratio)
    sa = s.conj().T
    tau = -1 / (2 * np.imag(np.trace(s)) / 2)
    v = max(v for _, v in fermi_momenta(np.real(np.diag(s))))
    ell = v * tau
    hq, hw = 0.01 / ell, 1e-3 / tau
    k0 = kinetic(g, 0, E, s, E, sa)
    sp, _ = scba(g, E + hw + 0j, s)
    sm, _ = scba(g, E - hw + 0j, s)
    kw = (kinetic(g, 0, E + hw, sp, E, sa) - kinetic(g, 0, E - hw, sm, E, sa)) / (2 * hw)
    kxx = (kinetic(g, hq, E, s, E, sa) + kinetic(g, -hq, E, s, E, sa) - 2 * k0) / (2 * hq * hq)
    kwi = np.linalg.inv(kw)
    r = -1j * kwi @ k0
    d = -1j * kwi @ kxx
    ev, vr = np.linalg.eig(r)
    i = np.argmin(np.abs(ev))
    wl = np.linalg.inv(vr)[i]
    return (wl @ d @ vr[:, i]) / (wl @ vr[:, i]), g, s, ell, tau


def pole(g, s, ell, tau, dxx):
    """Secant on the eigenvalue of K(q, w) that vanishes at the diffusion pole (as PoleFinder.find)."""
    q = 0.1 / ell
    sa = s.conj().T
    cache = {}

    def lam(w, prev):
        sw, _ = scba(g, E + w, s)
        ev = np.linalg.eigvals(kinetic(g, q, E + w, sw, E, sa))
        return ev[np.argmin(np.abs(ev - prev))] if prev is not None else ev[np.argmin(np.abs(ev))]

    w0 = -1j * dxx * q * q
    w1 = w0 - 1j * 1e-3 * max(abs(w0), 1e-3 / tau)
    f0 = lam(w0, None)
    f1 = lam(w1, f0)
    scale = abs(f0)
    for it in range(60):
        w2 = w1 - f1 * (w1 - w0) / (f1 - f0)
        w0, f0, w1 = w1, f1, w2
        f1 = lam(w1, f0)
        if abs(w1 - w0) <= 1e-10 * abs(w1) or abs(f1) < 1e-13 * scale:
            return w1, q
    raise RuntimeError('secant did not converge')


def run(workflow, nodes, angles, ratio, state=None):
    if workflow == 'diffusion':
        return zero_mode_dxx(nodes, angles, ratio)[0]
    dxx, g, s, ell, tau = state
    return pole(g, s, ell, tau, dxx)[0]


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
    a = p.parse_args()
    nodes, angles, ratio = int(a.grid.split(',')[0]), int(a.grid.split(',')[1]), float(a.grid.split(',')[2])

    def value(n, an, r):
        if a.workflow == 'diffusion':
            return run('diffusion', n, an, r)
        st = zero_mode_dxx(n, an, r)
        return run('pole', n, an, r, st)

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
        state = zero_mode_dxx(nodes, angles, ratio) if a.workflow == 'pole' else None
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

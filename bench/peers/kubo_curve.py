#!/usr/bin/python3
"""NumPy peer of KuboBench / PeerBench.kubo*: the 100-point sigma_xy(xi) curve of the massive Dirac (TI surface) model.

Model (Preset.COPT_TI, alpha = -1, b_z = xi, k_c = 40): H = alpha (k_y sx - k_x sy) + xi sz, E_F = 1, scalar white
noise u0^2 = 0.05, on-shell Born Sigma^R = -i pi u0^2 n(E_F) (Re Sigma dropped), n = k_F/(2 pi v) <P_+>_theta.
Per xi: RA Fermi-surface term with the q = 0 ladder vertex,
    sigma^RA = sum_k Tr[v_x G^R v_y G^A] + Tr[Gamma[Y] L],  (1 - Phi Gamma) Y = sum_k G^R v_y G^A,  L = sum_k G^A v_x G^R,
and with --full the RR term and the Fermi-sea Streda II term (contour integral E_F + iy, y in [0, inf)):
    chi^II = sum_j w_j Im X(E_F + i y_j),  X = sum_k Tr[v_x G v_y G' - v_x G' v_y G],  G' = -G^2 (Sigma constant).
sigma in e^2/h. Everything is closed-form 2x2 algebra on arrays of shape (2, 2, N), vectorized over k (and over
(y, k) for the sea), one Python iteration per xi. With --moments (what bench/run-peers.sh times) the RA and RR sums
come from the one product P[(a,c),(d,b)] = sum_k w g1_ac g2_db that the bubble needs anyway: the velocities of this
model do not depend on k, so Y0, L and the bare trace are contractions of P with them (the same exact reorganisation
Diffuson's moment sums use; equal to the per-k form to 2e-14, and ~30 % faster here).

Grid: composite Gauss-Legendre panels in |k| with breakpoints k_F +- r^j delta (delta = eta/v, geometric ratio r,
clipped to [0, k_c]) plus graded panels k_c r^-j towards k = 0 for the sea, times uniform midpoint angles.

Equal accuracy: `--calibrate TOL` runs the peer on a ladder of grids and reports the cheapest whose max |error| over
the 100 points is <= TOL against the peer's own converged grid (which agrees with Diffuson's fine-grid values to
< 1e-9, checked with --check FILE, a file of Diffuson's values written by PeerBench). `--time` times the curve on a
given grid (best of --repeat runs).
"""
import argparse
import json
import sys
import time

import numpy as np

import grids
from grids import gl

E, ALPHA, U0SQ, KC = 1.0, -1.0, 0.05, 40.0
def xi(i):
    return 0.005 + 0.99 * i / 99


def mul(a, b):
    """2x2 matrix product; a 2x2 matrix is a tuple (m00, m01, m10, m11) of arrays or scalars."""
    return (a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3], a[2] * b[0] + a[3] * b[2], a[2] * b[1] + a[3] * b[3])


def tr(a, b):
    """Tr[a b]."""
    return a[0] * b[0] + a[1] * b[2] + a[2] * b[1] + a[3] * b[3]


def wsum(a, w):
    """sum_k w_k a_k for each entry (a matrix-vector product per entry)."""
    return (a[0] @ w, a[1] @ w, a[2] @ w, a[3] @ w)


def born_sigma(m):
    kf = np.sqrt(E * E - m * m) / abs(ALPHA)
    v = ALPHA * ALPHA * kf / E
    pref = kf / (2 * np.pi * v) * 0.5
    # -i pi u0^2 n,  n = pref (1 + (m/E) sz)
    return (-1j * np.pi * U0SQ * pref * (1 + m / E), 0j, 0j, -1j * np.pi * U0SQ * pref * (1 - m / E)), kf, v


def radial(kf, delta, nodes, ratio, sea):
    return grids.radial([(kf, delta)], KC, nodes, ratio, grade=sea)


def kgrid(kf, delta, nodes, angles, ratio, sea=False):
    k, wk = radial(kf, delta, nodes, ratio, sea)
    th = 2 * np.pi * (np.arange(angles) + 0.5) / angles
    kx = (k[:, None] * np.cos(th)).ravel()
    ky = (k[:, None] * np.sin(th)).ravel()
    w = np.repeat(wk / angles, angles)
    return kx, ky, w


def resolvent(z, m, kx, ky, s):
    """G = (z - H - Sigma)^-1 in closed form, shape (2, 2, ...)."""
    hx, hy = ALPHA * ky, -ALPHA * kx
    a = z - m - s[0]
    d = z + m - s[3]
    b = -(hx - 1j * hy) - s[1]
    c = -(hx + 1j * hy) - s[2]
    det = a * d - b * c
    inv = 1 / det
    return (d * inv, -b * inv, -c * inv, a * inv)


VX = (0, 1j * ALPHA, -1j * ALPHA, 0)   # dH/dk_x = -alpha sy
VY = (0, ALPHA, ALPHA, 0)            # dH/dk_y = alpha sx


def ladder_term_moments(g1, g2, w, a, b):
    """ladder_term from one (4 x N)(N x 4) product: with A, B independent of k (this model's velocities), every sum is
    linear in P[(a,c),(d,b)] = sum_k w g1_ac g2_db, which is also the bubble Phi (the moment form Diffuson uses)."""
    p = ((np.array(g1) * w) @ np.array(g2).T).reshape(2, 2, 2, 2)      # P[a, c, d, b]
    A, B = np.array(a, dtype=complex).reshape(2, 2), np.array(b, dtype=complex).reshape(2, 2)
    y0 = np.einsum('acdb,cd->ab', p, B)                       # sum_k G1 B G2
    l = np.einsum('dbac,cd->ab', p, A)                        # sum_k G2 A G1
    phi = p.transpose(0, 3, 1, 2).reshape(4, 4)
    y = np.linalg.solve(np.eye(4) - U0SQ * phi, y0.ravel())
    return np.sum(A * y0.T), U0SQ * np.sum(y.reshape(2, 2) * l.T)


MOMENTS = False


def ladder_term(g1, g2, w, a, b):
    """sum_k Tr[A g1 B g2] with the q = 0 ladder vertex: bare + Tr[Gamma[Y] L], (1 - Phi Gamma) Y = Y0."""
    if MOMENTS:
        return ladder_term_moments(g1, g2, w, a, b)
    y0k = mul(mul(g1, b), g2)                                # G1 B G2 per k
    y0 = wsum(y0k, w)
    l = wsum(mul(g2, mul(a, g1)), w)                         # sum_k G2 A G1
    bare = tr(a, y0)
    # Phi[X]_ab = sum_k G1_ac X_cd G2_db: one (4 x N)(N x 4) product, then (ac),(db) -> (ab),(cd)
    p = (np.array(g1) * w) @ np.array(g2).T
    phi = p.reshape(2, 2, 2, 2).transpose(0, 3, 1, 2).reshape(4, 4)
    y = np.linalg.solve(np.eye(4) - U0SQ * phi, np.array(y0))
    return bare, U0SQ * tr(y, l)


def sea_nodes(eta, w):
    """y nodes on [0, inf): GL panels growing x4 from eta up to W, then y = W/t (as Kubo.sea)."""
    ys, ws = [], []
    t16, w16 = gl(16)
    lo, hi = 0.0, eta
    while lo < w:
        hi = min(hi, w)
        ys.append(0.5 * (hi - lo) * t16 + 0.5 * (hi + lo))
        ws.append(0.5 * (hi - lo) * w16)
        lo, hi = hi, hi * 4
    t24, w24 = gl(24)
    t = 0.5 * t24 + 0.5
    ys.append(w / t)
    ws.append(0.5 * w24 * w / (t * t))
    return np.concatenate(ys), np.concatenate(ws)


def sea(m, s, kx, ky, wk, ynodes, block=64):
    wband = max(abs(ALPHA) * KC, abs(m)) * 2
    eta = max(min(abs(s[0].imag), abs(s[3].imag)), 1e-6 * wband)
    ys, wy = sea_nodes(eta, wband) if ynodes is None else ynodes(eta, wband)
    total = 0.0
    for j0 in range(0, len(ys), block):
        y = ys[j0:j0 + block, None]
        g = resolvent(E + 1j * y, m, kx[None, :], ky[None, :], s)
        gp = mul(g, g)                                       # -G'
        # Tr[A G B G'] - Tr[A G' B G] = Tr[A G' B G] - Tr[A G B G'] with G' -> -G' = G^2
        xk = tr(mul(VX, gp), mul(VY, g)) - tr(mul(VX, g), mul(VY, gp))
        total += np.sum(wy[j0:j0 + block] * np.imag(xk @ wk))
    return total


def sigma_xy(m, nodes, angles, ratio, full, sea_cfg=None):
    s, kf, v = born_sigma(m)
    eta = min(abs(s[0].imag), abs(s[3].imag))
    kx, ky, w = kgrid(kf, eta / v, nodes, angles, ratio)
    gr = resolvent(E, m, kx, ky, s)
    ga = (np.conj(gr[0]), np.conj(gr[2]), np.conj(gr[1]), np.conj(gr[3]))
    bare, vert = ladder_term(gr, ga, w, VX, VY)
    val = np.real(bare + vert)
    if full:
        bare_rr, vert_rr = ladder_term(gr, gr, w, VX, VY)
        val -= np.real(bare_rr) + np.real(vert_rr)
        sn, sa, sr = sea_cfg or (nodes, angles, ratio)
        skx, sky, sw = kgrid(kf, eta / v, sn, sa, sr, sea=True)
        val += sea(m, s, skx, sky, sw, None)
    return val


def curve(nodes, angles, ratio, full, sea_cfg=None):
    return np.array([sigma_xy(xi(i), nodes, angles, ratio, full, sea_cfg) for i in range(100)])


def points(nodes, angles, ratio, sea=False):
    s, kf, v = born_sigma(xi(50))
    return len(kgrid(kf, min(abs(s[0].imag), abs(s[3].imag)) / v, nodes, angles, ratio, sea)[0])


# grids tried by --calibrate, cheapest first (nodes per panel, angles, panel ratio)
LADDER = [(n, a, r) for n in (4, 5, 6, 8, 10, 12, 16) for a in (4, 8) for r in (16.0, 8.0, 4.0)]
REFERENCE = (40, 16, 3.0)


def main():
    p = argparse.ArgumentParser()
    p.add_argument('--full', action='store_true', help='Streda I + II (RR and Fermi sea) instead of the RA Fermi-surface term')
    p.add_argument('--grid', default='8,8,4', help='nodes,angles,ratio of the Fermi-surface grid')
    p.add_argument('--sea-grid', default=None, help='nodes,angles,ratio of the sea grid (default: --grid)')
    p.add_argument('--time', action='store_true')
    p.add_argument('--repeat', type=int, default=5)
    p.add_argument('--calibrate', type=float, default=None, help='find the cheapest grid with max error <= TOL')
    p.add_argument('--check', default=None, help='JSON list of Diffuson values: print the max difference')
    p.add_argument('--json', action='store_true')
    p.add_argument('--cpu', action='store_true', help='--time measures process CPU time instead of wall time')
    p.add_argument('--moments', action='store_true', help='the RA sums from the one product P (exact for k-independent velocities)')
    a = p.parse_args()
    global MOMENTS
    MOMENTS = a.moments
    parse = lambda s: (int(s.split(',')[0]), int(s.split(',')[1]), float(s.split(',')[2]))
    g = parse(a.grid)
    sg = parse(a.sea_grid) if a.sea_grid else None
    if a.calibrate is not None:
        ref = curve(*REFERENCE, a.full, REFERENCE if a.full else None)
        for cand in LADDER:
            c = curve(*cand, a.full, cand if a.full else None)
            err = np.max(np.abs(c - ref))
            print(f"grid {cand}: {points(*cand)} k-points/xi, max error {err:.2e}", flush=True)
            if err <= a.calibrate:
                print(f"cheapest grid for {a.calibrate:g}: {cand}")
                break
        return
    vals = curve(*g, a.full, sg)
    if a.check:
        d = np.array(json.load(open(a.check)))
        print(f"max |peer - diffuson| = {np.max(np.abs(vals - d)):.3e}")
    best = float('inf')
    clock = time.process_time if a.cpu else time.perf_counter
    if a.time:
        for _ in range(a.repeat):
            t0 = clock()
            curve(*g, a.full, sg)
            best = min(best, clock() - t0)
    if a.json:
        print(json.dumps({'workflow': 'kubo-full' if a.full else 'kubo-fermi-surface', 'grid': g,
                          'kpoints_per_xi': points(*g), 'best_ms': best * 1e3, 'sum': float(np.sum(vals))}))
    else:
        print(f"sum sigma_xy = {np.sum(vals):.12f}; {points(*g)} k-points per xi; best of {a.repeat}: {best * 1e3:.1f} ms")


if __name__ == '__main__':
    main()

"""Vectorised NumPy peer of Diffuson's seed 001 kinetic engine (the speed comparison of issue 13).

Same physics, written the way a NumPy user would: the 3-channel T-matrix of Eq. 17 with the full-momentum off-shell
continuation, I0 and W_j (seed 001 Eqs. 2–3, T-form) as dense arrays on a Gauss–Legendre × uniform-φ sphere rule, the
moment blocks K, F, Z and the 12×12 solve (S53). Prints the regression values (they must match the Java engine's) and
timings: one coefficient set, and a 100 × 100 θ_sH map (timed on 200 points and extrapolated).
Run: /usr/bin/python3 src/test/python/seed001_peer.py
"""
import time
import numpy as np

PI = np.pi
S = np.array([[[1, 0], [0, 1]], [[0, 1], [1, 0]], [[0, -1j], [1j, 0]], [[1, 0], [0, -1]]], dtype=complex)
EPS = np.zeros((3, 3, 3))
EPS[0, 1, 2] = EPS[1, 2, 0] = EPS[2, 0, 1] = 1
EPS[0, 2, 1] = EPS[2, 1, 0] = EPS[1, 0, 2] = -1


def sphere(nc, nphi):
    x, w = np.polynomial.legendre.leggauss(nc)
    phi = 2 * PI * (np.arange(nphi) + 0.5) / nphi
    c = np.repeat(x, nphi)
    s = np.sqrt(1 - c ** 2)
    ph = np.tile(phi, nc)
    n = np.stack([s * np.cos(ph), s * np.sin(ph), c], axis=1)
    return n, np.repeat(w, nphi) / (2 * nphi)


def tmatrix(eta, nf, n):
    """T(p,k) and D_jT for all node pairs (p = n[i], k = n[j], k_F = 1), Eq. 17 with full-momentum continuation."""
    f = np.exp(1j * np.asarray(eta)) * np.sin(eta)
    a0 = -f[0] / (PI * nf)
    a1 = -(f[1] + 2 * f[2]) / (PI * nf)
    b1 = -(f[2] - f[1]) / (PI * nf)          # coefficient of i (k×p)·σ
    p = n[:, None, :]
    k = n[None, :, :]
    u = np.sum(p * k, axis=-1)
    kxp = np.cross(np.broadcast_to(k, (len(n), len(n), 3)), np.broadcast_to(p, (len(n), len(n), 3)))
    sig = S[1:]
    T = (a0 + a1 * u)[..., None, None] * S[0] + 1j * b1 * np.einsum('pka,aij->pkij', kxp, sig, optimize=True)
    # D_j (p·k) = p_j + k_j ; D_j (k×p)_a = ε_{abj}(k_b − p_b)
    du = (p + k)
    dvec = np.einsum('abj,pkb->pkja', EPS, np.broadcast_to(k - p, (len(n), len(n), 3)), optimize=True)
    DT = a1 * du[..., None, None] * S[0] + 1j * b1 * np.einsum('pkja,ail->pkjil', dvec, sig, optimize=True)
    return T, DT


def moments(eta, r, n, w):
    kf, m = 1.0, 1.0
    nf = m * kf / (2 * PI ** 2)
    nc = kf ** 3 / (3 * PI ** 2)
    nim = r * nc
    vf = kf / m
    T, DT = tmatrix(eta, nf, n)
    Td = np.conj(np.swapaxes(T, -1, -2))
    DTd = np.conj(np.swapaxes(DT, -1, -2))
    # gain[p,k,A,B] = ½Tr(τ_A T τ_B T†) w_k 2πn N_F
    g = 0.5 * np.einsum('aij,pkjl,blm,pkmi->pkab', S, T, S, Td, optimize=True).real * (2 * PI * nim * nf) * w[None, :, None, None]
    gam = np.einsum('k,pkij,pkjl->pil', w, T, Td, optimize=True)
    loss = 0.5 * (np.einsum('aij,pjl,bli->pab', S, 0.5 * gam, S) + np.einsum('aij,bjl,pli->pab', S, S, 0.5 * gam)).real * (2 * PI * nim * nf)
    Y = np.einsum('pkij,bjl,pkqlm->pkqbim', T, S, DTd, optimize=True)
    side = -2 * (PI * nim * nf) * w[None, :, None, None, None] * np.einsum('aij,pkqbji->pkqab', S, Y, optimize=True).imag * 0.5
    K = 3 * (np.einsum('p,pi,pkab,kl->ialb', w, n, g, n, optimize=True) - np.einsum('p,pi,pab,pl->ialb', w, n, loss, n))
    F = vf * np.einsum('p,pi,pkjab->iajb', w, n, side, optimize=True)
    Z = (3 / vf) * np.einsum('p,pkjab,kl->jalb', w, side, n, optimize=True)
    K, F, Z = K.reshape(12, 12), F.reshape(12, 12), Z.reshape(12, 12)
    Q = (np.eye(12) - Z) @ np.linalg.solve(K, vf ** 2 / 3 * np.eye(12) - F)
    invtr = -np.trace(K.reshape(3, 4, 3, 4)[:, 0, :, 0]) / 3
    D = vf ** 2 / invtr / 3
    Q4 = Q.reshape(3, 4, 3, 4)
    dc = -np.trace(Q4[:, 0, :, 0]) / 3
    dth = -np.einsum('jka,jka->', EPS, Q4[:, 0, :, 1:]) / 6
    return dict(invTauTr=invtr, D=D, Dc=dc, thetaSH=dth / D, sigmaSH=2 * nf * dth / kf)


def main():
    n, w = sphere(3, 6)
    ref = moments([0.3, 1.1, -0.4], 0.01, n, w)
    x = 0.5 * 0.01
    print("peer (0.3,1.1,−0.4), r=0.01: 1/τ_tr/x = %.6f, D_c/D = %.6f, θ_sH = %.6f, σ_sH/ek_F = %.6f"
          % (ref['invTauTr'] / x, ref['Dc'] / ref['D'], ref['thetaSH'], ref['sigmaSH']))
    print("spec table:                      1.001536,          0.987799,         −0.074776,          −0.504318")
    reps = 200
    t0 = time.perf_counter()
    for i in range(reps):
        moments([0.3 + 1e-5 * i, 1.1, -0.4], 0.01, n, w)
    one = (time.perf_counter() - t0) / reps
    print("peer: one coefficient set %.3f ms; 100×100 map ≈ %.1f s (single process, extrapolated from %d points)"
          % (one * 1e3, one * 1e4, reps))


if __name__ == "__main__":
    main()

"""Vectorised NumPy peer of Diffuson's seed 001 kinetic engine (the speed comparison of issue 13).

Same physics, written the way a NumPy user would: the 3-channel T-matrix of Eq. 17 with the full-momentum off-shell
continuation, I0 and W_j (seed 001 Eqs. 2–3, T-form) as dense arrays on a Gauss–Legendre × uniform-φ sphere rule, the
moment blocks K, F, Z and the 12×12 solve (S53). Prints the regression values (they must match the Java engine's) and
timings: one coefficient set, a 100 × 100 θ_sH map (timed on 200 points and extrapolated), and the exact
first-order kinetic solve for 7 channels up to l = 3 on the same 6 × 12 rule as Java (one dense 4n × 4n solve).
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


def collision(T, DT, w, nim, nf):
    """I0 (gain[p,k,A,B] = ½Tr(τ_A T τ_B T†) w_k 2πn N_F, loss) and the side-jump blocks W_j, Eqs. 2–3 (T-form)."""
    Td = np.conj(np.swapaxes(T, -1, -2))
    DTd = np.conj(np.swapaxes(DT, -1, -2))
    g = 0.5 * np.einsum('aij,pkjl,blm,pkmi->pkab', S, T, S, Td, optimize=True).real * (2 * PI * nim * nf) * w[None, :, None, None]
    gam = np.einsum('k,pkij,pkjl->pil', w, T, Td, optimize=True)
    loss = 0.5 * (np.einsum('aij,pjl,bli->pab', S, 0.5 * gam, S) + np.einsum('aij,bjl,pli->pab', S, S, 0.5 * gam)).real * (2 * PI * nim * nf)
    Y = np.einsum('pkij,bjl,pkqlm->pkqbim', T, S, DTd, optimize=True)
    side = -2 * (PI * nim * nf) * w[None, :, None, None, None] * np.einsum('aij,pkqbji->pkqab', S, Y, optimize=True).imag * 0.5
    return g, loss, side


def moments(eta, r, n, w):
    kf, m = 1.0, 1.0
    nf = m * kf / (2 * PI ** 2)
    nc = kf ** 3 / (3 * PI ** 2)
    nim = r * nc
    vf = kf / m
    T, DT = tmatrix(eta, nf, n)
    g, loss, side = collision(T, DT, w, nim, nf)
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


def legendre_coeffs(l):
    """P_l(x) = Σ_m c_m x^(l−2m)."""
    from math import factorial
    return [(-1) ** m * factorial(2 * l - 2 * m) / (2 ** l * factorial(m) * factorial(l - m) * factorial(l - 2 * m))
            for m in range(l // 2 + 1)]


def tmatrix_channels(channels, nf, n):
    """T and D_jT on shell (k_F = 1) for channels (l, j = l ± ½ as True/False, η): the any-l form
    T = −(1/πN_F) Σ_l {[(l+1)f_l+ + l f_l−] P_l + i(f_l+ − f_l−) P_l' (k×p)·σ}, full-momentum continuation
    P_l(c) → Σ_m c_m u^(l−2m) Q^m (u = p·k, Q = p²k²), differentiated with D_j = ∂_p_j + ∂_k_j."""
    lmax = max(c[0] for c in channels)
    a = np.zeros(lmax + 1, complex)
    b = np.zeros(lmax + 1, complex)
    for l, jplus, eta in channels:
        f = np.exp(1j * eta) * np.sin(eta)
        a[l] += -((l + 1) if jplus else l) * f / (PI * nf)
        b[l] += -(1 if jplus else -1) * f / (PI * nf)
    p = n[:, None, :]
    k = n[None, :, :]
    u = np.sum(p * k, axis=-1)
    s = np.zeros_like(u, dtype=complex)
    su, sq, g, gu, gq = (np.zeros_like(s) for _ in range(5))
    for l in range(lmax + 1):
        for m, c in enumerate(legendre_coeffs(l)):
            e = l - 2 * m
            s += a[l] * c * u ** e
            sq += a[l] * c * m * u ** e
            if e >= 1:
                su += a[l] * c * e * u ** (e - 1)
                g += b[l] * c * e * u ** (e - 1)
                gq += b[l] * c * e * m * u ** (e - 1)
            if e >= 2:
                gu += b[l] * c * e * (e - 1) * u ** (e - 2)
    nn = len(n)
    kxp = np.cross(np.broadcast_to(k, (nn, nn, 3)), np.broadcast_to(p, (nn, nn, 3)))
    sig = S[1:]
    T = s[..., None, None] * S[0] + 1j * np.einsum('pk,pka,aij->pkij', g, kxp, sig, optimize=True)
    du = p + k                      # D_j u; on shell D_j Q = 2(p_j k² + k_j p²) = 2 du_j
    dvec = np.einsum('abj,pkb->pkja', EPS, np.broadcast_to(k - p, (nn, nn, 3)), optimize=True)
    ds = su[..., None] * du + sq[..., None] * 2 * du
    dg = gu[..., None] * du + gq[..., None] * 2 * du
    vec = dg[..., :, None] * kxp[..., None, :] + g[..., None, None] * dvec      # [p,k,j,a]
    DT = ds[..., None, None] * S[0] + 1j * np.einsum('pkja,ail->pkjil', vec, sig, optimize=True)
    return T, DT


def exact_solve(channels, r, nc, nphi):
    """The exact first-order kinetic solve on the full angular grid (no moment ansatz): one dense real system
    I0[Y] = v_F p̂_k τ_C − Σ_k' W_k, with the parity-even zero mode shifted away by −c(1 + P); J = ⟨v_F p̂ Y⟩ − ⟨W[Y]⟩."""
    n, w = sphere(nc, nphi)
    kf, m = 1.0, 1.0
    nf = m * kf / (2 * PI ** 2)
    nim = r * kf ** 3 / (3 * PI ** 2)
    vf = kf / m
    T, DT = tmatrix_channels(channels, nf, n)
    g, loss, side = collision(T, DT, w, nim, nf)
    nn = len(n)
    M = np.einsum('pkab->pakb', g).copy()
    idx = np.arange(nn)
    M[idx, :, idx, :] -= loss
    anti = np.argmin(np.linalg.norm(n[:, None, :] + n[None, :, :], axis=-1), axis=1)
    c = loss[0, 0, 0]
    M[idx, :, idx, :] -= c * np.eye(4)
    M[idx, :, anti, :] -= c * np.eye(4)
    src = vf * np.einsum('pk,ac->pakc', n, np.eye(4)) - np.einsum('pqkac->pakc', side)
    Ysol = np.linalg.solve(M.reshape(4 * nn, 4 * nn), src.reshape(4 * nn, 12)).reshape(nn, 4, 12)
    J = vf * np.einsum('p,pj,pac->jac', w, n, Ysol) - np.einsum('p,pkjab,kbc->jac', w, side, Ysol, optimize=True)
    Q = J.reshape(12, 12)
    K = 3 * (np.einsum('p,pi,pkab,kl->ialb', w, n, g, n, optimize=True) - np.einsum('p,pi,pab,pl->ialb', w, n, loss, n))
    invtr = -np.trace(K.reshape(3, 4, 3, 4)[:, 0, :, 0]) / 3
    D = vf ** 2 / invtr / 3
    Q4 = Q.reshape(3, 4, 3, 4)
    dc = -np.trace(Q4[:, 0, :, 0]) / 3
    dth = -np.einsum('jka,jka->', EPS, Q4[:, 0, :, 1:]) / 6
    return dict(D=D, Dc=dc, thetaSH=dth / D, Q=Q)


SEVEN = [(0, True, 0.3), (1, False, 1.1), (1, True, -0.4), (2, False, 0.5), (2, True, -0.3), (3, False, 0.2), (3, True, 0.45)]


def main():
    n, w = sphere(2, 4)   # the minimal rule exact for the l ≤ 1 moment integrands (degree 3), as Java's
    ref = moments([0.3, 1.1, -0.4], 0.01, n, w)
    x = 0.5 * 0.01
    print("peer (0.3,1.1,−0.4), r=0.01: 1/τ_tr/x = %.6f, D_c/D = %.6f, θ_sH = %.6f, σ_sH/ek_F = %.6f"
          % (ref['invTauTr'] / x, ref['Dc'] / ref['D'], ref['thetaSH'], ref['sigmaSH']))
    print("spec table:                      1.001536,          0.987799,         −0.074776,          −0.504318")
    reps = 200
    best = float('inf')
    t0 = time.perf_counter()
    for i in range(reps):
        t1 = time.perf_counter()
        moments([0.3 + 1e-5 * i, 1.1, -0.4], 0.01, n, w)
        best = min(best, time.perf_counter() - t1)
    one = (time.perf_counter() - t0) / reps
    print("peer: one coefficient set (l ≤ 1, 2×4 rule, 12×12 solve): best %.3f ms, mean %.3f ms" % (best * 1e3, one * 1e3))
    print("peer: 100×100 θ_sH map ≈ %.1f s (single process, mean per point × 10⁴)" % (one * 1e4))
    ex = exact_solve(SEVEN, 0.01, 6, 12)
    print("peer exact solve, 7 channels l ≤ 3, 6×12 rule: D_c/D = %.9f, θ_sH = %.10f (Java: 1.013890796, 0.0138589194)"
          % (ex['Dc'] / ex['D'], ex['thetaSH']))
    times = []
    for i in range(20):
        t1 = time.perf_counter()
        exact_solve(SEVEN, 0.01, 6, 12)
        times.append(time.perf_counter() - t1)
    print("peer: exact solve l ≤ 3: best %.2f ms, mean %.2f ms (20 runs)" % (min(times) * 1e3, sum(times) / len(times) * 1e3))


if __name__ == "__main__":
    main()

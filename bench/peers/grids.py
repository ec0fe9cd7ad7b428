"""Radial quadrature shared by the peers: composite Gauss-Legendre panels in |k| on [0, k_c]."""
import numpy as np
from numpy.polynomial.legendre import leggauss

_GL = {}


def gl(n):
    if n not in _GL:
        _GL[n] = leggauss(n)
    return _GL[n]


def radial(poles, kc, nodes, ratio, grade=False):
    """Nodes k and weights k dk/2pi: breakpoints k0 +- r^j d around each pole (k0, d), clipped to [0, kc], and with
    grade=True also kc r^-j towards k = 0."""
    br = {0.0, kc}
    for k0, d in poles:
        if not 0 < k0 < kc:
            continue
        br.add(k0)
        f = 1.0
        while k0 - f * d > 0 or k0 + f * d < kc:
            for x in (k0 - f * d, k0 + f * d):
                if 0 < x < kc:
                    br.add(x)
            f *= ratio
    if grade:
        x = kc / ratio
        while x > 1e-6 * kc:
            br.add(x)
            x /= ratio
    b = np.array(sorted(br))
    t, w = gl(nodes)
    lo, hi = b[:-1, None], b[1:, None]
    k = (0.5 * (hi - lo) * t + 0.5 * (hi + lo)).ravel()
    return k, (0.5 * (hi - lo) * w).ravel() * k / (2 * np.pi)

"""Benchmarks of the Diffuson kernel through jupyter_client (a benchmark, not a timed test).

  kernel/diffuson bench            (installs the kernelspec under build/jupyter, then runs this)
  /usr/bin/python3 kernel/bench_kernel.py [--starts N] [--trivial N] [--charts N]

Measures (1) cold start: kernel process launch to the reply of the first executed cell; (2) round trip of a
trivial cell (execute_request to idle); (3) display of a 1000-point XChart (PNG 2x + SVG + PDF), cell round trip, after 10 warm-up displays
(the first display in a fresh kernel is reported separately).
"""
import argparse
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "tests"))
import kernel_env  # noqa: E402  (sets JUPYTER_PATH)
from jupyter_client.manager import KernelManager  # noqa: E402


def run(kc, code, timeout=60):
    msg_id = kc.execute(code)
    while True:
        m = kc.get_iopub_msg(timeout=timeout)
        if m["parent_header"].get("msg_id") == msg_id and m["msg_type"] == "status" \
                and m["content"]["execution_state"] == "idle":
            break
    while True:
        r = kc.get_shell_msg(timeout=timeout)
        if r["parent_header"].get("msg_id") == msg_id:
            if r["content"]["status"] != "ok":
                raise RuntimeError(f"{code!r} failed: {r['content']}")
            return


def cold_start(n):
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        km = KernelManager(kernel_name=kernel_env.KERNEL_NAME)
        km.start_kernel()
        kc = km.client()
        kc.start_channels()
        kc.wait_for_ready(timeout=60)
        run(kc, "1 + 1")
        times.append(time.perf_counter() - t0)
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    return times


def timed(kc, code, n, warmup):
    for _ in range(warmup):
        run(kc, code)
    out = []
    for _ in range(n):
        t0 = time.perf_counter()
        run(kc, code)
        out.append(time.perf_counter() - t0)
    return out


def fmt(xs, unit=1e3, name="ms"):
    xs = sorted(xs)
    p90 = xs[min(len(xs) - 1, int(0.9 * len(xs)))]
    return f"median {statistics.median(xs) * unit:.1f} {name}, p90 {p90 * unit:.1f} {name}, " \
           f"min {xs[0] * unit:.1f} {name} (n={len(xs)})"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--starts", type=int, default=5)
    ap.add_argument("--trivial", type=int, default=200)
    ap.add_argument("--charts", type=int, default=30)
    a = ap.parse_args()

    starts = cold_start(a.starts)
    km = KernelManager(kernel_name=kernel_env.KERNEL_NAME)
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=60)
    try:
        trivial = timed(kc, "1", a.trivial, warmup=20)
        run(kc, "double[] bx = new double[1000], by = new double[1000];\n"
                "for (int i = 0; i < 1000; i++) { bx[i] = i * 0.01; by[i] = Math.sin(bx[i]) * Math.exp(-0.1 * bx[i]); }\n"
                "var bench = new XYChartBuilder().width(640).height(400).title(\"1000 points\").build();\n"
                "bench.addSeries(\"damped\", bx, by);")
        first_chart = timed(kc, "display(bench);", 1, warmup=0)
        charts = timed(kc, "display(bench);", a.charts, warmup=10)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    print(f"cold start to first executed cell (target < 2.5 s): {fmt(starts, 1, 's')}")
    print(f"trivial cell round trip (target < 30 ms):          {fmt(trivial)}")
    print(f"1000-point XChart display (target < 150 ms):       {fmt(charts)}")
    print(f"  first 1000-point display in a fresh kernel:       {first_chart[0] * 1e3:.0f} ms")


if __name__ == "__main__":
    main()

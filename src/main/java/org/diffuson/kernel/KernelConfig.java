package org.diffuson.kernel;

/**
 * Settings read from the environment of the kernel process (set in kernel.json):
 * {@code DIFFUSON_TIMEOUT} — per-cell timeout in seconds, 0 or negative for none (default none).
 */
record KernelConfig(long timeoutMillis) {

    static KernelConfig fromEnvironment() {
        String t = System.getenv("DIFFUSON_TIMEOUT");
        long ms = 0;
        if (t != null && !t.isBlank()) {
            try {
                ms = Math.max(0, Math.round(Double.parseDouble(t.strip()) * 1000));
            } catch (NumberFormatException e) {
                System.err.println("diffuson kernel: ignoring DIFFUSON_TIMEOUT=" + t + " (not a number of seconds)");
            }
        }
        return new KernelConfig(ms);
    }
}

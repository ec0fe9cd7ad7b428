package org.diffuson.kernel.io;

/** UTF-8 boundary helper. */
final class Utf8 {
    private Utf8() {
    }

    /** Length of the longest prefix of {@code b} that does not end inside a multi-byte character. */
    static int completePrefix(byte[] b) {
        int n = b.length;
        for (int back = 1; back <= Math.min(3, n); back++) {
            int x = b[n - back] & 0xFF;
            if ((x & 0xC0) == 0x80) continue; // continuation byte: look further back
            int need = x >= 0xF0 ? 4 : x >= 0xE0 ? 3 : x >= 0xC0 ? 2 : 1;
            return need > back ? n - back : n;
        }
        return n;
    }
}

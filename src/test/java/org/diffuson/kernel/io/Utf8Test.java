package org.diffuson.kernel.io;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;

class Utf8Test {

    @Test
    void splitMultiByteCharacterWaits() {
        byte[] b = "aσ€😀".getBytes(StandardCharsets.UTF_8);
        assertEquals(b.length, Utf8.completePrefix(b));
        for (int cut = 1; cut < b.length; cut++) {
            byte[] part = Arrays.copyOf(b, cut);
            int end = Utf8.completePrefix(part);
            String s = new String(part, 0, end, StandardCharsets.UTF_8);
            assertEquals(-1, s.indexOf('\uFFFD'), "cut at " + cut);
        }
    }
}

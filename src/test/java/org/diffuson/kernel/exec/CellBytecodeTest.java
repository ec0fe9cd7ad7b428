package org.diffuson.kernel.exec;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CellBytecodeTest {

    @Test
    void unreadableClassIsReturnedUnchangedWithAWarning() {
        byte[] junk = {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0x7F, 0x7F, 1, 2, 3};
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        byte[] out = CellBytecode.instrument(junk, new PrintStream(buf, true, StandardCharsets.UTF_8));
        assertSame(junk, out);
        String line = buf.toString(StandardCharsets.UTF_8);
        assertTrue(line.contains("could not be instrumented") && line.contains("stop checks and exit guards"), line);
    }
}

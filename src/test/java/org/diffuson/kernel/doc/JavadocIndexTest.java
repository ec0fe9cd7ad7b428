package org.diffuson.kernel.doc;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JavadocIndexTest {

    @Test
    void parameterTypesFromJShellSignatures() {
        assertEquals(List.of("int"), JavadocIndex.paramTypes("int"));
        assertEquals(List.of("String", "long"), JavadocIndex.paramTypes("String label, long total"));
        assertEquals(List.of("Map", "double"), JavadocIndex.paramTypes("java.util.Map<String, Double> m, double x"));
        assertEquals(List.of("double[]"), JavadocIndex.paramTypes("double[] values"));
        assertEquals(List.of(), JavadocIndex.paramTypes(""));
    }

    @Test
    void inlineTagsBecomeText() {
        assertEquals("returns x and Foo", JavadocIndex.clean("returns {@code x} and {@link Foo}"));
    }
}

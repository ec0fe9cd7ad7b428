package org.diffuson;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** Readable numbers: significant digits, numerical zeros relative to the object's scale, no float noise. */
class NumbersTest {
    @Test
    void significantDigitsAndZeros() {
        assertEquals("0.3", Numbers.format(0.30000000000000004));
        assertEquals("0.819696", Numbers.format(0.8196962045863493));
        assertEquals("0.8196962046", Numbers.format(0.8196962045863493, 10));
        assertEquals("−0.00316699", Numbers.format(-0.003166985886278346));
        assertEquals("1.83187e-14", Numbers.format(1.8318679906315083e-14));
        assertEquals("45.4054", Numbers.format(45.4054054054054));
        assertEquals("1.2e6", Numbers.format(1.2e6));
        // a numerical zero of an object of size 1 is shown as 0
        assertEquals("0", Numbers.format(1.8318679906315083e-14, 1, 6));
        assertEquals("1.83187e-14", Numbers.format(1.8318679906315083e-14, 1e-10, 6));
        assertEquals("0.635069", Numbers.complex(0.635069, -1.30104e-18, 0.9, 6));
        assertEquals("−0.5i", Numbers.complex(1e-19, -0.5, 1, 6));
        assertEquals("0.1 − 0.2i", Numbers.complex(0.1, -0.2, 1, 6));
        assertEquals("∞", Numbers.format(Double.POSITIVE_INFINITY));
    }
}

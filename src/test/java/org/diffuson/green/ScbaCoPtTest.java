package org.diffuson.green;

import org.diffuson.model.Model;
import org.diffuson.model.Preset;
import org.hipparchus.complex.Complex;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ScbaCoPtTest {
    @Test
    void workedExampleSelfEnergy() {
        for (double[] row : new double[][]{{21, -0.05591, -0.03516, -0.00809, 0.02082}, {10, -0.04372, -0.03519, -0.00826, 0.02098}}) {
            Model m = Preset.COPT.with("cutoffEnergy", row[0]).build();
            ScbaResult r = Scba.solve(m, 0.0);
            Complex[] c = r.components();
            System.out.println(r);
            assertEquals(row[1], c[0].getReal(), 6e-6);
            assertEquals(row[2], c[0].getImaginary(), 6e-6);
            assertEquals(row[3], c[3].getReal(), 6e-6);
            assertEquals(row[4], c[3].getImaginary(), 6e-6);
        }
    }
}

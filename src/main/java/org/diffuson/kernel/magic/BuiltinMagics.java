package org.diffuson.kernel.magic;

import java.util.List;

/** The kernel's own magics (physics magics live with the physics API they call). */
public final class BuiltinMagics {
    private BuiltinMagics() {
    }

    public static List<Magic> all() {
        return List.of(new LsMagic(), new HelpMagic(), new TimeMagic(), new TimeitMagic(), new TimeoutMagic(), new MemoryMagic(),
                new MavenMagic(), new ClasspathMagic(), new JarsMagic(), new PlotMagic(), new SqlMagic(false), new SqlMagic(true));
    }
}

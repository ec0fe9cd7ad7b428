package org.diffuson.model;

/** A Cartesian direction: the index of a momentum, velocity, current, field or spin component (x = 0, y = 1, z = 2). */
public enum Axis {
    X, Y, Z;

    public int index() { return ordinal(); }

    private static final Axis[] VALUES = values();

    /** The axis with index 0, 1 or 2. */
    public static Axis of(int index) {
        if (index < 0 || index > 2)
            throw new org.diffuson.DiffusonException("axis", "index must be 0, 1 or 2, got " + index, "use Axis.X, Axis.Y or Axis.Z");
        return VALUES[index];
    }

    /** "x", "y" or "z". */
    public String label() { return name().toLowerCase(java.util.Locale.ROOT); }
}

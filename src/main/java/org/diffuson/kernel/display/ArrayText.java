package org.diffuson.kernel.display;

import java.lang.reflect.Array;

/** Text of arrays of any component type, at most {@link #MAX_ITEMS} items per level. */
final class ArrayText {
    static final int MAX_ITEMS = 100;

    private ArrayText() {
    }

    static String of(Object array) {
        StringBuilder sb = new StringBuilder();
        append(sb, array);
        return sb.toString();
    }

    private static void append(StringBuilder sb, Object array) {
        int n = Array.getLength(array);
        sb.append('[');
        for (int i = 0; i < Math.min(n, MAX_ITEMS); i++) {
            if (i > 0) sb.append(", ");
            Object item = Array.get(array, i);
            if (item != null && item.getClass().isArray()) append(sb, item);
            else if (item instanceof Double || item instanceof Float) sb.append(org.diffuson.Numbers.format(((Number) item).doubleValue(), 6));
            else sb.append(item);
        }
        if (n > MAX_ITEMS) sb.append(", … (").append(n).append(" items)");
        sb.append(']');
    }
}

package org.diffuson.kernel.exec;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands live objects from the kernel to JShell code: the kernel puts an object here and evaluates
 * {@code T name = (T) Stash.take(key);}. Public only because snippets must be able to call it.
 */
public final class Stash {
    private static final Map<String, Object> OBJECTS = new ConcurrentHashMap<>();
    private static final AtomicLong KEYS = new AtomicLong();

    private Stash() {
    }

    static String put(Object value) {
        String key = "s" + KEYS.incrementAndGet();
        OBJECTS.put(key, new Object[]{value});
        return key;
    }

    /** Returns and forgets the object stored under {@code key}. */
    public static Object take(String key) {
        Object[] box = (Object[]) OBJECTS.remove(key);
        if (box == null) throw new IllegalStateException("nothing stashed under " + key);
        return box[0];
    }
}

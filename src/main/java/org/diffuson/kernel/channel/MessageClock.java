package org.diffuson.kernel.channel;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Header dates for outgoing messages: ISO 8601 in UTC with microseconds ({@code 2026-11-23T11:48:02.123456Z}, what
 * Python's {@code datetime} holds), strictly increasing, so no two messages of the kernel carry the same time.
 */
final class MessageClock {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final AtomicLong lastMicros = new AtomicLong();

    /** The current time, at least one microsecond after the previous call's. */
    String next() {
        Instant now = Instant.now();
        long micros = now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
        long t = lastMicros.accumulateAndGet(micros, (last, n) -> Math.max(last + 1, n));
        return format(Instant.ofEpochSecond(Math.floorDiv(t, 1_000_000L), Math.floorMod(t, 1_000_000L) * 1_000L));
    }

    static String format(Instant instant) {
        return ISO.format(instant);
    }
}

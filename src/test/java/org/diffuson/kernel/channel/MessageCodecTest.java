package org.diffuson.kernel.channel;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.KernelTimestamp;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.publish.PublishDisplayData;
import org.dflib.jjava.jupyter.messages.publish.PublishStatus;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Wire format of {@link MessageCodec}: jjava's framing and signature, unescaped JSON, precise increasing dates. */
class MessageCodecTest {

    private static final String ISO_MICROS = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z";
    private static final String CLIENT_DATE = "2026-11-23T11:48:02.123456Z";
    private static final String SVG = "<svg width=\"10\" height='5'><text>a &amp; b</text></svg>";

    private final MessageCodec codec = new MessageCodec();

    private static Message<Object> executeRequest(String date) {
        Header<Object> header = new Header<>("request-1", "user", "session-1", new KernelTimestamp(date),
                MessageType.UNKNOWN, "5.3");
        return new Message<>(List.of("client".getBytes(StandardCharsets.US_ASCII)), header, null, Map.of(), null,
                null);
    }

    private static JsonObject json(byte[] frame) {
        return JsonParser.parseString(new String(frame, StandardCharsets.UTF_8)).getAsJsonObject();
    }

    @Test
    void framesAreJjavasAndSigned() throws Exception {
        DisplayData data = new DisplayData("chart");
        data.putSVG(SVG);
        Message<PublishDisplayData> m = new Message<>(executeRequest(CLIENT_DATE), PublishDisplayData.MESSAGE_TYPE,
                new PublishDisplayData(data));
        HMACGenerator hmac = new HMACGenerator("HmacSHA256", "secret");

        List<byte[]> frames = codec.encode(m, hmac);

        assertEquals(7, frames.size());
        assertArrayEquals("client".getBytes(StandardCharsets.US_ASCII), frames.get(0));
        assertArrayEquals("<IDS|MSG>".getBytes(StandardCharsets.US_ASCII), frames.get(1));
        String expected = new HMACGenerator("HmacSHA256", "secret")
                .calculateSignature(frames.get(3), frames.get(4), frames.get(5), frames.get(6));
        assertEquals(expected, new String(frames.get(2), StandardCharsets.US_ASCII));
        JsonObject header = json(frames.get(3));
        assertEquals("display_data", header.get("msg_type").getAsString());
        assertEquals("session-1", header.get("session").getAsString());
        assertTrue(header.get("date").getAsString().matches(ISO_MICROS), header.toString());
        assertEquals(CLIENT_DATE, json(frames.get(4)).get("date").getAsString(), "parent date is echoed verbatim");
        String content = new String(frames.get(6), StandardCharsets.UTF_8);
        assertTrue(content.contains("<svg width=\\\"10\\\" height='5'><text>a &amp; b</text></svg>"), content);
        for (String escape : List.of("\\u003c", "\\u003e", "\\u003d", "\\u0026", "\\u0027")) {
            assertFalse(content.contains(escape), escape);
        }
        assertEquals(SVG, json(frames.get(6)).getAsJsonObject("data").get("image/svg+xml").getAsString());
    }

    @Test
    void datesStrictlyIncreaseWithinOneSecond() {
        Instant previous = Instant.EPOCH;
        for (int i = 0; i < 2_000; i++) {
            List<byte[]> frames = codec.encode(new Message<>(null, PublishStatus.MESSAGE_TYPE, PublishStatus.BUSY),
                    HMACGenerator.NO_AUTH_INSTANCE);
            String date = json(frames.get(2)).get("date").getAsString();
            assertTrue(date.matches(ISO_MICROS), date);
            Instant t = Instant.parse(date);
            assertTrue(t.isAfter(previous), date + " after " + previous);
            previous = t;
        }
    }

    @Test
    void jjavaMadeDatesInParentHeadersBecomeIso() {
        Header<Object> parentHeader = new Header<>("p", "kernel", "s", KernelTimestamp.now(), MessageType.UNKNOWN,
                "5.3");
        Message<Object> parent = new Message<>(List.of(), parentHeader, null, null, null, null);
        List<byte[]> frames = codec.encode(new Message<>(parent, PublishStatus.MESSAGE_TYPE, PublishStatus.IDLE),
                HMACGenerator.NO_AUTH_INSTANCE);
        String date = json(frames.get(3)).get("date").getAsString();
        assertTrue(date.matches(ISO_MICROS), date);
        long skew = Math.abs(Instant.parse(date).toEpochMilli() - System.currentTimeMillis());
        assertTrue(skew < 60_000, date);
    }
}

package org.diffuson.kernel.channel;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonDeserializationContext;
import com.google.gson.JsonDeserializer;
import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import com.google.gson.JsonSerializationContext;
import com.google.gson.JsonSerializer;
import org.dflib.jjava.jupyter.kernel.ExpressionValue;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.KernelTimestamp;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.ReplyType;
import org.dflib.jjava.jupyter.messages.adapters.ExpressionValueAdapter;
import org.dflib.jjava.jupyter.messages.adapters.HeaderAdapter;
import org.dflib.jjava.jupyter.messages.adapters.HistoryEntryAdapter;
import org.dflib.jjava.jupyter.messages.adapters.HistoryRequestAdapter;
import org.dflib.jjava.jupyter.messages.adapters.MessageTypeAdapter;
import org.dflib.jjava.jupyter.messages.adapters.PublishStatusAdapter;
import org.dflib.jjava.jupyter.messages.adapters.ReplyTypeAdapter;
import org.dflib.jjava.jupyter.messages.publish.PublishStatus;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;
import org.zeromq.ZMQ;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Encodes outgoing messages for every kernel socket, in jjava's wire format (identities, {@code <IDS|MSG>}, HMAC,
 * header, parent header, metadata, content, buffers) with jjava's type adapters, but with two fixes: JSON is not
 * HTML-escaped ({@code <}, {@code >}, {@code =}, {@code &}, {@code '} stay as they are, so SVG payloads are not
 * bloated), and each message is stamped with a strictly increasing ISO 8601 date with microseconds (jjava writes
 * {@code yyyy-MM-dd'T'HH:mmZ}, the same time for every message of a minute). Parent headers keep the client's date.
 */
public final class MessageCodec {

    static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.UTF_8);
    /** What {@link KernelTimestamp#getDateString()} makes of a date jjava created (minute resolution). */
    private static final Pattern JJAVA_DATE = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d[+-]\\d{4}");

    private final MessageClock clock = new MessageClock();
    private final Gson gson;

    public MessageCodec() {
        Gson replyGson = new GsonBuilder()
                .registerTypeAdapter(HistoryEntry.class, HistoryEntryAdapter.INSTANCE)
                .registerTypeAdapter(ExpressionValue.class, ExpressionValueAdapter.INSTANCE)
                .disableHtmlEscaping()
                .create();
        this.gson = new GsonBuilder()
                .registerTypeAdapter(KernelTimestamp.class, new TimestampAdapter())
                .registerTypeAdapter(Header.class, HeaderAdapter.INSTANCE)
                .registerTypeAdapter(MessageType.class, MessageTypeAdapter.INSTANCE)
                .registerTypeAdapter(PublishStatus.class, PublishStatusAdapter.INSTANCE)
                .registerTypeAdapter(HistoryRequest.class, HistoryRequestAdapter.INSTANCE)
                .registerTypeHierarchyAdapter(ReplyType.class, new ReplyTypeAdapter(replyGson))
                .disableHtmlEscaping()
                .create();
    }

    /** The frames of {@code message}, signed with {@code hmac}; its header gets the current date. */
    public List<byte[]> encode(Message<?> message, HMACGenerator hmac) {
        byte[] header = json(stamped(message.getHeader()));
        byte[] parent = message.hasParentHeader() ? json(message.getParentHeader()) : EMPTY_OBJECT;
        byte[] metadata = message.hasMetadata() ? json(message.getMetadata()) : EMPTY_OBJECT;
        byte[] content = json(message.getContent());
        String signature = hmac.calculateSignature(header, parent, metadata, content);
        List<byte[]> frames = new ArrayList<>(message.getIdentities());
        frames.add(DELIMITER);
        frames.add(signature.getBytes(StandardCharsets.US_ASCII));
        frames.add(header);
        frames.add(parent);
        frames.add(metadata);
        frames.add(content);
        if (message.getBlobs() != null) frames.addAll(message.getBlobs());
        return frames;
    }

    /** Encodes {@code message} and sends it on {@code socket} as one multipart message. */
    public void send(ZMQ.Socket socket, Message<?> message, HMACGenerator hmac) {
        List<byte[]> frames = encode(message, hmac);
        int last = frames.size() - 1;
        for (int i = 0; i < last; i++) socket.sendMore(frames.get(i));
        socket.send(frames.get(last));
    }

    private <T> Header<T> stamped(Header<T> h) {
        return new Header<>(h.getId(), h.getUsername(), h.getSessionId(), new KernelTimestamp(clock.next()),
                h.getType(), h.getVersion());
    }

    private byte[] json(Object o) {
        return gson.toJson(o).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Writes a date as the client sent it (parent headers), or, for a date made by jjava ({@link KernelTimestamp#now()}),
     * as ISO 8601 UTC with milliseconds. The kernel's own headers are re-stamped by {@link #encode} before this runs.
     */
    private static final class TimestampAdapter
            implements JsonSerializer<KernelTimestamp>, JsonDeserializer<KernelTimestamp> {
        @Override
        public JsonElement serialize(KernelTimestamp ts, Type type, JsonSerializationContext ctx) {
            String s = ts.getDateString();
            return new JsonPrimitive(s != null && JJAVA_DATE.matcher(s).matches()
                    ? MessageClock.format(ts.getDate().toInstant()) : s);
        }

        @Override
        public KernelTimestamp deserialize(JsonElement json, Type type, JsonDeserializationContext ctx) {
            return new KernelTimestamp(json.getAsString());
        }
    }
}

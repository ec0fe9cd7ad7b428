package org.diffuson.kernel;

import org.dflib.jjava.jupyter.messages.reply.ExecuteReply;

import java.util.List;
import java.util.Map;

/** An ok {@code execute_reply} carrying a pager payload ({@code source: "page"}), as IPython sends for {@code obj?}. */
final class PagedExecuteReply extends ExecuteReply {
    @SuppressWarnings("unused") // serialized by gson
    private final List<Map<String, Object>> payload;

    PagedExecuteReply(int executionCount, Map<String, Object> pageData) {
        super(executionCount, Map.of());
        this.payload = List.of(Map.of("source", "page", "data", pageData, "start", 0));
    }
}

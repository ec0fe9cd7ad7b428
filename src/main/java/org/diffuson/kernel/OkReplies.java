package org.diffuson.kernel;

import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.messages.reply.KernelInfoReply;

import java.util.ArrayList;
import java.util.List;

/**
 * Replies that jjava 1.0-a6 sends without the {@code status} field that the messaging spec requires (and
 * jupyter_kernel_test validates). History entries are sent as the spec's tuples.
 */
final class OkReplies {
    private OkReplies() {
    }

    static final class KernelInfo extends KernelInfoReply {
        @SuppressWarnings("unused") // serialized by gson
        private final String status = "ok";

        KernelInfo(String protocol, String name, String version, LanguageInfo lang, String banner, List<HelpLink> links) {
            super(protocol, name, version, lang, banner, links);
        }
    }

    /** Content of a {@code history_reply}; sent with {@code MessageType.HISTORY_REPLY}. */
    static final class History {
        @SuppressWarnings("unused") // serialized by gson
        private final String status = "ok";
        @SuppressWarnings("unused") // serialized by gson
        private final List<List<Object>> history = new ArrayList<>();

        History(List<HistoryEntry> entries) {
            for (HistoryEntry e : entries) {
                history.add(e.hasOutput()
                        ? List.of(e.getSession(), e.getCellNumber(), List.of(e.getInput(), e.getOutput()))
                        : List.of(e.getSession(), e.getCellNumber(), e.getInput()));
            }
        }
    }
}

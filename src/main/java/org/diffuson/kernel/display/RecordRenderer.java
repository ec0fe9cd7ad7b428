package org.diffuson.kernel.display;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;

/** Records (such as result objects) as an HTML summary table of their components plus their text form. */
final class RecordRenderer {
    private static final int MAX_VALUE_CHARS = 160;

    private RecordRenderer() {
    }

    static DisplayData bundle(Record r) {
        DisplayData data = new DisplayData(Renderers.text(r));
        StringBuilder sb = new StringBuilder("<table class=\"diffuson-record\"><caption style=\"caption-side:top;"
                + "text-align:left\"><b>").append(Html.escape(r.getClass().getSimpleName())).append("</b></caption>");
        for (Object[] row : Renderers.components(r)) {
            sb.append("<tr><th style=\"text-align:left\">").append(Html.escape((String) row[0]))
                    .append("</th><td style=\"text-align:left\">")
                    .append(Html.escape(Renderers.shortText(row[1], MAX_VALUE_CHARS))).append("</td></tr>");
        }
        data.putHTML(sb.append("</table>").toString());
        return data;
    }
}

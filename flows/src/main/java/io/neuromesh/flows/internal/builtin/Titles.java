package io.neuromesh.flows.internal.builtin;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code <title>} of an HTML page, whitespace collapsed and the common entities decoded. */
final class Titles {

    private static final Pattern TITLE = Pattern.compile("<title[^>]*>(.*?)</title\\s*>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private Titles() {
    }

    /** The title, or null when the page has none. */
    static String of(String html) {
        Matcher m = TITLE.matcher(html);
        if (!m.find()) {
            return null;
        }
        String title = m.group(1).replaceAll("\\s+", " ").strip()
                .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&nbsp;", " ").replace("&amp;", "&");
        return title.isEmpty() ? null : title;
    }
}

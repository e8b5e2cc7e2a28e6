package io.neuromesh.flows.internal.builtin;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Which redirects {@code http.fetch} follows: only within the origin it was sent to (same scheme, host and port), or
 * from {@code http} to {@code https} on the same host's default port. A redirect elsewhere (another host, another
 * port, another scheme) could point a worker at a machine its submitter could not name, so it fails the fetch.
 */
final class Redirects {

    /** HTTP statuses that redirect with a {@code Location}. */
    static final Set<Integer> STATUSES = Set.of(301, 302, 303, 307, 308);

    private Redirects() {
    }

    /**
     * The target of a redirect from {@code from} to {@code location}, resolved against {@code from}.
     *
     * @throws IOException when the target is not in {@code from}'s origin (the message says where it led and why)
     */
    static URI follow(URI from, String location) throws IOException {
        URI to;
        try {
            to = from.resolve(location.strip());
        } catch (IllegalArgumentException e) {
            throw new IOException("redirect to an invalid location '" + location + "'");
        }
        String scheme = to.getScheme() == null ? "" : to.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IOException("redirect to " + to + " refused: only http and https URLs are fetched");
        }
        boolean sameHost = to.getHost() != null && to.getHost().equalsIgnoreCase(from.getHost());
        boolean sameOrigin = sameHost && scheme.equalsIgnoreCase(from.getScheme()) && port(to) == port(from);
        boolean upgrade = sameHost && "http".equalsIgnoreCase(from.getScheme()) && scheme.equals("https")
                && port(from) == 80 && port(to) == 443;
        if (!sameOrigin && !upgrade) {
            throw new IOException("redirect to " + to + " refused: http.fetch follows redirects only within "
                    + from.getScheme() + "://" + from.getHost() + ":" + port(from) + " (or to https on the same host)");
        }
        return to;
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}

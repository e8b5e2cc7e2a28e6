package io.neuromesh.dashboard.internal.server;

import java.io.Serial;
import java.util.List;

/**
 * A request the dashboard cannot serve, with the HTTP status and a message for the page, sent as
 * {@code {"error":"<message>"}}.
 */
public final class ApiError extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final int status;
    private final List<String> details;

    public ApiError(int status, String message) {
        this(status, message, List.of());
    }

    /** @param details every problem, e.g. each error of an invalid topology ({@code "<where>: <what>"}) */
    public ApiError(int status, String message, List<String> details) {
        super(message);
        this.details = List.copyOf(details);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status: must be an HTTP error, 400-599, got " + status);
        }
        this.status = status;
    }

    /** @return 400: the request itself is wrong */
    public static ApiError badRequest(String message) {
        return new ApiError(400, message);
    }

    /** @return 404: what it names does not exist */
    public static ApiError notFound(String message) {
        return new ApiError(404, message);
    }

    /** @return every problem, sent as {@code "errors"}; empty when the message says it all */
    public List<String> details() {
        return details;
    }

    /** @return the HTTP status */
    public int status() {
        return status;
    }
}

package org.sitrep.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.sitrep.output.JsonOutput;

/** A JSON answer and its HTTP status. Errors are {@code {"error": "...", "status": N}}, never a stack trace. */
public record ApiResult(int status, JsonNode body) {
    public static ApiResult ok(JsonNode body) {
        return new ApiResult(200, body);
    }

    public static ApiResult error(int status, String message) {
        var n = JsonOutput.object();
        n.put("error", message);
        n.put("status", status);
        return new ApiResult(status, n);
    }

    public static ApiResult notFound(String message) {
        return error(404, message);
    }

    /** The store is not queryable right now (start-up, rebalance, an instance unreachable): try again shortly. */
    public static ApiResult unavailable(String message) {
        return error(503, message);
    }
}

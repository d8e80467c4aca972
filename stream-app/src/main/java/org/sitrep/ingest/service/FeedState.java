package org.sitrep.ingest.service;

import java.io.IOException;
import java.net.URI;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.sitrep.ingest.ArticleIds;

/**
 * What the service remembers of one feed between polls and restarts: the validators of its last 200 response (ETag,
 * Last-Modified) and the ids of the items already emitted or dead-lettered, newest last, at most {@code window} of
 * them. Stored as {@code <state_dir>/feed-<hash of the URL>.json}, written to a temporary file and moved into place,
 * so a crash leaves the old state or the new one, never half of one.
 */
public final class FeedState {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final URI url;
    private String etag;
    private String lastModified;
    private final LinkedHashSet<String> seen = new LinkedHashSet<>();

    private FeedState(Path file, URI url) {
        this.file = file;
        this.url = url;
    }

    /** The state file of {@code url} under {@code dir}. */
    public static Path fileOf(Path dir, URI url) {
        return dir.resolve("feed-" + ArticleIds.sha256Hex(url.toString()).substring(0, 20) + ".json");
    }

    /** Loads the feed's state, or an empty one when it has none yet. A corrupt file fails loudly rather than re-emitting. */
    public static FeedState load(Path dir, URI url) throws IOException {
        FeedState s = new FeedState(fileOf(dir, url), url);
        if (!Files.exists(s.file)) {
            return s;
        }
        JsonNode n = JSON.readTree(s.file.toFile());
        if (n == null || !n.isObject()) {
            throw new IOException("feed state " + s.file + " is not a JSON object; delete it to start the feed afresh");
        }
        s.etag = n.hasNonNull("etag") ? n.get("etag").asText() : null;
        s.lastModified = n.hasNonNull("last_modified") ? n.get("last_modified").asText() : null;
        n.path("seen").forEach(id -> s.seen.add(id.asText()));
        return s;
    }

    public String etag() {
        return etag;
    }

    public String lastModified() {
        return lastModified;
    }

    public boolean seen(String id) {
        return seen.contains(id);
    }

    public List<String> seenIds() {
        return new ArrayList<>(seen);
    }

    /**
     * Records a 200 response: its validators and the ids now emitted; the oldest ids beyond {@code window} are
     * forgotten (ids re-added move to the newest end, so items still in the feed are kept).
     */
    public void update(String newEtag, String newLastModified, List<String> ids, int window) {
        this.etag = newEtag;
        this.lastModified = newLastModified;
        for (String id : ids) {
            seen.remove(id);
            seen.add(id);
        }
        for (Iterator<String> it = seen.iterator(); seen.size() > window && it.hasNext(); ) {
            it.next();
            it.remove();
        }
    }

    public void save() throws IOException {
        ObjectNode n = JSON.createObjectNode();
        n.put("url", url.toString());
        n.put("etag", etag);
        n.put("last_modified", lastModified);
        var arr = n.putArray("seen");
        seen.forEach(arr::add);
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(n));
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}

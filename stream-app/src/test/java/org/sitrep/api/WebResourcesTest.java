package org.sitrep.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * The page's static files as packaged: everything the page loads is in the jar (no CDN, works offline), the vendored
 * map is the TopoJSON the decoder expects, and its license travels with it. The page itself runs in
 * {@code WebPageIT}.
 */
class WebResourcesTest {
    static final String WEB = "/org/sitrep/api/web/";

    @Test
    void everythingThePageLoadsIsPackaged() throws IOException {
        String html = text("index.html");
        List<String> refs = new ArrayList<>();
        Matcher m = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(html);
        while (m.find()) {
            refs.add(m.group(1));
        }
        assertThat(refs).contains("/web/style.css", "/web/topo.js", "/web/app.js");
        for (String ref : refs) {
            assertThat(ref).as("served by ApiServer's /web/{file}").matches("/web/[A-Za-z0-9_.-]+");
            assertThat(resource(ref.substring(5))).as(ref).isNotNull();
        }
        assertThat(text("app.js")).contains("/web/countries-110m.json", "/incidents?limit=", "EventSource(\"/incidents/stream\")");
        for (String name : List.of("index.html", "app.js", "topo.js", "style.css")) {
            // the only URL-looking text allowed is the SVG namespace
            assertThat(text(name).replace("http://www.w3.org/2000/svg", "")).as(name)
                .doesNotContainPattern("(?i)https?://").doesNotContain("//cdn", "@import");
        }
    }

    @Test
    void theVendoredMapIsQuantizedTopoJsonWithItsLicense() throws IOException {
        JsonNode topo;
        try (InputStream in = resource("countries-110m.json")) {
            topo = new ObjectMapper().readTree(in);
        }
        assertThat(topo.get("type").asText()).isEqualTo("Topology");
        assertThat(topo.get("transform").get("scale")).hasSize(2);
        JsonNode geometries = topo.get("objects").get("countries").get("geometries");
        assertThat(geometries.size()).isGreaterThan(150);
        List<String> names = new ArrayList<>();
        geometries.forEach(g -> names.add(g.path("properties").path("name").asText()));
        assertThat(names).contains("Mali", "Burkina Faso", "Niger", "Nigeria", "Chad", "Somalia");
        assertThat(text("world-atlas-LICENSE.txt")).contains("Michael Bostock", "Permission to use, copy, modify");
    }

    @Test
    void contentTypesOfThePageFiles() {
        assertThat(ApiServer.contentType("index.html")).startsWith("text/html");
        assertThat(ApiServer.contentType("app.js")).startsWith("text/javascript");
        assertThat(ApiServer.contentType("style.css")).startsWith("text/css");
        assertThat(ApiServer.contentType("countries-110m.json")).isEqualTo("application/json");
        assertThat(ApiServer.contentType("world-atlas-LICENSE.txt")).startsWith("text/plain");
    }

    private static InputStream resource(String name) {
        return WebResourcesTest.class.getResourceAsStream(WEB + name);
    }

    private static String text(String name) throws IOException {
        try (InputStream in = resource(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

package org.sitrep.registry;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * One registry base URL with its credentials taken out: {@code baseUrl} is safe to print, {@code authorization} is the
 * value of the {@code Authorization} header to send (null for none) and must never be printed.
 */
record RegistryEndpoint(String baseUrl, String authorization) {

    @Override
    public String toString() {
        return baseUrl;
    }

    /**
     * Parses comma-separated URLs. Each URL's user-info ({@code http://user:password@host}) becomes a basic
     * {@code Authorization} header unless {@code explicitAuthorization} is given, which then applies to every URL.
     */
    static List<RegistryEndpoint> parseAll(String urls, String explicitAuthorization) {
        if (urls == null || urls.isBlank()) {
            throw new IllegalArgumentException("No schema registry URL given");
        }
        List<RegistryEndpoint> endpoints = new ArrayList<>();
        for (String url : urls.split(",")) {
            if (!url.isBlank()) {
                endpoints.add(parse(url.trim(), explicitAuthorization));
            }
        }
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("No schema registry URL given");
        }
        return List.copyOf(endpoints);
    }

    static String basic(String user, String password) {
        String pair = user + ":" + password;
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private static RegistryEndpoint parse(String url, String explicitAuthorization) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            // the reason only: the input may hold a password
            throw new IllegalArgumentException("Invalid schema registry URL: " + e.getReason());
        }
        String scheme = uri.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme) || uri.getHost() == null) {
            throw new IllegalArgumentException("Schema registry URL must be http(s)://host[:port][/path], got "
                    + withoutUserInfo(uri));
        }
        String authorization = explicitAuthorization != null ? explicitAuthorization : fromUserInfo(uri.getUserInfo());
        return new RegistryEndpoint(withoutUserInfo(uri), authorization);
    }

    private static String fromUserInfo(String userInfo) {
        if (userInfo == null || userInfo.isEmpty()) {
            return null;
        }
        int colon = userInfo.indexOf(':');
        return colon < 0 ? basic(userInfo, "") : basic(userInfo.substring(0, colon), userInfo.substring(colon + 1));
    }

    private static String withoutUserInfo(URI uri) {
        StringBuilder out = new StringBuilder();
        out.append(uri.getScheme()).append("://").append(uri.getRawAuthority() == null ? "" : hostAndPort(uri));
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return out.append(path).toString();
    }

    private static String hostAndPort(URI uri) {
        return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    }
}

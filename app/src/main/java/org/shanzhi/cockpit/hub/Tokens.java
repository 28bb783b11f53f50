package org.shanzhi.cockpit.hub;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import org.shanzhi.cockpit.json.Json;

/**
 * Bearer tokens by role, kept in a JSON file {@code {"viewer": "…", "operator": "…", …}}. A
 * missing file is created with random tokens, readable by its owner only; a role the file does not
 * name yet gets one added.
 */
public final class Tokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<Role, String> byRole;

    private Tokens(Map<Role, String> byRole) {
        this.byRole = byRole;
    }

    public static Tokens loadOrCreate(Path file) {
        try {
            Map<Role, String> byRole = Files.exists(file) ? parse(file) : new EnumMap<>(Role.class);
            if (byRole.size() < Role.values().length) {
                // a new file, or one written before a role existed: the missing roles get tokens, the others keep theirs
                for (Role r : Role.values()) {
                    byRole.computeIfAbsent(r, x -> newToken());
                }
                write(file, byRole);
            }
            return new Tokens(byRole);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read or create " + file + ": " + e.getMessage(), e);
        }
    }

    /** A random token of 24 bytes, URL-safe. */
    static String newToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Map<Role, String> parse(Path file) throws IOException {
        JsonNode root = Json.MAPPER.readTree(file.toFile());
        if (root == null || !root.isObject()) {
            throw new IllegalStateException(file + ": expected a JSON object of role → token");
        }
        Map<Role, String> m = new EnumMap<>(Role.class);
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Role role;
            try {
                role = Role.ofKey(e.getKey());
            } catch (IllegalArgumentException ex) {
                throw new IllegalStateException(file + ": " + ex.getMessage() + "; roles are viewer, operator,"
                        + " leader, trainer, field-unit, ingest, district");
            }
            if (!e.getValue().isTextual() || e.getValue().asText().length() < 16) {
                throw new IllegalStateException(file + ": the token of " + e.getKey()
                        + " must be a string of at least 16 characters");
            }
            m.put(role, e.getValue().asText());
        }
        return m;
    }

    private static void write(Path file, Map<Role, String> tokens) throws IOException {
        Map<String, String> json = new LinkedHashMap<>();
        tokens.forEach((r, t) -> json.put(r.key(), t));
        writeOwnerOnly(file, json);
    }

    /**
     * Writes {@code json} to {@code file}, readable by its owner only (rw-------): a temporary file
     * beside it, moved over it, so that a reader never sees half a file.
     */
    static void writeOwnerOnly(Path file, Object json) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp;
        try {
            tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        }
        Files.writeString(tmp, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n");
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The role a presented token belongs to; compared in constant time. */
    public Optional<Role> roleOf(String token) {
        if (token == null) {
            return Optional.empty();
        }
        byte[] presented = token.getBytes(StandardCharsets.UTF_8);
        for (Map.Entry<Role, String> e : byRole.entrySet()) {
            if (MessageDigest.isEqual(presented, e.getValue().getBytes(StandardCharsets.UTF_8))) {
                return Optional.of(e.getKey());
            }
        }
        return Optional.empty();
    }

    public String tokenOf(Role role) {
        String t = byRole.get(role);
        if (t == null) {
            throw new IllegalStateException("no token configured for role " + role.key());
        }
        return t;
    }
}

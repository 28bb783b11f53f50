package org.shanzhi.cockpit.hub;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
 * missing file is created with random tokens, readable by its owner only.
 */
public final class Tokens {

    private final Map<Role, String> byRole;

    private Tokens(Map<Role, String> byRole) {
        this.byRole = byRole;
    }

    public static Tokens loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return parse(file);
            }
            Map<Role, String> generated = new EnumMap<>(Role.class);
            SecureRandom random = new SecureRandom();
            for (Role r : Role.values()) {
                byte[] bytes = new byte[24];
                random.nextBytes(bytes);
                generated.put(r, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
            }
            write(file, generated);
            return new Tokens(generated);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read or create " + file + ": " + e.getMessage(), e);
        }
    }

    private static Tokens parse(Path file) throws IOException {
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
                        + " leader, trainer, field-unit, ingest");
            }
            if (!e.getValue().isTextual() || e.getValue().asText().length() < 16) {
                throw new IllegalStateException(file + ": the token of " + e.getKey()
                        + " must be a string of at least 16 characters");
            }
            m.put(role, e.getValue().asText());
        }
        return new Tokens(m);
    }

    private static void write(Path file, Map<Role, String> tokens) throws IOException {
        Map<String, String> json = new LinkedHashMap<>();
        tokens.forEach((r, t) -> json.put(r.key(), t));
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        Files.writeString(file, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n",
                StandardOpenOption.TRUNCATE_EXISTING);
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

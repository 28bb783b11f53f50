package org.shanzhi.cockpit.hub;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

import org.shanzhi.cockpit.json.Json;

/**
 * Each field unit's own bearer token (a leader issues and revokes them), kept beside tokens.json in
 * {@code unit-tokens.json} as {@code {"U-…": "token"}}, readable by its owner only. A unit token
 * speaks as {@link Role#FIELD_UNIT} for its unit alone.
 */
public final class UnitTokens {

    private final Path file;
    /** unit id → token; replaced whole on each change, so that readers need no lock. */
    private volatile Map<String, String> byUnit;

    private UnitTokens(Path file, Map<String, String> byUnit) {
        this.file = file;
        this.byUnit = byUnit;
    }

    public static UnitTokens load(Path file) {
        Map<String, String> m = new TreeMap<>();
        try {
            if (Files.exists(file)) {
                JsonNode root = Json.MAPPER.readTree(file.toFile());
                if (root == null || !root.isObject()) {
                    throw new IllegalStateException(file + ": expected a JSON object of unit id → token");
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (!e.getValue().isTextual() || e.getValue().asText().length() < 16) {
                        throw new IllegalStateException(file + ": the token of " + e.getKey()
                                + " must be a string of at least 16 characters");
                    }
                    m.put(e.getKey(), e.getValue().asText());
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return new UnitTokens(file, m);
    }

    /** A new token for {@code unitId}, replacing its old one, written to the file before it is returned. */
    public synchronized String issue(String unitId) {
        Map<String, String> next = new TreeMap<>(byUnit);
        String token = Tokens.newToken();
        next.put(unitId, token);
        save(next);
        return token;
    }

    /** Forgets {@code unitId}'s token; false if it had none. */
    public synchronized boolean revoke(String unitId) {
        if (!byUnit.containsKey(unitId)) {
            return false;
        }
        Map<String, String> next = new TreeMap<>(byUnit);
        next.remove(unitId);
        save(next);
        return true;
    }

    public boolean issued(String unitId) {
        return byUnit.containsKey(unitId);
    }

    /** The unit a presented token belongs to; compared in constant time with every unit's. */
    public Optional<String> unitOf(String token) {
        if (token == null) {
            return Optional.empty();
        }
        byte[] presented = token.getBytes(StandardCharsets.UTF_8);
        String found = null;
        for (Map.Entry<String, String> e : byUnit.entrySet()) {
            if (MessageDigest.isEqual(presented, e.getValue().getBytes(StandardCharsets.UTF_8))) {
                found = e.getKey();
            }
        }
        return Optional.ofNullable(found);
    }

    private void save(Map<String, String> next) {
        try {
            Tokens.writeOwnerOnly(file, next);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + file + ": " + e.getMessage(), e);
        }
        byUnit = next;
    }
}

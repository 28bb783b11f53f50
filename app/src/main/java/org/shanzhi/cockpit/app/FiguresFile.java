package org.shanzhi.cockpit.app;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Supplier;

import org.shanzhi.cockpit.domain.FigureSettings;
import org.shanzhi.cockpit.domain.Incident;
import org.shanzhi.cockpit.domain.Kpi;
import org.shanzhi.cockpit.domain.PetitionFigures;
import org.shanzhi.cockpit.domain.ProactiveSources;
import org.shanzhi.cockpit.domain.Rejection;

/**
 * {@code figures.properties} in the data directory: the center's {@link FigureSettings}, read by the hub (its
 * {@code /kpis}) and by the wall (its panels) from the same place. A key not in the file keeps DOMAIN.md's default; no
 * file, all defaults. A bad key or value is refused at start with the file, the line and the key.
 */
final class FiguresFile {

    static final String NAME = "figures.properties";

    private static final FigureSettings D = FigureSettings.DEFAULT;

    /** Every key, in the order docs/FIGURES.md lists them. */
    static final List<String> KEYS = List.of("weights.response", "weights.resolution", "weights.satisfaction",
            "weights.basically-satisfied", "weights.partially-resolved", "minimum.revisits", "minimum.cases-due",
            "minimum.mediations", "minimum.reviewed-alerts", "proactive-sources", "petition-basis.from",
            "petition-basis.to", "petition-basis.visitors");

    private FiguresFile() {
    }

    /** The settings of the data directory {@code data}: its file's, or the defaults when it has none. */
    static FigureSettings read(Path data) {
        Path file = data.resolve(NAME);
        if (!Files.isRegularFile(file)) {
            return D;
        }
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Integer> lineOf = new LinkedHashMap<>();
        List<String> lines = lines(file);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
                continue;
            }
            Properties one = new Properties();
            try {
                one.load(new StringReader(line));
            } catch (IOException | IllegalArgumentException e) {
                throw new ConfigFile.Refused(file, i + 1, "cannot read this line: " + e.getMessage());
            }
            String key = one.stringPropertyNames().iterator().next();
            if (!KEYS.contains(key)) {
                throw new ConfigFile.Refused(file, i + 1, "unknown key '" + key + "'; the keys are " + String.join(", ", KEYS));
            }
            if (lineOf.containsKey(key)) {
                throw new ConfigFile.Refused(file, i + 1, key + ": given again (first on line " + lineOf.get(key) + ")");
            }
            values.put(key, one.getProperty(key).strip());
            lineOf.put(key, i + 1);
        }
        return new Reader(file, values, lineOf).settings();
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new ConfigFile.Refused(file, 1, "the file is not UTF-8 text");
        } catch (IOException e) {
            throw new ConfigFile.Refused(file, 1, "cannot read the file: " + e.getMessage());
        }
    }

    /** The values of one file, each turned into its setting; a fault names the key's line. */
    private record Reader(Path file, Map<String, String> values, Map<String, Integer> lineOf) {

        FigureSettings settings() {
            Kpi.Weights w = D.weights();
            Kpi.MinimumBase m = D.minimum();
            PetitionFigures.Basis b = D.petitionBasis();
            Kpi.Weights weights = build(List.of("weights.response", "weights.resolution", "weights.satisfaction",
                    "weights.basically-satisfied", "weights.partially-resolved"), () -> new Kpi.Weights(
                    share("weights.response", w.response()), share("weights.resolution", w.resolution()),
                    share("weights.satisfaction", w.satisfaction()),
                    share("weights.basically-satisfied", w.basicallySatisfied()),
                    share("weights.partially-resolved", w.partiallyResolved())));
            Kpi.MinimumBase minimum = new Kpi.MinimumBase(count("minimum.revisits", m.revisits()),
                    count("minimum.cases-due", m.casesDue()), count("minimum.mediations", m.mediations()),
                    count("minimum.reviewed-alerts", m.reviewedAlerts()));
            ProactiveSources proactive = build(List.of("proactive-sources"),
                    () -> values.containsKey("proactive-sources") ? new ProactiveSources(sources()) : D.proactive());
            boolean ownBasis = values.keySet().stream().anyMatch(k -> k.startsWith("petition-basis."));
            PetitionFigures.Basis basis = !ownBasis ? b : build(List.of("petition-basis.from", "petition-basis.to"),
                    () -> {
                        LocalDate from = date("petition-basis.from", b.from());
                        LocalDate to = date("petition-basis.to", b.to());
                        if (to.isBefore(from)) {
                            throw new Rejection("petition-basis", "to is before from");
                        }
                        return new PetitionFigures.Basis(from, to, count("petition-basis.visitors", b.visitors()),
                                NAME);
                    });
            return new FigureSettings(weights, minimum, proactive, basis);
        }

        /** A setting made of several keys; a fault between them names the last of those keys the file gives. */
        private <T> T build(List<String> keys, Supplier<T> make) {
            try {
                return make.get();
            } catch (Rejection e) {
                String key = keys.stream().filter(values::containsKey)
                        .max((a, c) -> Integer.compare(lineOf.get(a), lineOf.get(c))).orElse(keys.get(0));
                throw refused(key, e.getMessage());
            }
        }

        private double share(String key, double otherwise) {
            String v = values.get(key);
            if (v == null) {
                return otherwise;
            }
            try {
                double d = Double.parseDouble(v);
                if (d >= 0 && d <= 1) {
                    return d;
                }
            } catch (NumberFormatException e) {
                // said below
            }
            throw refused(key, "'" + v + "' is not a share from 0 to 1, like 0.35");
        }

        private int count(String key, int otherwise) {
            String v = values.get(key);
            if (v == null) {
                return otherwise;
            }
            if (!v.matches("\\d{1,9}") || Integer.parseInt(v) < 1) {
                throw refused(key, "'" + v + "' is not a whole number of at least 1");
            }
            return Integer.parseInt(v);
        }

        private LocalDate date(String key, LocalDate otherwise) {
            String v = values.get(key);
            if (v == null) {
                return otherwise;
            }
            try {
                return LocalDate.parse(v);
            } catch (DateTimeParseException e) {
                throw refused(key, "'" + v + "' is not a date like 2025-04-30");
            }
        }

        private Set<Incident.Source> sources() {
            Set<Incident.Source> sources = EnumSet.noneOf(Incident.Source.class);
            for (String name : values.get("proactive-sources").split(",")) {
                try {
                    sources.add(Incident.Source.valueOf(name.strip()));
                } catch (IllegalArgumentException e) {
                    throw refused("proactive-sources", "unknown source '" + name.strip() + "'; known: "
                            + EnumSet.allOf(Incident.Source.class));
                }
            }
            return sources;
        }

        private ConfigFile.Refused refused(String key, String reason) {
            return new ConfigFile.Refused(file, lineOf.get(key), key + ": " + reason);
        }
    }
}

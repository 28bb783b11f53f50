package org.shanzhi.cockpit.wall;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Format;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Both bundles hold the same keys, no empty text, and patterns that take the same arguments. */
class I18nTest {

    private final ResourceBundle zh = I18n.bundle(Locale.SIMPLIFIED_CHINESE);
    private final ResourceBundle en = I18n.bundle(Locale.ENGLISH);

    @AfterEach
    void reset() {
        I18n.setLocale(I18n.DEFAULT);
    }

    @Test
    void bundlesHaveTheSameKeys() {
        assertThat(new TreeSet<>(en.keySet())).isEqualTo(new TreeSet<>(zh.keySet()));
        assertThat(zh.keySet()).contains("cockpit.sentiment.title", "cockpit.city.title");
    }

    /** A key written in the code that no bundle holds would show as !key! on the wall. */
    @Test
    void everyKeyTheCodeNamesIsInTheBundle() throws IOException {
        Pattern call = Pattern.compile("I18n\\.t\\(\"([^\"]+)\"");
        Set<String> missing = new TreeSet<>();
        int seen = 0;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = call.matcher(Files.readString(f));
                while (m.find()) {
                    String key = m.group(1);
                    seen++;
                    // a prefix ("issuer." + …, or an enum's prefix completed by the constant) needs a key under it
                    String prefix = key.endsWith(".") ? key : key + ".";
                    boolean found = zh.containsKey(key) || zh.keySet().stream().anyMatch(k -> k.startsWith(prefix));
                    if (!found) {
                        missing.add(f.getFileName() + ": " + key);
                    }
                }
            }
        }
        assertThat(seen).as("keys found in the code").isGreaterThan(100);
        assertThat(missing).isEmpty();
    }

    /** The trainer's inject list names each expected action by its key. */
    @Test
    void everyTraineeActionHasItsWords() {
        for (org.shanzhi.cockpit.domain.debrief.Action a : org.shanzhi.cockpit.domain.debrief.Action.values()) {
            assertThat(zh.containsKey("drill.action." + a.name())).as("drill.action." + a.name()).isTrue();
        }
    }

    @Test
    void noTextIsEmpty() {
        for (ResourceBundle b : new ResourceBundle[] {zh, en}) {
            for (String k : b.keySet()) {
                assertThat(b.getString(k)).as("%s in %s", k, b.getLocale()).isNotBlank();
            }
        }
    }

    @Test
    void patternsTakeTheSameArguments() {
        for (String k : zh.keySet()) {
            assertThat(arguments(en.getString(k))).as(k).isEqualTo(arguments(zh.getString(k)));
        }
    }

    @Test
    void chineseIsTheDefaultWhateverTheMachineSays() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.US);
            I18n.setLocale(Locale.SIMPLIFIED_CHINESE);
            assertThat(I18n.t("cockpit.sentiment.title")).isEqualTo("社情民意");
            I18n.setLocale(Locale.ENGLISH);
            assertThat(I18n.t("cockpit.sentiment.title")).isEqualTo("Public sentiment");
            assertThat(I18n.t("cockpit.monitoring.cameras.caption", 1001, 1043)).isEqualTo("1,001 of 1,043 online");
            assertThat(I18n.t("no.such.key")).isEqualTo("!no.such.key!");
        } finally {
            Locale.setDefault(before);
        }
    }

    /** The argument numbers a pattern uses; parsing also proves the pattern is valid. */
    private static Set<Integer> arguments(String pattern) {
        MessageFormat f = new MessageFormat(pattern, Locale.ROOT);
        Set<Integer> used = new TreeSet<>();
        Format[] byArg = f.getFormatsByArgumentIndex();
        // formats by index only covers arguments with a format; find the plain ones by trying each index
        for (int i = 0; i < 10; i++) {
            Object[] args = new Object[10];
            args[i] = 7_654_321;
            String with = f.format(args);
            args[i] = null;
            if (!with.equals(f.format(args))) {
                used.add(i);
            }
        }
        assertThat(byArg.length).isLessThanOrEqualTo(10);
        return used;
    }
}

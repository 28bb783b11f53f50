package org.shanzhi.cockpit.wall;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javafx.scene.Node;
import javafx.scene.paint.Color;

/**
 * The one wall theme: the stylesheet, the state classes and the palette. The colours live only in the
 * {@code .root} tokens of {@code css/wall.css}; code that must paint (TilesFX) reads them here.
 */
public final class Theme {

    public static final String CRITICAL = "state-critical";
    public static final String WARNING = "state-warning";
    public static final String OK = "state-ok";
    public static final String STALE = "state-stale";
    public static final String INFO = "state-info";

    /** Official signal colours (weather warnings, dispute risk). */
    public static final String SIGNAL_RED = "signal-red";
    public static final String SIGNAL_ORANGE = "signal-orange";
    public static final String SIGNAL_YELLOW = "signal-yellow";
    public static final String SIGNAL_BLUE = "signal-blue";

    public static final List<String> STATES = List.of(CRITICAL, WARNING, OK, STALE, INFO,
            SIGNAL_RED, SIGNAL_ORANGE, SIGNAL_YELLOW, SIGNAL_BLUE);

    public static final String PANEL = "panel";
    public static final String PANEL_HEADER = "panel-header";
    public static final String PANEL_TITLE = "panel-title";
    public static final String PANEL_CLOCK = "panel-clock";
    public static final String KPI = "kpi";
    public static final String KPI_TITLE = "kpi-title";
    public static final String KPI_CAPTION = "kpi-caption";
    public static final String KPI_MISSING = "kpi-missing";
    public static final String KPI_EMPTY = "kpi-empty";
    public static final String KPI_BIG = "kpi-big";
    public static final String STATUS_LIST = "status-list";
    public static final String STATUS_ROW = "status-row";
    public static final String STATUS_MARKER = "status-marker";
    public static final String STATUS_TEXT = "status-text";
    public static final String STATUS_DETAIL = "status-detail";
    public static final String STATUS_MORE = "status-more";
    public static final String FIGURE_TABLE = "figure-table";
    public static final String FIGURE_HEAD = "figure-head";
    public static final String FIGURE_NAME = "figure-name";
    public static final String FIGURE_VALUE = "figure-value";
    public static final String FIGURE_EXTRA = "figure-extra";
    public static final String RANKING = "ranking";
    public static final String RANKING_NAME = "ranking-name";
    public static final String RANKING_VALUE = "ranking-value";
    public static final String RANKING_BAR = "ranking-bar";

    private static final String RESOURCE = "/css/wall.css";
    private static final Pattern TOKEN = Pattern.compile("(-wall-[a-z-]+)\\s*:\\s*([^;]+);");
    private static final Map<String, Color> PALETTE = readPalette();

    private Theme() {
    }

    public static String stylesheet() {
        URL url = Theme.class.getResource(RESOURCE);
        if (url == null) {
            throw new IllegalStateException(RESOURCE + " is missing from the classpath");
        }
        return url.toExternalForm();
    }

    /** A token of the palette, e.g. {@code -wall-surface}. */
    public static Color token(String name) {
        Color c = PALETTE.get(name);
        if (c == null) {
            throw new IllegalArgumentException("no colour token " + name + " in " + RESOURCE);
        }
        return c;
    }

    /** The colour of a state class, e.g. {@code color(Theme.CRITICAL)}. */
    public static Color color(String state) {
        return token("-wall-" + state.replaceFirst("^state-", ""));
    }

    public static Map<String, Color> palette() {
        return PALETTE;
    }

    /** Gives a node exactly one state class (or none, with null). */
    public static void setState(Node node, String state) {
        node.getStyleClass().removeAll(STATES);
        if (state != null) {
            node.getStyleClass().add(state);
        }
    }

    private static Map<String, Color> readPalette() {
        String css;
        try (InputStream in = Theme.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int start = css.indexOf(".root");
        String root = css.substring(start, css.indexOf('}', start));
        Map<String, String> raw = new LinkedHashMap<>();
        Matcher m = TOKEN.matcher(root);
        while (m.find()) {
            raw.put(m.group(1), m.group(2).trim());
        }
        Map<String, Color> out = new LinkedHashMap<>();
        for (String name : raw.keySet()) {
            String v = raw.get(name);
            for (int hops = 0; v.startsWith("-wall-") && hops < 8; hops++) {
                v = raw.get(v);
            }
            out.put(name, Color.web(v));
        }
        return Collections.unmodifiableMap(out);
    }
}

package org.shanzhi.cockpit.wall;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.text.Text;

/**
 * The words an operator must not meet on the wall: the software's own (a token, a sequence number, a bad frame
 * skipped, the hub, a command-line option) and the old names of things that now have one name (物联感知告警 for a sensor alarm, 指挥平台
 * for the backend, 不在岗 for a unit not at work).
 */
public final class Vocabulary {

    /** Developer words, in either language; matched case-insensitively, Latin ones as whole words. */
    static final List<String> DEVELOPER_WORDS = List.of("令牌", "跳过坏帧", "坏帧", "序号", "枢纽", "后端", "服务器",
            "异常栈", "token", "seq", "hub", "backend", "server", "json", "null", "nan", "exception", "journal",
            "websocket", "http");

    /** Names replaced by the center's own: the old word, then the one the wall says. */
    static final List<List<String>> OLD_NAMES = List.of(
            List.of("传感器告警", "物联感知告警"), List.of("传感器报警", "物联感知告警"), List.of("物联告警", "物联感知告警"),
            List.of("连接枢纽", "指挥平台"), List.of("连不上指挥中心", "指挥平台"), List.of("连接指挥中心", "指挥平台"),
            List.of("指挥中心拒绝", "指挥平台"), List.of("指挥中心接受", "指挥平台"), List.of("送达指挥中心", "指挥平台"),
            List.of("信息员上报", "情报信息上报"), List.of("闭环率", "按期结案率"));

    private Vocabulary() {
    }

    /** What is wrong with a text shown to an operator: each developer word or old name in it; empty when none. */
    public static List<String> offences(String text) {
        List<String> out = new ArrayList<>();
        String lower = text.toLowerCase(Locale.ROOT);
        for (String w : DEVELOPER_WORDS) {
            boolean latin = w.chars().allMatch(c -> c < 128);
            if (latin ? lower.matches("(?s).*(?<![a-z])" + w + "(?![a-z]).*") : lower.contains(w)) {
                out.add(w + " in “" + text + "”");
            }
        }
        if (text.matches("(?s).*(?<![\\w-])--[a-z].*")) {
            out.add("a command-line option in “" + text + "”"); // an operator does not start the wall
        }
        for (List<String> old : OLD_NAMES) {
            if (text.contains(old.get(0))) {
                out.add(old.get(0) + " (say " + old.get(1) + ") in “" + text + "”");
            }
        }
        return out;
    }

    /** Every text a node shows (labels, buttons, texts, fields), visible or not, through its whole tree. */
    public static List<String> shownTexts(Node root) {
        List<String> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(Node n, List<String> out) {
        if (n instanceof Labeled l && l.getText() != null) {
            out.add(l.getText());
        } else if (n instanceof Text t && t.getText() != null) {
            out.add(t.getText());
        } else if (n instanceof TextInputControl t) {
            out.add(t.getText() == null ? "" : t.getText());
            if (t.getPromptText() != null) {
                out.add(t.getPromptText());
            }
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collect(c, out);
            }
        }
    }

    /** The offences in every text a node shows. */
    public static List<String> offencesShown(Node root) {
        List<String> out = new ArrayList<>();
        for (String t : shownTexts(root)) {
            out.addAll(offences(t));
        }
        return out;
    }
}

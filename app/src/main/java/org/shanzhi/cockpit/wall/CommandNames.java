package org.shanzhi.cockpit.wall;

/** What a command the wall sent was, in the operator's words, from the hub path it went to. */
final class CommandNames {

    private CommandNames() {
    }

    /** e.g. {@code /api/v1/incidents/INC-1/dispatch} → 派遣（案件 INC-1）. */
    static String of(String path) {
        String[] p = path.replaceFirst("^/api/v1/", "").split("/");
        if (p.length == 3 && p[0].equals("incidents") && (p[2].equals("dispatch") || p[2].equals("orders"))) {
            return I18n.t("command." + p[2], p[1]);
        }
        if (p.length == 3 && p[0].equals("orders") && (p[2].equals("reassign") || p[2].equals("advance"))) {
            return I18n.t("command.order." + p[2], p[1]);
        }
        if (p.length == 1 && p[0].equals("instructions")) {
            return I18n.t("command.instruction");
        }
        return I18n.t("command.other");
    }
}

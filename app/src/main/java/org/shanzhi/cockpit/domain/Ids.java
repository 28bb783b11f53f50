package org.shanzhi.cockpit.domain;

/** How new entries are named, in one place. */
public final class Ids {

    private Ids() {
    }

    /** A case a person opens (a command, an accepted AI alert) is named by the seq its event becomes. */
    public static String incidentOpenedBy(Situation s) {
        return "INC-" + (s.seq() + 1);
    }
}

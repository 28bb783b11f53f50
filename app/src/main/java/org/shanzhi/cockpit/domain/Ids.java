package org.shanzhi.cockpit.domain;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How new entries are named, in one place. A case a person opens is named by the seq its event
 * becomes; what the simulated day makes is named by family, day and number.
 */
public final class Ids {

    /** 12345 orders (工单). */
    public static final String COMPLAINT = "GD";
    /** Video-AI alerts. */
    public static final String AI_ALERT = "AI";
    /** Cases (案件) the simulated day opens. */
    public static final String INCIDENT = "AJ";
    /** Disputes (纠纷). */
    public static final String DISPUTE = "JF";
    /** Petitions (信访). */
    public static final String PETITION = "XF";
    /** Intelligence reports (情报). */
    public static final String INTEL = "QB";
    /** 吹哨 calls (吹哨). */
    public static final String WHISTLE = "CS";
    /** Weather warnings (预警). */
    public static final String WARNING = "YJ";
    /** Outages (停电). */
    public static final String OUTAGE = "TD";
    /** Orders (指令) the simulated center issues. */
    public static final String ORDER = "ZL";

    /** What {@link #daily} makes: a prefix, the date (with its offset), a number. */
    private static final Pattern DAILY = Pattern.compile("([A-Z]+)-\\d{8}(Z|[+-]\\d{4})?-\\d{4,}");

    private Ids() {
    }

    /** A case a person opens (a command, an accepted AI alert) is named by the seq its event becomes. */
    public static String incidentOpenedBy(Situation s) {
        return "INC-" + (s.seq() + 1);
    }

    /** An order (指令) is named by the seq its {@code OrderIssued} becomes: the {@code index}th event of the batch. */
    public static String orderIssuedBy(Situation s, int index) {
        return "ZL-" + (s.seq() + 1 + index);
    }

    /** A 批示 is named by the seq its {@code InstructionIssued} becomes. */
    public static String instructionIssuedBy(Situation s) {
        return "PS-" + (s.seq() + 1);
    }

    /** A 吹哨 the street blows from a case is named by the seq its {@code WhistleBlown} becomes. */
    public static String whistleBlownBy(Situation s) {
        return WHISTLE + "-" + (s.seq() + 1);
    }

    /**
     * The {@code n}th id of {@code prefix} on the day of {@code at}: {@code PREFIX-yyyyMMdd+0800-nnnn}
     * (the date as {@code BASIC_ISO_DATE} writes a zoned date, offset and all: journals have always had it so).
     */
    public static String daily(String prefix, ZonedDateTime at, int n) {
        return prefix + "-" + at.format(DateTimeFormatter.BASIC_ISO_DATE) + "-" + String.format("%04d", n);
    }

    /** Whether {@code id} is one {@link #daily} makes with {@code prefix}. */
    public static boolean isDaily(String prefix, String id) {
        if (id == null) {
            return false;
        }
        Matcher m = DAILY.matcher(id);
        return m.matches() && m.group(1).equals(prefix);
    }
}

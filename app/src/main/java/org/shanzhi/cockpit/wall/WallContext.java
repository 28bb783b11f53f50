package org.shanzhi.cockpit.wall;

import java.util.function.Supplier;

import org.shanzhi.cockpit.feed.FeedStatus;
import org.shanzhi.cockpit.feed.HubCommands;

/**
 * What widgets may need besides the situation: how current it is, where it comes from, the token to read it
 * with ({@code token} null: no hub to ask, e.g. a snapshot; video tiles then show no picture), the token's role
 * when the wall knows it ({@code role}: "viewer", "operator", … as in tokens.json; null for a token given on the
 * command line, whose rights only the hub knows), the links between the widgets of the wall, and the one way its
 * commands go to the hub ({@code commands}, with its outbox; null without a hub).
 */
public record WallContext(Supplier<FeedStatus> feedStatus, String source, String token, String role,
                          WallLinks links, HubCommands commands) {

    /** A context whose commands wait in memory only (a wall with no place on disk, a test). */
    public WallContext(Supplier<FeedStatus> feedStatus, String source, String token, String role, WallLinks links) {
        this(feedStatus, source, token, role, links, hasHub(source, token) ? new HubCommands(source, token) : null);
    }

    public WallContext(Supplier<FeedStatus> feedStatus, String source, String token, WallLinks links) {
        this(feedStatus, source, token, null, links);
    }

    public WallContext(Supplier<FeedStatus> feedStatus, String source, String token) {
        this(feedStatus, source, token, null, new WallLinks());
    }

    public WallContext(Supplier<FeedStatus> feedStatus, String source) {
        this(feedStatus, source, null);
    }

    /** Whether the token may send a dispatch order: false only for a role known not to (the hub has the last word). */
    public boolean mayDispatch() {
        return hasHub() && (role == null || role.equals("operator") || role.equals("leader") || role.equals("district"));
    }

    /** The seat's name as an operator reads it (值班员, 训练员 …), not the role's key; 未注明 when the wall does not know it. */
    public String seat() {
        return I18n.t(role == null ? "seat.unknown" : "seat." + role);
    }

    /** Whether the case may be closed (结案) from this seat: the leader's right (the hub has the last word). */
    public boolean mayClose() {
        return hasHub() && (role == null || role.equals("leader"));
    }

    /**
     * Whether the hub has not answered since the wall started: what the wall shows then is at most the picture it kept
     * from its last run ({@code feed/SituationCache}), and no command may rest on it.
     */
    public boolean notYetConnected() {
        FeedStatus s = feedStatus == null ? null : feedStatus.get();
        return s != null && (s.state() == FeedStatus.State.CONNECTING || s.state() == FeedStatus.State.KEPT);
    }

    /** Whether {@code source} is a hub that video can be read from. */
    public boolean hasHub() {
        return hasHub(source, token);
    }

    /** Whether the 批示 may be written: the district's and the leader's seats (the hub has the last word). */
    public boolean mayInstruct() {
        return hasHub() && (role == null || role.equals("leader") || role.equals("district"));
    }

    private static boolean hasHub(String source, String token) {
        return token != null && source != null && (source.startsWith("http://") || source.startsWith("https://"));
    }
}

package org.shanzhi.cockpit.wall.video;

import java.time.Instant;
import java.util.Objects;

import javafx.animation.AnimationTimer;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Window;

import org.shanzhi.cockpit.domain.Camera;
import org.shanzhi.cockpit.domain.FieldUnit;
import org.shanzhi.cockpit.domain.UnitStatus;
import org.shanzhi.cockpit.wall.WallContext;

/**
 * One camera's picture outside the video grid (the incident screen's body-cam): a {@link VideoTile} that plays its
 * camera while it is in a showing window, with its own pump.
 */
public final class CameraPlayer {

    private final WallContext context;
    private final Libvlc vlc;
    private final VideoTile tile;
    private final ObservableValue<Boolean> showing;
    private final AnimationTimer pump = new AnimationTimer() {
        @Override
        public void handle(long now) {
            tile.pump();
        }
    };
    private boolean pumping;

    public CameraPlayer(WallContext context) {
        this.context = context;
        boolean video = context != null && context.hasHub();
        this.vlc = video ? Libvlc.shared() : Libvlc.absent("no hub");
        this.tile = new VideoTile(video);
        showing = tile.sceneProperty().flatMap(Scene::windowProperty).flatMap(Window::showingProperty).orElse(false);
        showing.addListener((o, was, is) -> sync());
    }

    /** The body-cam of {@code u} as the hub serves it ({@code /video/unit/{id}.mjpg}); null for no unit. */
    public static Camera bodyCam(FieldUnit u) {
        return u == null ? null : new Camera(u.id(), u.name() == null ? u.id() : u.name(), u.at(), null,
                false, u.status() != UnitStatus.OFF, "/video/unit/" + u.id() + ".mjpg");
    }

    public Node node() {
        return tile;
    }

    /** Shows {@code c} (null: none) and plays it while shown; a camera equal to the one shown changes nothing. */
    public void show(Camera c, Instant now) {
        if (tile.camera() != null && Objects.equals(c, tile.camera())) {
            return;
        }
        tile.show(c, null, now, false);
        sync();
    }

    private void sync() {
        boolean live = context != null && context.hasHub() && Boolean.TRUE.equals(showing.getValue());
        String url = live ? VideoWidget.streamUrl(tile.camera(), context.source()) : null;
        tile.play(url, url != null && url.startsWith(context.source()) ? context.token() : null, vlc);
        if (tile.playback() != null && !pumping) {
            pumping = true;
            pump.start();
        } else if (tile.playback() == null && pumping) {
            pumping = false;
            pump.stop();
        }
    }
}

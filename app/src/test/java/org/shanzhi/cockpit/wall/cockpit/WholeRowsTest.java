package org.shanzhi.cockpit.wall.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.wall.StormDay;
import org.shanzhi.cockpit.wall.Theme;
import org.shanzhi.cockpit.wall.Widget;
import org.shanzhi.cockpit.wall.WidgetHarness;
import org.shanzhi.cockpit.wall.layout.WidgetType;

/**
 * The laptop's panels with the alarm bar down (its 60 px taken from the screen's 21 rows): every list shows whole rows
 * only, and says how many more it hides.
 */
class WholeRowsTest {

    /** The alarm bar's height on a 1080 px screen, and the share a panel of 10 of the laptop's 21 rows gives up. */
    static final double ALARM_BAR = 60;
    static final double SHARE = 10.0 / 21;

    static Situation storm;

    @BeforeAll
    static void fx() throws Exception {
        PanelHarness.start();
        storm = StormDay.evening();
    }

    @Test
    void theSentimentPanelsListsShowWholeRowsUnderTheAlarmBar() throws Exception {
        List<String> cut = cutRows(SentimentPanel::new, WidgetType.SENTIMENT);
        assertThat(cut).as("rows cut by the cell's bottom").isEmpty();
    }

    @Test
    void theMonitoringPanelsListsShowWholeRowsUnderTheAlarmBar() throws Exception {
        List<String> cut = cutRows(MonitoringPanel::new, WidgetType.MONITORING);
        assertThat(cut).as("rows cut by the cell's bottom").isEmpty();
    }

    @Test
    void aListThatHidesRowsSaysHowMany() throws Exception {
        SentimentPanel p = mountUnderAlarmBar(SentimentPanel::new, WidgetType.SENTIMENT);
        // the 三率 table's four rates and their header do not all fit: the last are counted, not cut
        List<String> more = PanelHarness.fx(() -> visibleTexts(p.rates, Theme.STATUS_MORE));
        assertThat(more).singleElement().asString().matches("另有 \\d+ 项");
    }

    private static <P extends Widget> P mountUnderAlarmBar(Callable<P> make, WidgetType type) throws Exception {
        WidgetHarness.Sized at = WidgetHarness.shipped("laptop", "cockpit", type);
        P p = PanelHarness.mount(make, at.width(), Math.floor(at.height() - ALARM_BAR * SHARE));
        PanelHarness.show(p, storm);
        return p;
    }

    private static List<String> cutRows(Callable<? extends Widget> make, WidgetType type) throws Exception {
        Widget p = mountUnderAlarmBar(make, type);
        return PanelHarness.fx(() -> {
            List<String> cut = new ArrayList<>();
            for (String list : List.of(Theme.RANKING, Theme.FIGURE_TABLE, Theme.STATUS_LIST)) {
                for (Node body : p.node().lookupAll("." + list)) {
                    if (!body.isVisible()) {
                        continue;
                    }
                    // the cell's body clips the list at its own height
                    Node clip = body.getParent();
                    double bottom = clip.localToScene(clip.getLayoutBounds()).getMaxY();
                    for (Node row : ((Region) body).getChildrenUnmodifiable()) {
                        if (row.isVisible() && row.localToScene(row.getLayoutBounds()).getMaxY() > bottom + 0.5) {
                            cut.add(list + ": " + String.join(" ", PanelHarness.texts(row)));
                        }
                    }
                }
            }
            return cut;
        });
    }

    private static List<String> visibleTexts(Node root, String styleClass) {
        List<String> out = new ArrayList<>();
        for (Node n : root.lookupAll("." + styleClass)) {
            if (n.isVisible() && n instanceof Label l) {
                out.add(l.getText());
            }
        }
        return out;
    }
}

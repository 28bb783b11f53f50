package org.shanzhi.cockpit.wall.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import javafx.scene.Scene;
import javafx.scene.control.OverrunStyle;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

import org.shanzhi.cockpit.wall.Theme;
import org.shanzhi.cockpit.wall.WidgetHarness;

/** Community names cut short in a narrow cell stay apart: 和义西里第一 and 第二 do not both read 和义西… */
class CutNamesTest {

    /** As the trend warning writes them, less 社区. */
    static final List<String> SHORT = List.of("和义西里第一", "和义西里第二", "和义西里第三");

    @BeforeAll
    static void fx() throws Exception {
        WidgetHarness.start();
    }

    @Test
    void aStatusListToldToKeepTheEndsKeepsThem() throws Exception {
        StatusList list = WidgetHarness.fx(() -> new StatusList("诉求趋势预警", 3));
        WidgetHarness.fx(() -> {
            list.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
            list.show(SHORT.stream().map(n -> new StatusList.Row(n, n, "69 · 均9.0", Theme.WARNING)).toList());
            return null;
        });
        assertThat(shown(list, Theme.STATUS_TEXT)).hasSize(3).doesNotHaveDuplicates()
                .allMatch(t -> !SHORT.contains(t), "cut short");
    }

    /** The texts drawn (cut) of the labels with a style class, in the wall's type in a cell as wide as a laptop panel's. */
    private static List<String> shown(Region cell, String styleClass) throws Exception {
        FxToolkit.setupStage(stage -> {
            Scene scene = new Scene(cell, 230, 220);
            scene.getStylesheets().add(Theme.stylesheet());
            stage.setScene(scene);
            stage.show();
        });
        return WidgetHarness.fx(() -> {
            cell.applyCss();
            cell.layout();
            return cell.lookupAll("." + styleClass).stream()
                    .map(n -> ((Text) n.lookup(".text")).getText()).toList();
        });
    }
}

package org.shanzhi.cockpit.wall.map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.testfx.api.FxToolkit;

import org.shanzhi.cockpit.wall.I18n;

/** What every map test on the FX stage starts and ends with: the shared stage in Chinese, no popup left over. */
abstract class MapFxTest {

    @BeforeAll
    static void stage() throws Exception {
        FxToolkit.registerPrimaryStage();
        I18n.setLocale(I18n.DEFAULT);
    }

    @AfterEach
    void popups() throws Exception {
        MapWidgetTest.closePopups();
    }
}

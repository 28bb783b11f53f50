package org.shanzhi.cockpit.wall;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.shanzhi.cockpit.hub.Role;

/** A seat is named to an operator in words (训练员), never by its role's key (trainer). */
class WallContextTest {

    @AfterEach
    void chinese() {
        I18n.setLocale(I18n.DEFAULT);
    }

    @Test
    void everyRoleHasASeatNameInBothLanguages() {
        for (Locale l : new Locale[] {I18n.DEFAULT, Locale.ENGLISH}) {
            I18n.setLocale(l);
            for (Role r : Role.values()) {
                String seat = new WallContext(() -> null, "http://hub", "t", r.key(), new WallLinks()).seat();
                assertThat(seat).as(r.key()).isNotBlank().doesNotContain("!");
                if (l == I18n.DEFAULT) {
                    assertThat(seat).as(r.key()).doesNotContainPattern("[a-z]");
                }
            }
        }
        I18n.setLocale(I18n.DEFAULT);
        assertThat(new WallContext(() -> null, "http://hub", "t", "trainer", new WallLinks()).seat()).isEqualTo("训练员");
        assertThat(new WallContext(() -> null, "http://hub", "t").seat()).isEqualTo("未注明");
        assertThat(I18n.t("triage.role", new WallContext(() -> null, "http://hub", "t", "trainer", new WallLinks())
                .seat())).isEqualTo("当前身份(训练员)无研判权限,需值班员或值班领导身份");
    }
}

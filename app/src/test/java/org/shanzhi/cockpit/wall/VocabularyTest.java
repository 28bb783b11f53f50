package org.shanzhi.cockpit.wall;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import org.junit.jupiter.api.Test;

import org.shanzhi.cockpit.domain.ComplaintState;
import org.shanzhi.cockpit.domain.Incident;
import org.shanzhi.cockpit.domain.UnitStatus;

/** The wall speaks the center's words: none of the software's own, and one name for each thing. */
class VocabularyTest {

    @Test
    void noTextInEitherBundleHasADeveloperWordOrAnOldName() {
        List<String> found = new ArrayList<>();
        for (Locale l : new Locale[] {Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH}) {
            ResourceBundle b = I18n.bundle(l);
            for (String k : b.keySet()) {
                for (String o : Vocabulary.offences(b.getString(k))) {
                    found.add(l + " " + k + ": " + o);
                }
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void theListCatchesWhatItShould() {
        assertThat(Vocabulary.offences("正在连接枢纽… 3 秒")).hasSize(2); // a developer word and an old name
        assertThat(Vocabulary.offences("令牌已失效")).hasSize(1);
        assertThat(Vocabulary.offences("Connecting to the hub")).hasSize(1);
        assertThat(Vocabulary.offences("seq 42")).hasSize(1);
        assertThat(Vocabulary.offences("请以训练员席位打开大屏:--seat trainer")).hasSize(1);
        assertThat(Vocabulary.offences("—— 无 ——")).isEmpty();
        assertThat(Vocabulary.offences("传感器告警 3 个")).hasSize(1);
        // a word that merely contains one is not one
        assertThat(Vocabulary.offences("Subsequent · GitHub")).isEmpty();
        assertThat(Vocabulary.offences("物联感知告警 · 指挥平台 · 街道指挥中心")).isEmpty();
    }

    @Test
    void theCentersWordsAreTheOnesOnTheWall() {
        I18n.setLocale(Locale.SIMPLIFIED_CHINESE);
        try {
            assertThat(I18n.t("wall.title", "值班台")).startsWith("善治和义 · 集中指挥驾驶舱");
            assertThat(I18n.t("status.connecting", 3)).contains("指挥平台");
            assertThat(I18n.t("cockpit.city.sensors")).isEqualTo("物联感知告警");
            assertThat(I18n.t("cockpit.monitoring.sensors", 2)).startsWith("物联感知告警");
            assertThat(I18n.t("alarm.sensor", "积水", "S-1", 1.0, "cm")).startsWith("物联感知告警");
            assertThat(I18n.t("cockpit.safety.intel.caption", 1)).contains("情报信息上报");
            assertThat(I18n.t("cockpit.safety.quiet") + " 12 " + I18n.t("unit.days")).isEqualTo("群体访零发生 · 连续 12 天");
            assertThat(I18n.t("complaintState", ComplaintState.REPLIED)).isEqualTo("办结反馈");
            // a unit not at work is 不在岗; 离线 is a camera's
            assertThat(StateStyle.unit(UnitStatus.OFF).label()).isEqualTo("不在岗");
            assertThat(UnitStatus.OFF.zh).isEqualTo("不在岗");
            assertThat(I18n.t("map.camera.offline")).isEqualTo("离线");
            // one severity scale: the board's four words
            assertThat(List.of(Incident.Severity.values()).stream().map(s -> StateStyle.severity(s).label()))
                    .containsExactly("一般", "较急", "紧急", "特急");
        } finally {
            I18n.setLocale(I18n.DEFAULT);
        }
    }
}

package org.shanzhi.cockpit.wall.layout;

import java.util.Arrays;
import java.util.Optional;

/** What a layout can place on a screen; {@link #id} is the name used in the layout files and the schema's enum. */
public enum WidgetType {
    CITY("cockpit.city", "城市运行"),
    MONITORING("cockpit.monitoring", "监测预警"),
    SENTIMENT("cockpit.sentiment", "社情民意"),
    SAFETY("cockpit.safety", "安全稳定"),
    MAP("map", "社区民情一张图"),
    VIDEO("video", "视频监控"),
    INCIDENTS("incidents", "事件调度"),
    INCIDENT("incident", "案件指挥"),
    ORDERS("orders", "指令"),
    INSTRUCTIONS("instructions", "批示"),
    TRIAGE("triage", "AI预警研判"),
    DRILL("drill", "演练控制"),
    STATUS("status", "连接状态");

    public final String id;
    public final String zh;

    WidgetType(String id, String zh) {
        this.id = id;
        this.zh = zh;
    }

    public boolean isPanel() {
        return id.startsWith("cockpit.");
    }

    public static Optional<WidgetType> byId(String id) {
        return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
    }
}

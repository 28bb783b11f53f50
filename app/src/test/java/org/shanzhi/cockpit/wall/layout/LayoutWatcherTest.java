package org.shanzhi.cockpit.wall.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayoutWatcherTest {

    @TempDir
    Path dir;

    final BlockingQueue<LayoutResult> results = new LinkedBlockingQueue<>();
    LayoutWatcher watcher;
    String laptop;

    @BeforeEach
    void start() throws IOException {
        laptop = Files.readString(Paths.get(System.getProperty(LayoutLoader.LAYOUTS_PROPERTY), "laptop.json"));
        Files.writeString(dir.resolve("laptop.json"), laptop);
        watcher = LayoutWatcher.start(LayoutLoader.of(dir), results::add);
    }

    @AfterEach
    void stop() {
        watcher.close();
    }

    @Test
    void aSavedChangeIsDeliveredOnceTheFileIsQuiet() throws Exception {
        // an editor saving in several writes gives one reload
        Files.writeString(dir.resolve("laptop.json"), laptop.replace("\"笔记本\"", "\"笔记本 1\""));
        Files.writeString(dir.resolve("laptop.json"), laptop.replace("\"笔记本\"", "\"笔记本 2\""));
        Files.writeString(dir.resolve("laptop.json"), laptop.replace("\"笔记本\"", "\"笔记本 3\""));

        LayoutResult result = results.poll(10, TimeUnit.SECONDS);
        assertThat(result).isInstanceOf(LayoutResult.Loaded.class);
        assertThat(result.orElseThrow().title().zh()).isEqualTo("笔记本 3");
        assertThat(results.poll(1, TimeUnit.SECONDS)).isNull();
    }

    @Test
    void aBrokenSaveDeliversTheErrorsAndAFixDeliversTheLayout() throws Exception {
        Files.writeString(dir.resolve("laptop.json"), laptop.replace("\"rowSpan\": 10, \"options\"", "\"rowSpan\": 11, \"options\""));
        LayoutResult broken = results.poll(10, TimeUnit.SECONDS);
        assertThat(broken).isInstanceOf(LayoutResult.Refused.class);
        assertThat(broken.name()).isEqualTo("laptop");
        assertThat(((LayoutResult.Refused) broken).report()).startsWith("laptop.json:16:").contains("overlaps");

        Files.writeString(dir.resolve("laptop.json"), laptop);
        assertThat(results.poll(10, TimeUnit.SECONDS)).isInstanceOf(LayoutResult.Loaded.class);
    }

    @Test
    void aNewLayoutFileIsDeliveredAndOtherFilesAreNot() throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "not a layout");
        Files.writeString(dir.resolve(".laptop.json.swp"), "an editor's scratch file");
        Files.writeString(dir.resolve("laptop-big.json"), laptop.replace("\"name\": \"laptop\"", "\"name\": \"laptop-big\""));

        LayoutResult result = results.poll(10, TimeUnit.SECONDS);
        assertThat(result).isInstanceOf(LayoutResult.Loaded.class);
        assertThat(result.name()).isEqualTo("laptop-big");
        assertThat(results.poll(1, TimeUnit.SECONDS)).isNull();
    }
}

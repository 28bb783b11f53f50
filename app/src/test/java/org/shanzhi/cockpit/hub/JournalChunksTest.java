package org.shanzhi.cockpit.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A steady stream of small appends to an H2 journal leaves a bounded number of H2 chunks, not one per commit: each
 * commit writes a chunk, and the old ones are rewritten together and dropped while the appends go on.
 */
class JournalChunksTest {

    private static final int COMMITS = 5_000;

    @TempDir
    Path data;

    @Test
    void smallAppendsLeaveFarFewerChunksThanCommits() throws Exception {
        // H2 keeps chunks younger than its retention time (45 s) as they are; 0 lets the rewrite start at once
        String url = Journal.h2Url(data) + ";RETENTION_TIME=0";
        try (Journal journal = Journal.open(url, "", "");
             Connection c = DriverManager.getConnection(url, "", "")) {
            long seq = 0;
            for (int commit = 0; commit < COMMITS; commit++) {
                List<Journal.Row> rows = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    seq++;
                    rows.add(new Journal.Row(seq, Instant.now(), "UnitMoved",
                            "{\"unit\":\"U-" + seq % 166 + "\",\"lat\":36.6" + seq % 997 + ",\"lon\":117.0" + seq % 991 + "}", null));
                }
                journal.append(rows, "test", null, null);
            }
            assertThat(journal.head()).isEqualTo(seq);
            await().atMost(Duration.ofMinutes(2)).until(() -> chunkCount(c) < COMMITS / 5);
            assertThat(journal.readAfter(0, 100_000)).hasSize(COMMITS * 10);
        }
    }

    private static int chunkCount(Connection c) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery(
                "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'info.CHUNK_COUNT'")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}

package org.shanzhi.cockpit.feed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** What the wall keeps on disk about the center (its situation, its orders) is the owner's alone, like the hub's data. */
final class OwnerOnly {

    private OwnerOnly() {
    }

    /** Makes {@code file} rw------- where the file system has POSIX rights; on Windows the user's profile keeps others out. */
    static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // no POSIX rights on this file system: the profile directory's own rights apply
        }
    }
}

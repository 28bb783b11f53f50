package org.shanzhi.cockpit.wall.layout;

import java.util.List;
import java.util.stream.Collectors;

/** A layout read from a file: loaded, or refused with every error found (in file order). */
public sealed interface LayoutResult permits LayoutResult.Loaded, LayoutResult.Refused {

    /** The layout's name (the file name without {@code .json}), known even when it was refused. */
    String name();

    record Loaded(WallLayout layout) implements LayoutResult {
        @Override
        public String name() {
            return layout.name();
        }
    }

    record Refused(String name, List<LayoutError> errors) implements LayoutResult {
        public Refused {
            errors = List.copyOf(errors);
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("a refusal needs a reason");
            }
        }

        /** One error a line, as a person reads them. */
        public String report() {
            return errors.stream().map(LayoutError::toString).collect(Collectors.joining("\n"));
        }
    }

    /** The layout, or an {@link IllegalStateException} carrying every error. */
    default WallLayout orElseThrow() {
        if (this instanceof Loaded) {
            return ((Loaded) this).layout();
        }
        throw new IllegalStateException("layout " + name() + " refused:\n" + ((Refused) this).report());
    }
}

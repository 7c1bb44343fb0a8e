package org.wasmvm.core.binary;

import java.util.HashMap;
import java.util.Map;
import org.wasmvm.core.MalformedModuleException;
import org.wasmvm.core.model.NameSection;

/**
 * Decodes the payload of the {@code name} custom section (module name and function names; other
 * subsections are skipped). The spec makes custom sections informative, so a malformed name
 * section must not reject the module: it is then ignored as a whole.
 */
final class NameSectionDecoder {
    static final String SECTION_NAME = "name";
    private static final int MODULE_NAME = 0, FUNCTION_NAMES = 1;

    private NameSectionDecoder() {
    }

    /** The decoded names, or {@link NameSection#EMPTY} when the payload is malformed. */
    static NameSection decode(byte[] payload) {
        try {
            return read(new ByteReader(payload));
        } catch (MalformedModuleException e) {
            return NameSection.EMPTY;
        }
    }

    private static NameSection read(ByteReader in) {
        String moduleName = null;
        Map<Integer, String> functionNames = new HashMap<>();
        while (in.hasMore()) {
            int id = in.u8();
            int size = in.length();
            int end = in.position() + size;
            // length() bounds a size from the start of its LEB, so it may still overrun by the LEB's bytes
            if (end > in.limit()) {
                throw in.error(ByteReader.UNEXPECTED_END);
            }
            int outer = in.limit(end);
            switch (id) {
                case MODULE_NAME -> moduleName = in.name();
                case FUNCTION_NAMES -> {
                    int count = in.length();
                    for (int i = 0; i < count; i++) {
                        int index = in.u32();
                        functionNames.put(index, in.name());
                    }
                }
                default -> in.position(end);
            }
            if (in.position() != end) {
                throw in.error("name subsection size mismatch");
            }
            in.limit(outer);
        }
        return new NameSection(moduleName, functionNames);
    }
}

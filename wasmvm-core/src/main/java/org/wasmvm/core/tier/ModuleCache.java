package org.wasmvm.core.tier;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.wasmvm.core.lower.LoweredFunction;
import org.wasmvm.core.lower.ModuleCode;

/**
 * One module's part of the code cache: a directory named by the module's SHA-256 and features,
 * under the directory of this build of wasmvm. It holds the validation verdict and each compiled
 * function, so that another JVM loading the same bytes skips validation and compilation. What it
 * reads is checked (key, checksum, and the JVM's verifier for classes); anything wrong is ignored
 * and rebuilt. Thread-safe: it holds no state beyond its directory.
 */
public final class ModuleCache {
    /** The cache of a module loaded without one: it has nothing and keeps nothing. */
    public static final ModuleCache NONE = new ModuleCache(null, "");

    /** What the cache knows of one function: its class, or why it stays interpreted. */
    public sealed interface Entry {
        record Compiled(CompiledClass compiled) implements Entry {
        }

        record Interpreted(String reason) implements Entry {
        }
    }

    private static final byte COMPILED = 1, INTERPRETED = 2;
    private static final String LOWERED = "lowered";

    private final Path directory;
    private final String key;

    /** @param key what the entries' contents depend on (build, module hash, features): every file's header repeats it */
    public ModuleCache(Path directory, String key) {
        this.directory = directory;
        this.key = key;
    }

    /** Whether an earlier load of these bytes validated them with this build and these features. */
    public boolean validated() {
        return directory != null && CacheFile.read(directory.resolve("valid"), key + "/valid").isPresent();
    }

    /** Records that these bytes validated. */
    public void markValidated() {
        if (directory != null) {
            CacheFile.write(directory.resolve("valid"), key + "/valid", out -> out.writeBoolean(true));
        }
    }

    /**
     * The code earlier runs lowered, mapped from the cache ({@link LoweredCodeFile#NONE} for none). It is a
     * function of the module's bytes and this build (both in the key), as long as it names no canonical
     * type id ({@link ModuleCode#loweringIsPortable}).
     */
    public LoweredCodeFile loweredCode() {
        return directory == null ? LoweredCodeFile.NONE : LoweredCodeFile.open(directory.resolve(LOWERED), key + "/" + LOWERED);
    }

    /** Stores the functions of {@code previous} and {@code lowered} as the module's lowered code. */
    public void storeLoweredCode(LoweredCodeFile previous, Map<Integer, LoweredFunction> lowered) {
        if (directory != null) {
            LoweredCodeFile.write(directory.resolve(LOWERED), key + "/" + LOWERED, previous, lowered);
        }
    }

    /** The cached result of compiling {@code functionIndex} as {@code variant}, if there is an intact one. */
    public Optional<Entry> function(int functionIndex, String variant) {
        if (directory == null) {
            return Optional.empty();
        }
        return CacheFile.read(file(functionIndex, variant), entryKey(functionIndex, variant)).flatMap(ModuleCache::entry);
    }

    /** Stores the result of compiling {@code functionIndex} as {@code variant}. */
    public void store(int functionIndex, String variant, Entry entry) {
        if (directory != null) {
            CacheFile.write(file(functionIndex, variant), entryKey(functionIndex, variant), out -> write(out, entry));
        }
    }

    private Path file(int functionIndex, String variant) {
        return directory.resolve("f" + functionIndex + "-" + variant);
    }

    private String entryKey(int functionIndex, String variant) {
        return key + "/f" + functionIndex + "-" + variant;
    }

    private static void write(DataOutputStream out, Entry entry) throws IOException {
        if (entry instanceof Entry.Interpreted interpreted) {
            out.writeByte(INTERPRETED);
            out.writeUTF(interpreted.reason());
            return;
        }
        CompiledClass compiled = ((Entry.Compiled) entry).compiled();
        out.writeByte(COMPILED);
        out.writeInt(compiled.classFile().length);
        out.write(compiled.classFile());
        out.writeInt(compiled.constants().size());
        for (int[] constant : compiled.constants()) {
            out.writeInt(constant.length);
            for (int value : constant) {
                out.writeInt(value);
            }
        }
        boolean[] loops = compiled.osrLoops();
        out.writeBoolean(loops != null);
        if (loops != null) {
            out.writeInt(loops.length);
            for (boolean loop : loops) {
                out.writeBoolean(loop);
            }
        }
    }

    private static Optional<Entry> entry(DataInputStream in) {
        try {
            return switch (in.readByte()) {
                case INTERPRETED -> Optional.of(new Entry.Interpreted(in.readUTF()));
                case COMPILED -> {
                    byte[] classFile = new byte[length(in, 1)];
                    in.readFully(classFile);
                    int count = length(in, 4);
                    List<int[]> constants = new ArrayList<>(count);
                    for (int c = 0; c < count; c++) {
                        int[] constant = new int[length(in, 4)];
                        for (int i = 0; i < constant.length; i++) {
                            constant[i] = in.readInt();
                        }
                        constants.add(constant);
                    }
                    boolean[] loops = in.readBoolean() ? new boolean[length(in, 1)] : null;
                    for (int i = 0; loops != null && i < loops.length; i++) {
                        loops[i] = in.readBoolean();
                    }
                    yield Optional.of(new Entry.Compiled(new CompiledClass(classFile, constants, loops)));
                }
                default -> Optional.empty();
            };
        } catch (IOException e) {
            return Optional.empty(); // the checksum matched, so only a foreign writer gets here
        }
    }

    /** A length read from the payload, at most what is left of it ({@code unit} bytes an element). */
    private static int length(DataInputStream in, int unit) throws IOException {
        int length = in.readInt();
        if (length < 0 || (long) length * unit > in.available()) {
            throw new IOException("length " + length + " past the end");
        }
        return length;
    }
}

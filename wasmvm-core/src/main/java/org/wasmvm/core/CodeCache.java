package org.wasmvm.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.wasmvm.core.tier.CodeIdentity;
import org.wasmvm.core.tier.CompilerTier;
import org.wasmvm.core.tier.ModuleCache;

/**
 * A persistent cache of validation verdicts and compiled code, shared by every JVM that uses the
 * same directory: a module loaded through it a second time (same bytes, same features, same build of
 * wasmvm) skips validation, and its functions skip compilation. Safe for concurrent builds: entries
 * are written atomically, and one that is damaged or foreign is ignored and rebuilt.
 *
 * <p>Layout: {@code <directory>/<build>/<module sha-256>-<features>/}, where {@code build} names
 * this wasmvm's core and compiler jars. Builds unused for {@value #UNUSED_DAYS} days are deleted.
 * The directory may be deleted at any time.
 */
public final class CodeCache {
    /** The system property that overrides {@link #defaultDirectory()}. */
    public static final String DIRECTORY_PROPERTY = "wasmvm.cache.dir";
    static final int UNUSED_DAYS = 30;
    private static final String USED_MARKER = ".used";
    private static final Pattern BUILD_NAME = Pattern.compile("[0-9a-f]{16}");
    private static final Set<Path> PRUNED = ConcurrentHashMap.newKeySet();
    /**
     * This JVM's build of core and compiler, named once (the jars do not change under a running JVM), on
     * a thread of its own: reading the jar, the first SHA-256 and loading the compiler take a fresh JVM
     * about 40 ms, which the caller spends reading and decoding the module meanwhile.
     */
    private static final Supplier<Optional<String>> BUILD = CodeIdentity.inBackground("wasmvm-build",
            () -> CodeIdentity.of(CodeCache.class)
                    .map(core -> CodeIdentity.sha256(core + "|" + CompilerTier.identity()).substring(0, 16)));

    private final Path directory;

    private CodeCache(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
    }

    /** A cache kept in {@code directory} (created when first written). */
    public static CodeCache at(Path directory) {
        return new CodeCache(directory);
    }

    /**
     * The system property {@value #DIRECTORY_PROPERTY} when it is set (the build points tests at
     * {@code target/}), else {@code $XDG_CACHE_HOME/wasmvm}, else {@code ~/.cache/wasmvm}.
     */
    public static Path defaultDirectory() {
        String configured = System.getProperty(DIRECTORY_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "wasmvm");
        }
        return Path.of(System.getProperty("user.home"), ".cache", "wasmvm");
    }

    public Path directory() {
        return directory;
    }

    /**
     * The part of this cache for the module whose bytes have the SHA-256 {@code sha256}, loaded with
     * {@code features}; {@link ModuleCache#NONE} when this build cannot be identified.
     */
    ModuleCache module(String sha256, Features features) {
        Optional<String> identified = BUILD.get();
        if (identified.isEmpty()) {
            return ModuleCache.NONE; // a class served from elsewhere than a jar or directory: no safe key
        }
        String build = identified.get();
        Path buildDirectory = directory.resolve(build);
        if (PRUNED.add(buildDirectory)) {
            markUsedAndPrune(buildDirectory);
        }
        String module = sha256 + "-" + CodeIdentity.sha256(features.toString()).substring(0, 8);
        return new ModuleCache(buildDirectory.resolve(module), build + "/" + module + "/" + features);
    }

    /** Once per JVM and build: notes that this build is in use, and deletes the builds nobody used for a month. */
    private void markUsedAndPrune(Path buildDirectory) {
        try {
            Files.createDirectories(buildDirectory);
            Path marker = buildDirectory.resolve(USED_MARKER);
            if (!Files.exists(marker)) {
                Files.createFile(marker);
            }
            Files.setLastModifiedTime(marker, FileTime.from(Instant.now()));
            FileTime cutoff = FileTime.from(Instant.now().minus(Duration.ofDays(UNUSED_DAYS)));
            try (Stream<Path> builds = Files.list(directory)) {
                builds.filter(other -> !other.equals(buildDirectory) && isBuild(other))
                        .filter(other -> lastUse(other).compareTo(cutoff) < 0)
                        .forEach(CodeCache::delete);
            }
        } catch (IOException | SecurityException e) {
            // An unwritable cache only costs time: runs go on without it.
        }
    }

    /** Only what wasmvm made is deleted, whatever else the directory holds. */
    private static boolean isBuild(Path path) {
        return BUILD_NAME.matcher(path.getFileName().toString()).matches() && Files.isRegularFile(path.resolve(USED_MARKER));
    }

    private static FileTime lastUse(Path build) {
        try {
            return Files.getLastModifiedTime(build.resolve(USED_MARKER));
        } catch (IOException e) {
            return FileTime.from(Instant.now()); // unreadable: not ours to judge
        }
    }

    private static void delete(Path tree) {
        try (Stream<Path> paths = Files.walk(tree)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | SecurityException e) {
            // another JVM may be pruning the same build; whatever is left goes next time
        }
    }
}

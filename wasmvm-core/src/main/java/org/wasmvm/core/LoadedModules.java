package org.wasmvm.core;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;
import org.wasmvm.core.tier.CodeIdentity;

/**
 * Modules already decoded and validated in this JVM, so runs of the same bytes share one
 * {@link Module} instead of loading it again (a reactor whose modules all run the same tool, or a
 * POM with several executions of it). Unlike the persistent {@link CodeCache} it skips decoding
 * too, and lives only as long as the object.
 *
 * <p>An entry is keyed by the SHA-256 of the bytes, the features and the code cache's directory (a
 * module keeps its code cache, so one loaded with another would write elsewhere). Entries are
 * charged their byte size against a budget and the least recently used go first; a module larger
 * than the whole budget is loaded but not kept. Thread-safe: a second run asking for bytes that are
 * being loaded waits for that load instead of starting its own. A load that fails is not kept.
 *
 * <p>{@link #sharing} gives further front doors to the same entries, each with its own budget
 * (applied when it adds an entry) and its own debug log.
 */
public final class LoadedModules {
    private final Entries entries;
    private final long maxBytes;
    private final Consumer<String> debugLog;

    /** An empty set of modules holding at most {@code maxBytes} of module bytes; no log. */
    public LoadedModules(long maxBytes) {
        this(new Entries(), maxBytes, line -> { });
    }

    private LoadedModules(Entries entries, long maxBytes, Consumer<String> debugLog) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("negative budget: " + maxBytes);
        }
        this.entries = entries;
        this.maxBytes = maxBytes;
        this.debugLog = debugLog;
    }

    /** The same modules, with this budget when adding one and hits, loads and evictions told to {@code debugLog}. */
    public LoadedModules sharing(long budget, Consumer<String> log) {
        return new LoadedModules(entries, budget, log);
    }

    /**
     * The module for {@code bytes}, loaded as {@link Wasm#load(byte[], Features, CodeCache)} does
     * when it is not held yet.
     *
     * @throws MalformedModuleException when the bytes are not a well-formed binary
     * @throws InvalidModuleException when the module does not validate
     */
    public Module load(byte[] bytes, Features features, CodeCache codeCache) {
        if (bytes.length > maxBytes) {
            debugLog.accept("module cache: " + bytes.length + " bytes exceed the budget of " + maxBytes + ", not kept");
            return Wasm.load(bytes, features, codeCache);
        }
        String sha256 = CodeIdentity.sha256(bytes);
        Key key = new Key(sha256, features, codeCache == null ? null : codeCache.directory());
        // the code cache keys its entries by the same hash: 30 MB are hashed once, not twice
        FutureTask<Module> load = new FutureTask<>(() -> Module.load(bytes, features, codeCache, sha256));
        FutureTask<Module> held = entries.claim(key, load, bytes.length, maxBytes, debugLog);
        if (held == load) {
            long started = System.nanoTime();
            load.run();
            debugLog.accept("module cache: loaded " + key + " in " + (System.nanoTime() - started) / 1_000_000 + " ms; "
                    + entries.describe(maxBytes));
        } else {
            debugLog.accept("module cache: hit " + key);
        }
        try {
            return held.get();
        } catch (ExecutionException e) {
            entries.forget(key, held);
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while another run loads the module", e);
        }
    }

    /** How often a load found its module held, and how often it had to load it. */
    public Statistics statistics() {
        return entries.statistics();
    }

    /** Counters of a {@link LoadedModules}: hits, loads, what is held now. */
    public record Statistics(long hits, long loads, int modules, long bytes) {
    }

    private record Key(String sha256, Features features, Path codeCache) {
        @Override
        public String toString() {
            return sha256.substring(0, 12) + " (" + features + ")";
        }
    }

    /** The shared, least-recently-used ordered entries; every method holds the lock. */
    private static final class Entries {
        private final LinkedHashMap<Key, Entry> map = new LinkedHashMap<>(16, 0.75f, true);
        private long bytes;
        private long hits;
        private long loads;

        /** The held load for {@code key}, else {@code load}, added and paid for by evicting the least recently used. */
        synchronized FutureTask<Module> claim(Key key, FutureTask<Module> load, long size, long maxBytes,
                Consumer<String> debugLog) {
            Entry held = map.get(key);
            if (held != null) {
                hits++;
                return held.load();
            }
            loads++;
            map.put(key, new Entry(load, size));
            bytes += size;
            Iterator<Map.Entry<Key, Entry>> eldest = map.entrySet().iterator();
            while (bytes > maxBytes) {
                Map.Entry<Key, Entry> victim = eldest.next(); // never the new entry: it alone fits
                eldest.remove();
                bytes -= victim.getValue().size();
                debugLog.accept("module cache: evicted " + victim.getKey());
            }
            return load;
        }

        synchronized void forget(Key key, FutureTask<Module> load) {
            Entry entry = map.get(key);
            if (entry != null && entry.load() == load) {
                map.remove(key);
                bytes -= entry.size();
            }
        }

        synchronized String describe(long maxBytes) {
            return map.size() + " modules, " + bytes + " of " + maxBytes + " bytes held";
        }

        synchronized Statistics statistics() {
            return new Statistics(hits, loads, map.size(), bytes);
        }
    }

    private record Entry(FutureTask<Module> load, long size) {
    }
}

package org.wasmvm.core;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.wasmvm.core.binary.ModuleDecoder;
import org.wasmvm.core.lower.LoweredFunction;
import org.wasmvm.core.lower.ModuleCode;
import org.wasmvm.core.model.Export;
import org.wasmvm.core.model.Import;
import org.wasmvm.core.model.IndexSpaces;
import org.wasmvm.core.model.WasmModule;
import org.wasmvm.core.tier.CodeIdentity;
import org.wasmvm.core.tier.FunctionTiers;
import org.wasmvm.core.tier.LoweredCodeFile;
import org.wasmvm.core.tier.ModuleCache;
import org.wasmvm.core.validate.ModuleValidator;

/**
 * A decoded and validated module. Immutable and safe to share between threads: instantiate it
 * as often as needed. Function bodies are lowered to the interpreter's form on first call.
 */
public final class Module {
    /** Below this size a module is hashed before it is decoded: a thread would cost more than it saves. */
    private static final int PARALLEL_HASH_BYTES = 1 << 20;
    private final Features features;
    private final ModuleCode code;
    private final ModuleCache cache;
    /** The code earlier runs lowered, from the cache when this module was loaded. */
    private final LoweredCodeFile lowered;
    /** How many functions lowered here the cache was last given: guarded by {@code lowered}. */
    private int savedCount;
    private volatile FunctionTiers tiers;
    private volatile FunctionTiers meteredTiers;

    private Module(WasmModule model, Features features, ModuleCache cache) {
        this.features = features;
        this.cache = cache;
        this.code = new ModuleCode(model, new IndexSpaces(model));
        this.lowered = cache.loweredCode();
        code.useCached(lowered::find); // a run that calls what an earlier one called lowers nothing
    }

    /**
     * Decodes without the separate well-formedness scan of function bodies, since validation reads
     * them anyway. A module that fails either step is decoded and validated again the full way, so
     * the error reported is the one the spec's order of checks gives (malformed before invalid).
     * Bytes the cache has seen validate skip both checks.
     */
    static Module load(byte[] bytes, Features features, CodeCache codeCache) {
        if (codeCache == null) {
            return load(bytes, features, () -> ModuleCache.NONE);
        }
        // a large module is hashed on another core while this one decodes it (30 MB: 0.1 s each)
        Supplier<String> sha256 = bytes.length < PARALLEL_HASH_BYTES ? () -> CodeIdentity.sha256(bytes)
                : CodeIdentity.sha256InBackground(bytes);
        return load(bytes, features, () -> codeCache.module(sha256.get(), features));
    }

    /** As {@link #load(byte[], Features, CodeCache)}, for a caller that has hashed the bytes already. */
    static Module load(byte[] bytes, Features features, CodeCache codeCache, String sha256) {
        return load(bytes, features, () -> codeCache == null ? ModuleCache.NONE : codeCache.module(sha256, features));
    }

    private static Module load(byte[] bytes, Features features, Supplier<ModuleCache> cacheOfBytes) {
        WasmModule model;
        ModuleCache cache;
        try {
            model = ModuleDecoder.decodeForValidation(bytes, features);
            cache = cacheOfBytes.get();
            if (cache.validated()) {
                return new Module(model, features, cache);
            }
            ModuleValidator.validate(model, features);
        } catch (MalformedModuleException | InvalidModuleException e) {
            ModuleValidator.validate(ModuleDecoder.decode(bytes, features), features);
            throw e; // not expected: the full way found nothing, so report what the fast way found
        }
        cache.markValidated();
        return new Module(model, features, cache);
    }

    /** The module's imports, in declaration order. */
    public List<Import> imports() {
        return code.model().imports();
    }

    /** The module's exports, in declaration order. */
    public List<Export> exports() {
        return code.model().exports();
    }

    /** The features this module was validated with. */
    public Features features() {
        return features;
    }

    /** The decoded module: every section, read-only. */
    public WasmModule model() {
        return code.model();
    }

    /** The types of the module's index spaces (imports first). */
    public IndexSpaces indexSpaces() {
        return code.indexSpaces();
    }

    /** Internal: the module as the engine runs it (its lowered code among it). */
    public ModuleCode code() {
        return code;
    }

    /**
     * Internal: keeps the code lowered so far in the code cache for the next run, when some is new since
     * the last time, and it means the same in another JVM ({@link ModuleCode#loweringIsPortable}).
     */
    public void saveLoweredCode() {
        if (!code.loweringIsPortable()) {
            return;
        }
        Map<Integer, LoweredFunction> loweredHere = code.loweredHere();
        synchronized (lowered) {
            if (loweredHere.size() > savedCount) { // what the cache had at load, and all this JVM lowered since
                cache.storeLoweredCode(lowered, loweredHere);
                savedCount = loweredHere.size();
            }
        }
    }

    /** Internal: where this module's compiled code is kept between runs ({@link ModuleCache#NONE} for none). */
    public ModuleCache cache() {
        return cache;
    }

    /**
     * Internal: the compiled tier of this module's functions, created when a compiling store first
     * needs it; one for stores that meter fuel, one for those that do not (their code differs).
     */
    public FunctionTiers tiers(boolean metered) {
        FunctionTiers t = metered ? meteredTiers : tiers;
        if (t == null) {
            synchronized (this) {
                t = metered ? meteredTiers : tiers;
                if (t == null) {
                    t = new FunctionTiers(code, cache, metered);
                    if (metered) {
                        meteredTiers = t;
                    } else {
                        tiers = t;
                    }
                }
            }
        }
        return t;
    }

    /** Instantiates the module in a new {@link Store}; it must not import anything. */
    public Instance instantiate() {
        return new Store().instantiate(this);
    }
}

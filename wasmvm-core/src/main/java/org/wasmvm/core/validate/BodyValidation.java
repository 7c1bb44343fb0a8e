package org.wasmvm.core.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.wasmvm.core.model.FunctionBody;

/**
 * Validates every function body. Bodies are independent given the (immutable) module context, so a
 * large module is split into contiguous ranges checked on the common fork-join pool, one
 * {@link FunctionValidator} per range: a 30 MB tool then validates in a fraction of the time. The
 * error reported is always that of the lowest function index, as in a sequential run.
 */
final class BodyValidation {
    /** Below this much code, splitting costs more than it saves. */
    private static final long PARALLEL_THRESHOLD_BYTES = 1 << 20;

    private BodyValidation() {
    }

    static void validate(ValidationContext ctx, List<FunctionBody> codes) {
        int imported = ctx.spaces.importedFunctionCount();
        int ranges = rangeCount(codes);
        if (ranges == 1) {
            validateRange(ctx, codes, imported, 0, codes.size());
            return;
        }
        List<CompletableFuture<Void>> futures = new ArrayList<>();
        for (int r = 0; r < ranges; r++) {
            int from = (int) ((long) codes.size() * r / ranges);
            int to = (int) ((long) codes.size() * (r + 1) / ranges);
            futures.add(CompletableFuture.runAsync(() -> validateRange(ctx, codes, imported, from, to)));
        }
        for (CompletableFuture<Void> future : futures) {
            try {
                future.join();
            } catch (CompletionException e) {
                // ranges are in function order: the first failing range holds the lowest failing index
                if (e.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                throw e;
            }
        }
    }

    private static int rangeCount(List<FunctionBody> codes) {
        long bytes = 0;
        for (FunctionBody body : codes) {
            bytes += body.length();
        }
        int cores = Runtime.getRuntime().availableProcessors();
        return bytes < PARALLEL_THRESHOLD_BYTES || cores < 2 ? 1 : Math.min(cores * 4, codes.size());
    }

    private static void validateRange(ValidationContext ctx, List<FunctionBody> codes, int imported, int from, int to) {
        var validator = new FunctionValidator(ctx);
        for (int i = from; i < to; i++) {
            validator.validate(imported + i, codes.get(i));
        }
    }
}

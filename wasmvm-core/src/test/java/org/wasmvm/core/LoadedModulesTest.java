package org.wasmvm.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadedModulesTest {
    private static final byte[] ARGS = TestModules.bytes("args");
    private static final byte[] FS = TestModules.bytes("fs");
    private static final byte[] HELLO = TestModules.bytes("hello");

    @TempDir
    Path cacheDir;

    @Test
    void theSameBytesAndFeaturesShareOneModule() {
        LoadedModules modules = new LoadedModules(1 << 20);
        Module first = modules.load(HELLO, Features.all(), null);

        assertThat(modules.load(HELLO.clone(), Features.all(), null)).isSameAs(first);
        assertThat(modules.statistics()).isEqualTo(new LoadedModules.Statistics(1, 1, 1, HELLO.length));
    }

    @Test
    void otherFeaturesOrAnotherCodeCacheAreAnotherEntry() {
        LoadedModules modules = new LoadedModules(1 << 20);
        Module all = modules.load(HELLO, Features.all(), null);

        assertThat(modules.load(HELLO, Features.wasm2().withMemory64(true), null)).isNotSameAs(all);
        assertThat(modules.load(HELLO, Features.all(), CodeCache.at(cacheDir))).isNotSameAs(all);
        assertThat(modules.statistics().loads()).isEqualTo(3);
    }

    @Test
    void theLeastRecentlyUsedGoFirstWhenTheBudgetIsExceeded() {
        LoadedModules modules = new LoadedModules(ARGS.length + FS.length + HELLO.length - 1);
        Module args = modules.load(ARGS, Features.all(), null);
        Module fs = modules.load(FS, Features.all(), null);
        modules.load(ARGS, Features.all(), null); // fs is now the least recently used
        modules.load(HELLO, Features.all(), null);

        assertThat(modules.statistics().bytes()).isEqualTo(ARGS.length + HELLO.length);
        assertThat(modules.load(ARGS, Features.all(), null)).isSameAs(args);
        assertThat(modules.load(FS, Features.all(), null)).isNotSameAs(fs);
    }

    @Test
    void aModuleLargerThanTheBudgetIsLoadedButNotKept() {
        LoadedModules modules = new LoadedModules(HELLO.length - 1);

        assertThat(modules.load(HELLO, Features.all(), null)).isNotSameAs(modules.load(HELLO, Features.all(), null));
        assertThat(modules.statistics().modules()).isZero();
    }

    @Test
    void aFailedLoadIsNotKept() {
        LoadedModules modules = new LoadedModules(1 << 20);
        byte[] truncated = java.util.Arrays.copyOf(HELLO, HELLO.length / 2);

        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> modules.load(truncated, Features.all(), null))
                    .isInstanceOf(MalformedModuleException.class);
        }
        assertThat(modules.statistics()).isEqualTo(new LoadedModules.Statistics(0, 2, 0, 0));
    }

    @Test
    void concurrentRunsOfTheSameBytesLoadThemOnce() throws Exception {
        LoadedModules modules = new LoadedModules(1 << 20);
        int threads = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Module>> loads = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                loads.add(pool.submit(() -> {
                    start.await();
                    return modules.load(ARGS, Features.all(), null);
                }));
            }
            start.countDown();
            Module first = loads.get(0).get();
            for (Future<Module> load : loads) {
                assertThat(load.get()).isSameAs(first);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(modules.statistics()).isEqualTo(new LoadedModules.Statistics(threads - 1, 1, 1, ARGS.length));
    }

    @Test
    void sharingGivesAnotherBudgetAndLogOverTheSameModules() {
        LoadedModules modules = new LoadedModules(1 << 20);
        List<String> log = new ArrayList<>();
        LoadedModules shared = modules.sharing(ARGS.length, log::add);
        Module hello = modules.load(HELLO, Features.all(), null);

        assertThat(shared.load(HELLO, Features.all(), null)).isSameAs(hello);
        shared.load(ARGS, Features.all(), null); // over the shared door's budget: hello goes

        assertThat(modules.statistics()).isEqualTo(new LoadedModules.Statistics(1, 2, 1, ARGS.length));
        assertThat(log).hasSize(3);
        assertThat(log.get(0)).startsWith("module cache: hit ");
        assertThat(log.get(1)).startsWith("module cache: evicted ");
        assertThat(log.get(2)).startsWith("module cache: loaded ").endsWith("1 modules, " + ARGS.length + " of "
                + ARGS.length + " bytes held");
    }
}

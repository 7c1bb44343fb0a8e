package org.wasmvm.core;

/**
 * The child JVM of {@link GcCollectionTest}: runs {@code modules/gc-churn.wat} with the count and size it is
 * given and prints the sum the module returns, or the error that ended the run.
 */
public final class GcChurn {
    private GcChurn() {
    }

    public static void main(String[] args) {
        int count = Integer.parseInt(args[0]);
        int size = Integer.parseInt(args[1]);
        Instance churn = new Store().instantiate(TestModules.load("gc-churn"));
        System.out.println(churn.function("churn").apply(count, size)[0]);
    }
}

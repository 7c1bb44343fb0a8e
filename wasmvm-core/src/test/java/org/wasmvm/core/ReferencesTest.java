package org.wasmvm.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.ref.WeakReference;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wasmvm.core.model.FuncType;
import org.wasmvm.core.model.ValType;

/** References are Java objects: a host's object comes back as itself, a funcref is the function, dead objects are collected. */
class ReferencesTest {
    private static final FuncType EXTERN_TO_EXTERN = FuncType.of(List.of(ValType.EXTERNREF), List.of(ValType.EXTERNREF));

    private static Instance instantiate() {
        return new Store()
                .define("env", "echo", EXTERN_TO_EXTERN, (caller, args, results) -> results[0] = args[0])
                .instantiate(TestModules.load("references"));
    }

    @Test
    void anExternrefComesBackAsTheSameObjectThroughATable() {
        Instance instance = instantiate();
        Object host = new StringBuilder("mine");
        instance.function("put").call(Value.i32(2), Value.externref(host));
        assertThat(instance.function("get").call(Value.i32(2))[0].ref()).isSameAs(host);
        assertThat(instance.table("objects").get(2)).isSameAs(host);
        Object other = new Object();
        instance.table("objects").set(1, other);
        assertThat(instance.function("get").call(Value.i32(1))[0].ref()).isSameAs(other);
        assertThat(instance.function("is_null_at").call(Value.i32(0))[0].asInt()).isEqualTo(1);
        assertThat(instance.function("is_null_at").call(Value.i32(1))[0].asInt()).isZero();
    }

    @Test
    void anExternrefComesBackAsTheSameObjectThroughAGlobalAndAHostFunction() {
        Instance instance = instantiate();
        Object host = new Object();
        instance.function("keep").call(Value.externref(host));
        assertThat(instance.function("kept").call()[0].ref()).isSameAs(host);
        assertThat(instance.global("held").get().ref()).isSameAs(host);
        assertThat(instance.function("echo").call(Value.externref(host))[0].ref()).isSameAs(host);
        assertThat(instance.function("echo").call(Value.externref(null))[0].isNull()).isTrue();
    }

    @Test
    void aFuncrefIsTheFunctionItself() {
        Instance instance = instantiate();
        Value ref = instance.function("seven_ref").call()[0];
        assertThat(ref.asFunction()).isSameAs(instance.function("seven"));
        assertThat(ref.asFunction().apply()).containsExactly(7);
        instance.table("funcs").set(1, ref.asFunction());
        assertThat(instance.function("call_slot").apply(1)).containsExactly(7);
        assertThat(instance.table("funcs").get(1)).isSameAs(ref.asFunction());
    }

    @Test
    void aTypedHostFunctionMayHaveANumericSignatureToo() {
        FuncType i32ToI32 = FuncType.of(List.of(ValType.I32), List.of(ValType.I32));
        Instance instance = new Store()
                .define("env", "add_offset", i32ToI32, (caller, args, results) -> results[0] = Value.i32(args[0].asInt() + 100))
                .instantiate(TestModules.load("api"));
        assertThat(instance.function("double_then_offset").apply(4)).containsExactly(108);
    }

    @Test
    void rawSlotsAreForNumericSignaturesOnly() {
        Instance instance = instantiate();
        assertThatThrownBy(() -> instance.function("get").apply(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("call(Value...)");
        assertThatThrownBy(() -> new Store().define("env", "echo", EXTERN_TO_EXTERN, (caller, args) -> args))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ValueHostFunction");
        assertThatThrownBy(() -> instance.table("funcs").set(0, "not a function"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anObjectOnlyATableSlotHeldIsCollectedOnceTheSlotIsOverwritten() throws InterruptedException {
        Instance instance = instantiate();
        WeakReference<Object> weak = storeGarbage(instance);
        instance.function("put").call(Value.i32(3), Value.externref(null));
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (weak.get() != null && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(10);
        }
        assertThat(weak.get()).as("the overwritten object is still reachable").isNull();
    }

    /** Puts an object that nothing else references into slot 3 (in a method of its own, so no local keeps it). */
    private static WeakReference<Object> storeGarbage(Instance instance) {
        Object garbage = new byte[1024];
        instance.function("put").call(Value.i32(3), Value.externref(garbage));
        assertThat(instance.function("get").call(Value.i32(3))[0].ref()).isSameAs(garbage);
        return new WeakReference<>(garbage);
    }
}

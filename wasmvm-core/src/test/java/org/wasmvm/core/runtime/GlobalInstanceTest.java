package org.wasmvm.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.wasmvm.core.Global;
import org.wasmvm.core.Value;
import org.wasmvm.core.model.GlobalType;
import org.wasmvm.core.model.ValType;

class GlobalInstanceTest {
    @Test
    void getDecodesTheRawBits() {
        GlobalInstance global = new GlobalInstance(new GlobalType(ValType.I32, true), Value.fromBits(ValType.I32, 0));
        global.value = -1L; // as the interpreter might leave a sign-extended i32
        assertThat(global.get().type()).isEqualTo(ValType.I32);
        assertThat(global.get().asInt()).isEqualTo(-1);
        GlobalInstance f64 = new GlobalInstance(new GlobalType(ValType.F64, false), Value.fromBits(ValType.F64, Double.doubleToRawLongBits(2.5)));
        assertThat(f64.get().asDouble()).isEqualTo(2.5);
    }

    @Test
    void setWritesTheBits() {
        GlobalInstance global = new GlobalInstance(new GlobalType(ValType.I64, true), Value.fromBits(ValType.I64, 0));
        global.set(Value.i64(Long.MIN_VALUE));
        assertThat(global.value).isEqualTo(Long.MIN_VALUE);
        assertThat(global.get()).isEqualTo(Value.i64(Long.MIN_VALUE));
        Global ref = Global.create(new GlobalType(ValType.EXTERNREF, true), Value.nullRef(ValType.EXTERNREF));
        assertThat(ref.get().isNull()).isTrue();
        Object host = new Object();
        ref.set(Value.externref(host));
        assertThat(ref.get().ref()).isSameAs(host);
    }

    @Test
    void setRejectsImmutableAndMistypedValues() {
        GlobalInstance constant = new GlobalInstance(new GlobalType(ValType.I32, false), Value.fromBits(ValType.I32, 1));
        assertThatThrownBy(() -> constant.set(Value.i32(2))).isInstanceOf(IllegalStateException.class);
        assertThat(constant.value).isEqualTo(1);
        GlobalInstance mutable = new GlobalInstance(new GlobalType(ValType.F32, true), Value.fromBits(ValType.F32, 0));
        assertThatThrownBy(() -> mutable.set(Value.i32(2))).isInstanceOf(IllegalArgumentException.class);
        assertThat(mutable.value).isZero();
    }
}

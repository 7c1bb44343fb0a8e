package org.wasmvm.core.validate;

import java.util.ArrayList;
import java.util.List;
import org.wasmvm.core.model.ConstExpr;
import org.wasmvm.core.model.ConstExpr.Instruction;
import org.wasmvm.core.model.ConstExpr.Op;
import org.wasmvm.core.model.DataSegment;
import org.wasmvm.core.model.ElementSegment;
import org.wasmvm.core.model.Export;
import org.wasmvm.core.model.FuncType;
import org.wasmvm.core.model.FunctionBody;
import org.wasmvm.core.model.Global;
import org.wasmvm.core.model.Import;
import org.wasmvm.core.model.MemoryType;
import org.wasmvm.core.model.NameSection;
import org.wasmvm.core.model.SubType;
import org.wasmvm.core.model.TableDefinition;
import org.wasmvm.core.model.TableType;
import org.wasmvm.core.model.TagType;
import org.wasmvm.core.model.ValType;
import org.wasmvm.core.model.WasmModule;

/** Assembles {@link WasmModule}s by hand for validator tests, without the binary decoder. */
final class ModuleBuilder {
    final List<FuncType> types = new ArrayList<>();
    final List<Import> imports = new ArrayList<>();
    final List<Integer> functionTypes = new ArrayList<>();
    final List<TableType> tables = new ArrayList<>();
    final List<MemoryType> memories = new ArrayList<>();
    final List<TagType> tags = new ArrayList<>();
    final List<Global> globals = new ArrayList<>();
    final List<Export> exports = new ArrayList<>();
    final List<ElementSegment> elements = new ArrayList<>();
    final List<FunctionBody> codes = new ArrayList<>();
    final List<DataSegment> datas = new ArrayList<>();
    int start = -1;
    int dataCount = -1;

    static FuncType sig(List<ValType> params, List<ValType> results) {
        return FuncType.of(params, results);
    }

    /** Adds a type and returns its index. */
    int type(List<ValType> params, List<ValType> results) {
        types.add(sig(params, results));
        return types.size() - 1;
    }

    /** Adds a function of type {@code typeIndex} whose code is {@code code} followed by {@code end}. */
    ModuleBuilder func(int typeIndex, List<ValType> locals, int... code) {
        byte[] bytes = new byte[code.length + 1];
        for (int i = 0; i < code.length; i++) {
            bytes[i] = (byte) code[i];
        }
        bytes[code.length] = 0x0B;
        return rawFunc(typeIndex, locals, bytes);
    }

    /** Adds a function whose code is exactly {@code bytes} (no {@code end} appended). */
    ModuleBuilder rawFunc(int typeIndex, List<ValType> locals, byte[] bytes) {
        functionTypes.add(typeIndex);
        codes.add(new FunctionBody(locals.toArray(ValType[]::new), bytes, 0, bytes.length));
        return this;
    }

    /** A constant expression of these instructions (offsets are 0: no module bytes). */
    static ConstExpr expr(Instruction... instructions) {
        return new ConstExpr(List.of(instructions), 0);
    }

    static Instruction i32Const(int value) {
        return new Instruction(Op.I32_CONST, value, 0);
    }

    static Instruction i64Const(long value) {
        return new Instruction(Op.I64_CONST, value, 0);
    }

    static Instruction globalGet(int index) {
        return new Instruction(Op.GLOBAL_GET, index, 0);
    }

    static Instruction refFunc(int index) {
        return new Instruction(Op.REF_FUNC, index, 0);
    }

    static Instruction refNull(ValType type) {
        return new Instruction(Op.REF_NULL, type.heapType(), 0);
    }

    /** An instruction without immediates: arithmetic, or {@link Op#NOT_CONSTANT} (its opcode left 0). */
    static Instruction op(Op op) {
        return new Instruction(op, 0, 0);
    }

    WasmModule build() {
        return new WasmModule(types.stream().map(SubType::plain).toList(), types.stream().map(t -> 1).toList(), imports,
                functionTypes, tables.stream().map(t -> new TableDefinition(t, null)).toList(), memories, tags, globals, exports,
                start, elements,
                dataCount, codes, datas, List.of(), NameSection.EMPTY);
    }
}

package org.wasmvm.core.validate;

import java.util.ArrayList;
import java.util.List;
import org.wasmvm.core.model.ConstExpr;
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
import org.wasmvm.core.model.ValType;
import org.wasmvm.core.model.WasmModule;

/** Assembles {@link WasmModule}s by hand for validator tests, without the binary decoder. */
final class ModuleBuilder {
    final List<FuncType> types = new ArrayList<>();
    final List<Import> imports = new ArrayList<>();
    final List<Integer> functionTypes = new ArrayList<>();
    final List<TableType> tables = new ArrayList<>();
    final List<MemoryType> memories = new ArrayList<>();
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

    /** A constant expression: {@code code} followed by {@code end}. */
    static ConstExpr expr(int... code) {
        byte[] bytes = new byte[code.length + 1];
        for (int i = 0; i < code.length; i++) {
            bytes[i] = (byte) code[i];
        }
        bytes[code.length] = 0x0B;
        return new ConstExpr(bytes, 0, bytes.length);
    }

    WasmModule build() {
        return new WasmModule(types.stream().map(SubType::plain).toList(), types.stream().map(t -> 1).toList(), imports,
                functionTypes, tables.stream().map(t -> new TableDefinition(t, null)).toList(), memories, globals, exports,
                start, elements,
                dataCount, codes, datas, List.of(), NameSection.EMPTY);
    }
}

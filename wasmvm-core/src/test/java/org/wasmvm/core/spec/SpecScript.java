package org.wasmvm.core.spec;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A wast2json script: the {@code .json} file, its directory (module file names are relative to it) and its
 * commands in order (a {@code thread}'s commands are inside it).
 */
record SpecScript(Path json, String sourceFilename, List<SpecCommand> commands) {
    /** The 2.0 suite's texts that the 3.0 reference interpreter words differently, with the 3.0 wording. */
    private static final Map<String, String> REWORDED_IN_3_0 = Map.of("global is immutable", "immutable global");

    SpecScript {
        commands = List.copyOf(commands);
    }

    /** Every command, a thread's own after it ({@link SpecCommand#flattened()}). */
    Stream<SpecCommand> allCommands() {
        return commands.stream().flatMap(SpecCommand::flattened);
    }

    Path directory() {
        return json.getParent();
    }

    /** The {@code .wast} source next to the JSON, for test-source links (may not exist). */
    Path wast() {
        return directory().resolve(sourceFilename);
    }

    static SpecScript read(Path json) throws IOException {
        JsonObject root;
        try (Reader reader = Files.newBufferedReader(json, StandardCharsets.UTF_8)) {
            root = JsonParser.parseReader(reader).getAsJsonObject();
        }
        String source = string(root, "source_filename");
        if (source == null) {
            String file = json.getFileName().toString();
            source = file.substring(0, file.length() - ".json".length()) + ".wast";
        }
        return new SpecScript(json, source, commands(root.getAsJsonArray("commands")));
    }

    private static SpecCommand command(JsonObject o) {
        return new SpecCommand(
                string(o, "type"),
                o.has("line") ? o.get("line").getAsInt() : 0,
                string(o, "filename"),
                string(o, "name"),
                string(o, "as"),
                string(o, "module_type"),
                currentWording(string(o, "text")),
                string(o, "module"),
                string(o, "instance"),
                o.has("action") ? action(o.getAsJsonObject("action")) : null,
                o.has("expected") ? values(o.getAsJsonArray("expected")) : List.of(),
                string(o, "thread"),
                o.has("shared_modules") ? strings(o.getAsJsonArray("shared_modules")) : List.of(),
                o.has("commands") ? commands(o.getAsJsonArray("commands")) : List.of());
    }

    private static List<SpecCommand> commands(JsonArray array) {
        var commands = new ArrayList<SpecCommand>(array.size());
        array.forEach(element -> commands.add(command(element.getAsJsonObject())));
        return commands;
    }

    private static List<String> strings(JsonArray array) {
        var strings = new ArrayList<String>(array.size());
        array.forEach(element -> strings.add(element.getAsString()));
        return strings;
    }

    /**
     * An expected text in the wording wasmvm uses: the 3.0 reference interpreter's. The texts are that
     * interpreter's messages, not the spec's, and a few changed after 2.0; the 2.0 suite still has the old ones.
     */
    private static String currentWording(String text) {
        return text == null ? null : REWORDED_IN_3_0.getOrDefault(text, text);
    }

    private static SpecAction action(JsonObject o) {
        return new SpecAction(string(o, "type"), string(o, "module"), string(o, "field"),
                o.has("args") ? values(o.getAsJsonArray("args")) : List.of());
    }

    private static List<SpecValue> values(JsonArray array) {
        var values = new ArrayList<SpecValue>(array.size());
        for (JsonElement element : array) {
            values.add(value(element.getAsJsonObject()));
        }
        return values;
    }

    private static SpecValue value(JsonObject o) {
        String type = string(o, "type");
        if ("either".equals(type)) {
            return SpecValue.either(values(o.getAsJsonArray("values")));
        }
        JsonElement value = o.get("value");
        if (value != null && value.isJsonArray()) { // v128: one string per lane
            var lanes = new ArrayList<String>();
            value.getAsJsonArray().forEach(lane -> lanes.add(lane.getAsString()));
            return SpecValue.vector(string(o, "lane_type"), lanes);
        }
        return SpecValue.of(type, string(o, "value"));
    }

    private static String string(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }
}

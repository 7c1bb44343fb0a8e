// A JSON reader and pretty-printer: a sealed tree of values, objects keep their keys' order.

sealed class Json {
    data class Obj(val members: LinkedHashMap<String, Json>) : Json()
    data class Arr(val items: List<Json>) : Json()
    data class Str(val value: String) : Json()
    data class Num(val value: Double) : Json()
    data class Bool(val value: Boolean) : Json()
    object Null : Json() {
        override fun toString() = "Null"
    }
}

class JsonError(val line: Int, val column: Int, message: String) : Exception(message)

class JsonParser(private val text: String) {
    private var pos = 0

    fun parseDocument(): Json {
        val value = parseValue()
        skipSpace()
        if (pos != text.length) fail("trailing characters")
        return value
    }

    private fun parseValue(): Json {
        skipSpace()
        if (pos >= text.length) fail("unexpected end of input")
        return when (val c = text[pos]) {
            '{' -> parseObject()
            '[' -> parseArray()
            '"' -> Json.Str(parseString())
            't' -> literal("true", Json.Bool(true))
            'f' -> literal("false", Json.Bool(false))
            'n' -> literal("null", Json.Null)
            else -> if (c == '-' || c.isDigit()) parseNumber() else fail("unexpected '$c'")
        }
    }

    private fun parseObject(): Json {
        pos++
        val members = LinkedHashMap<String, Json>()
        skipSpace()
        if (peek() == '}') { pos++; return Json.Obj(members) }
        while (true) {
            skipSpace()
            if (peek() != '"') fail("expected a key")
            val key = parseString()
            skipSpace()
            expect(':')
            if (members.containsKey(key)) fail("duplicate key \"$key\"")
            members[key] = parseValue()
            skipSpace()
            when (peek()) {
                ',' -> pos++
                '}' -> { pos++; return Json.Obj(members) }
                else -> fail("expected ',' or '}'")
            }
        }
    }

    private fun parseArray(): Json {
        pos++
        val items = ArrayList<Json>()
        skipSpace()
        if (peek() == ']') { pos++; return Json.Arr(items) }
        while (true) {
            items += parseValue()
            skipSpace()
            when (peek()) {
                ',' -> pos++
                ']' -> { pos++; return Json.Arr(items) }
                else -> fail("expected ',' or ']'")
            }
        }
    }

    private fun parseString(): String {
        pos++
        val out = StringBuilder()
        while (true) {
            if (pos >= text.length) fail("unterminated string")
            val c = text[pos++]
            when {
                c == '"' -> return out.toString()
                c == '\\' -> {
                    if (pos >= text.length) fail("unterminated escape")
                    when (val e = text[pos++]) {
                        '"', '\\', '/' -> out.append(e)
                        'n' -> out.append('\n')
                        't' -> out.append('\t')
                        'r' -> out.append('\r')
                        'b' -> out.append('\b')
                        'f' -> out.append('\u000C')
                        'u' -> {
                            if (pos + 4 > text.length) fail("short unicode escape")
                            val code = text.substring(pos, pos + 4).toIntOrNull(16) ?: fail("bad unicode escape")
                            out.append(code.toChar())
                            pos += 4
                        }
                        else -> fail("bad escape '\\$e'")
                    }
                }
                c < ' ' -> fail("control character in string")
                else -> out.append(c)
            }
        }
    }

    private fun parseNumber(): Json {
        val start = pos
        if (peek() == '-') pos++
        while (pos < text.length && (text[pos].isDigit() || text[pos] in ".eE+-")) pos++
        val literal = text.substring(start, pos)
        return Json.Num(literal.toDoubleOrNull() ?: fail("bad number '$literal'"))
    }

    private fun literal(word: String, value: Json): Json {
        if (!text.startsWith(word, pos)) fail("unexpected '${text[pos]}'")
        pos += word.length
        return value
    }

    private fun expect(c: Char) {
        if (peek() != c) fail("expected '$c'")
        pos++
    }

    private fun peek(): Char? = if (pos < text.length) text[pos] else null

    private fun skipSpace() {
        while (pos < text.length && text[pos].isWhitespace()) pos++
    }

    private fun fail(message: String): Nothing {
        val before = text.substring(0, minOf(pos, text.length))
        val line = before.count { it == '\n' } + 1
        val column = pos - (before.lastIndexOf('\n') + 1) + 1
        throw JsonError(line, column, message)
    }
}

fun Json.pretty(indent: String = ""): String = when (this) {
    is Json.Obj -> if (members.isEmpty()) "{}" else members.entries.joinToString(",\n", "{\n", "\n$indent}") { (k, v) ->
        "$indent  ${quote(k)}: ${v.pretty("$indent  ")}"
    }
    is Json.Arr -> if (items.isEmpty()) "[]" else if (items.all { it !is Json.Obj && it !is Json.Arr }) {
        items.joinToString(", ", "[", "]") { it.pretty() }
    } else {
        items.joinToString(",\n", "[\n", "\n$indent]") { "$indent  ${it.pretty("$indent  ")}" }
    }
    is Json.Str -> quote(value)
    is Json.Num -> formatNumber(value)
    is Json.Bool -> value.toString()
    Json.Null -> "null"
}

fun formatNumber(value: Double): String =
    if (value == kotlin.math.floor(value) && kotlin.math.abs(value) < 1e15) value.toLong().toString() else value.toString()

fun quote(s: String): String = buildString {
    append('"')
    for (c in s) when {
        c == '"' -> append("\\\"")
        c == '\\' -> append("\\\\")
        c == '\n' -> append("\\n")
        c == '\t' -> append("\\t")
        c < ' ' || c > '~' -> append("\\u").append(c.code.toString(16).padStart(4, '0'))
        else -> append(c)
    }
    append('"')
}

data class JsonStats(val kinds: Map<String, Int>, val depth: Int, val keys: Map<String, Int>, val sum: Double)

fun Json.stats(): JsonStats {
    val kinds = HashMap<String, Int>()
    val keys = HashMap<String, Int>()
    var sum = 0.0
    fun walk(node: Json, depth: Int): Int {
        kinds[node::class.simpleName ?: "?"] = (kinds[node::class.simpleName ?: "?"] ?: 0) + 1
        return when (node) {
            is Json.Obj -> {
                node.members.keys.forEach { keys[it] = (keys[it] ?: 0) + 1 }
                node.members.values.maxOfOrNull { walk(it, depth + 1) } ?: depth
            }
            is Json.Arr -> node.items.maxOfOrNull { walk(it, depth + 1) } ?: depth
            is Json.Num -> { sum += node.value; depth }
            else -> depth
        }
    }
    val depth = walk(this, 1)
    return JsonStats(kinds.entries.sortedBy { it.key }.associate { it.key to it.value }, depth, keys, sum)
}

/** Follows a path like `people[1].name` or `people[*].age`, returning every match. */
fun Json.query(path: String): List<Json> {
    val steps = Regex("""\.?([A-Za-z_][A-Za-z0-9_]*)|\[(\d+|\*)]""").findAll(path).map { it.groupValues }.toList()
    return steps.fold(listOf(this)) { nodes, step ->
        nodes.flatMap { node ->
            when {
                step[1].isNotEmpty() -> listOfNotNull((node as? Json.Obj)?.members?.get(step[1]))
                step[2] == "*" -> (node as? Json.Arr)?.items ?: emptyList()
                else -> listOfNotNull((node as? Json.Arr)?.items?.getOrNull(step[2].toInt()))
            }
        }
    }
}

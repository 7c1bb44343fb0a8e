// textkit: reads sections from standard input, each opened by a line "=== json", "=== calc" or
// "=== text", and reports on each. A section that fails is reported and the next one goes on; the
// last line sums up, with a checksum of everything printed before it.

private val output = StringBuilder()

private fun emit(line: String) {
    println(line)
    output.append(line).append('\n')
}

data class Section(val kind: String, val firstLine: Int, val body: String)

fun sections(input: String): List<Section> {
    val result = ArrayList<Section>()
    var kind: String? = null
    var first = 0
    val body = StringBuilder()
    input.lines().forEachIndexed { index, line ->
        if (line.startsWith("=== ")) {
            kind?.let { result += Section(it, first, body.toString()) }
            kind = line.removePrefix("=== ").trim()
            first = index + 2
            body.clear()
        } else if (kind != null) {
            body.append(line).append('\n')
        }
    }
    kind?.let { result += Section(it, first, body.toString()) }
    return result
}

fun runJson(body: String) {
    val doc = JsonParser(body).parseDocument()
    doc.pretty().lines().forEach(::emit)
    val stats = doc.stats()
    emit("kinds: " + stats.kinds.entries.joinToString { "${it.key}=${it.value}" } + "; depth ${stats.depth}; sum of numbers ${formatNumber(stats.sum)}")
    val repeated = stats.keys.filterValues { it > 1 }.toList().sortedWith(compareByDescending<Pair<String, Int>> { it.second }.thenBy { it.first })
    if (repeated.isNotEmpty()) emit("repeated keys: " + repeated.joinToString { "${it.first}×${it.second}" })
    for (path in listOf("name", "people[*].name", "people[1].languages[0]", "people[*].age")) {
        val found = doc.query(path)
        if (found.isNotEmpty()) emit("$path -> " + found.joinToString(" | ") { it.pretty() })
    }
}

fun runCalc(body: String, firstLine: Int): Long {
    val interpreter = Interpreter(::emit)
    val statements = Parser(lex(body, firstLine)).program()
    for (statement in statements) {
        try {
            interpreter.run(statement)
        } catch (e: CalcError) {
            emit("error: ${e.message}")
        }
    }
    return interpreter.steps
}

fun main() {
    val input = readStandardInput()
    var failed = 0
    var steps = 0L
    val all = sections(input)
    for (section in all) {
        emit("--- ${section.kind} (line ${section.firstLine})")
        try {
            when (section.kind) {
                "json" -> runJson(section.body)
                "calc" -> steps += runCalc(section.body, section.firstLine)
                "text" -> analyse(section.body).render().lines().forEach(::emit)
                else -> throw IllegalArgumentException("unknown section kind '${section.kind}'")
            }
        } catch (e: JsonError) {
            failed++
            emit("json error at ${e.line + section.firstLine - 1}:${e.column}: ${e.message}")
        } catch (e: Exception) {
            failed++
            emit("failed: ${e::class.simpleName}: ${e.message}")
        }
    }
    val checksum = output.toString().hashCode().toUInt().toString(16)
    println("${all.size} sections, $failed failed, $steps calc steps, checksum $checksum")
}

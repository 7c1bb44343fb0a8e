// Statistics of a text: words by frequency, sentence lengths, letters, the longest words.

data class WordCount(val word: String, val count: Int)

data class TextReport(
    val lines: Int,
    val words: Int,
    val distinct: Int,
    val top: List<WordCount>,
    val longest: List<String>,
    val sentences: List<Int>,
    val letters: List<Pair<Char, Int>>,
    val pairs: List<Pair<String, Int>>,
)

private val WORD = Regex("[A-Za-z]+(?:'[a-z]+)?")
private val SENTENCE_END = Regex("[.!?]+(?:\\s|$)")

fun analyse(text: String): TextReport {
    val words = WORD.findAll(text).map { it.value.lowercase() }.toList()
    val counts = words.groupingBy { it }.eachCount()
    val top = counts.map { (word, count) -> WordCount(word, count) }
        .sortedWith(compareByDescending<WordCount> { it.count }.thenBy { it.word })
        .take(8)
    val longest = counts.keys.sortedWith(compareByDescending<String> { it.length }.thenBy { it }).take(5)
    val sentences = text.split(SENTENCE_END).map { WORD.findAll(it).count() }.filter { it > 0 }
    val letters = words.flatMap { it.asIterable() }.groupBy { it }.mapValues { it.value.size }
        .entries.sortedWith(compareByDescending<Map.Entry<Char, Int>> { it.value }.thenBy { it.key })
        .take(6).map { it.key to it.value }
    val pairs = words.zipWithNext { a, b -> "$a $b" }.groupingBy { it }.eachCount().entries
        .sortedWith(compareByDescending<Map.Entry<String, Int>> { it.value }.thenBy { it.key }).take(4).map { it.key to it.value }
    return TextReport(text.lines().count { it.isNotBlank() }, words.size, counts.size, top, longest, sentences, letters, pairs)
}

fun TextReport.render(): String = buildString {
    appendLine("lines $lines, words $words, distinct $distinct")
    appendLine("top words: " + top.joinToString { "${it.word}×${it.count}" })
    appendLine("longest: " + longest.joinToString())
    val mean = sentences.sum().toDouble() / sentences.size
    appendLine("sentences ${sentences.size}, words per sentence min ${sentences.min()} max ${sentences.max()} mean ${(mean * 100).toLong() / 100.0}")
    appendLine("letters: " + letters.joinToString(" ") { (c, n) -> "$c=$n" })
    append("word pairs: " + pairs.joinToString { (pair, n) -> "\"$pair\"×$n" })
}

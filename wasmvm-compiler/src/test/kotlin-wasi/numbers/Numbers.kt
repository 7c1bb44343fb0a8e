// numbers: Kotlin's standard library on numbers and text, printed line by line for a comparison with node:
// the math functions (Kotlin/Wasm's own implementations, wasm has no sin or exp), the formatting of doubles,
// floats and integers in several radixes, unsigned and overflowing arithmetic, Unicode case mapping, regular
// expressions, a seeded Random, the standard library's exceptions caught; at the end one exception left
// uncaught, so the run ends as an uncaught wasm exception.
import kotlin.math.*

class Box(val value: Any?)

fun doubles() {
    val values = listOf(0.0, -0.0, 1.0, -1.5, 0.1, 1e-7, 1.0e21, 123456789.123, Double.NaN, Double.POSITIVE_INFINITY,
        Double.MIN_VALUE, Double.MAX_VALUE, 2.0 / 3, PI, E)
    for (d in values) {
        println("$d ${d.toFloat()} ${d.toInt()} ${d.toLong()} ${d.toRawBits().toString(16)} ${sin(d)} ${cos(d)} ${tan(d)} " +
            "${exp(d)} ${ln(abs(d))} ${sqrt(abs(d))} ${d.pow(1.5)} ${atan2(d, 2.0)} ${cbrt(d)} ${round(d)} ${d.hashCode()} " +
            "${floor(d)} ${ceil(d)} ${sign(d)} ${asin(d / 4)} ${acos(d / 4)} ${tanh(d)} ${log10(abs(d))} ${log2(abs(d))} " +
            "${hypot(d, 3.0)} ${expm1(d)} ${ln1p(abs(d))} ${if (d.isNaN()) null else d.roundToLong()}")
    }
}

fun floats() {
    for (f in listOf(0.1f, -3.75f, 1e30f, Float.NaN, 16777217f, 1.17549435E-38f)) {
        println("$f ${f.toDouble()} ${f.toInt()} ${f.toBits()} ${f * f} ${f / 3} ${sqrt(f)} ${sin(f)} ${f.hashCode()}")
    }
}

fun integers() {
    for (l in listOf(0L, 1L, -1L, Long.MAX_VALUE, Long.MIN_VALUE, 1234567890123456789L, -987654321L)) {
        println("$l ${l.toString(2).length} ${l.toString(36)} ${l.toULong()} ${l.toInt()} ${l.toDouble()} ${l.countOneBits()} " +
            "${l.countLeadingZeroBits()} ${l.rotateLeft(13)} ${l.hashCode()} ${(l * 31 + 7) / 3} ${l % 1000} " +
            "${l.toULong() / 7u} ${l.toULong() % 10u} ${l.absoluteValue} ${l xor 0x5555L} ${l shr 3} ${l ushr 3}")
    }
    for (i in listOf(0, 1, -1, Int.MAX_VALUE, Int.MIN_VALUE, 65535, -12345678)) {
        println("$i ${i.toString(16)} ${i.toUInt()} ${i.toShort()} ${i.toByte()} ${i.toChar().code} ${i.countTrailingZeroBits()} " +
            "${i.takeHighestOneBit()} ${i.toUInt() / 3u} ${i / 7} ${i % 7} ${i.toFloat()}")
    }
    println("${Int.MIN_VALUE / -1} ${Long.MIN_VALUE / -1} ${Int.MIN_VALUE % -1} ${ULong.MAX_VALUE} ${UInt.MAX_VALUE / 3u}")
    println("${0.1 + 0.2} ${1.0 / 3.0 * 3.0 == 1.0} ${(0..100).sumOf { it.toDouble() / 7 }} ${Double.fromBits(0x7ff8000000000001L).isNaN()}")
}

fun text() {
    val words = "Straße ÉCOLE naïve İstanbul ǅ ﬁ Ωmega 𝔘nicode".split(' ')
    println(words.map { it.uppercase() })
    println(words.map { it.lowercase() })
    println(words.map { it.length })
    println(words.map { w -> w.count { it.isLetter() } })
    println(Regex("\\p{Lu}").findAll(words.joinToString(" ")).count())
    println("a,b;;c".split(Regex("[,;]")))
    println("2024-01-05".replace(Regex("(\\d+)-(\\d+)-(\\d+)"), "$3/$2/$1"))
    println("   trim me  ".trim().reversed().padEnd(12, '*') + " " + "abc".compareTo("abd"))
}

fun collections() {
    println((1..20).map { it * it }.chunked(6).map { it.sum() })
    val array = IntArray(10) { it * 3 }
    array.reverse()
    println(array.joinToString())
    val random = kotlin.random.Random(1234)
    println(List(8) { random.nextInt(1000) })
    println(List(3) { random.nextDouble() })
    println(List(3) { random.nextLong() })
    val counts = HashMap<Any, Int>()
    for (key in listOf<Any>(1, 1L, 1.0, "1", '1', true, 1.0f, 1)) counts[key] = (counts[key] ?: 0) + 1
    println("${counts.size} ${counts[1]}")
    println(generateSequence(1) { it + 1 }.map { it * 2 }.filter { it % 3 == 0 }.take(10).toList())
}

fun exceptions() {
    val any: Any = "text"
    try { println((any as Int) + 1) } catch (e: ClassCastException) { println("ClassCastException") }
    try { println(Box(null).value!!.hashCode()) } catch (e: NullPointerException) { println("NullPointerException") }
    try { println(listOf(1, 2)[5]) } catch (e: IndexOutOfBoundsException) { println("IndexOutOfBoundsException") }
    try { println("x12".toInt()) } catch (e: NumberFormatException) { println("NumberFormatException: ${e.message}") }
    try { check(false) { "checked" } } catch (e: IllegalStateException) { println("IllegalStateException: ${e.message}") }
    try { Double.NaN.roundToLong() } catch (e: IllegalArgumentException) { println("IllegalArgumentException: ${e.message}") }
}

fun main() {
    doubles()
    floats()
    integers()
    text()
    collections()
    exceptions()
    throw IllegalStateException("left uncaught on purpose")
}

// A small expression language: integers, floats, strings, booleans, lists, closures and recursion,
// lexed, parsed to a tree and evaluated in environments chained by scope.

data class Token(val kind: Kind, val text: String, val line: Int) {
    enum class Kind { NUMBER, STRING, NAME, SYMBOL, END }
}

class CalcError(message: String) : Exception(message)

fun lex(source: String, firstLine: Int = 1): List<Token> {
    val tokens = ArrayList<Token>()
    var line = firstLine
    var i = 0
    while (i < source.length) {
        val c = source[i]
        when {
            c == '\n' -> { line++; i++ }
            c.isWhitespace() -> i++
            c == '#' -> while (i < source.length && source[i] != '\n') i++
            c.isDigit() -> {
                val start = i
                while (i < source.length && (source[i].isDigit() || source[i] == '.')) i++
                tokens += Token(Token.Kind.NUMBER, source.substring(start, i), line)
            }
            c.isLetter() || c == '_' -> {
                val start = i
                while (i < source.length && (source[i].isLetterOrDigit() || source[i] == '_')) i++
                tokens += Token(Token.Kind.NAME, source.substring(start, i), line)
            }
            c == '"' -> {
                val end = source.indexOf('"', i + 1)
                if (end < 0) throw CalcError("line $line: unterminated string")
                tokens += Token(Token.Kind.STRING, source.substring(i + 1, end), line)
                i = end + 1
            }
            else -> {
                val two = if (i + 1 < source.length) source.substring(i, i + 2) else ""
                val symbol = if (two in setOf("==", "!=", "<=", ">=", "=>", "&&", "||")) two else c.toString()
                if (symbol.length == 1 && symbol !in "+-*/%<>=(),;[]!") throw CalcError("line $line: unexpected '$c'")
                tokens += Token(Token.Kind.SYMBOL, symbol, line)
                i += symbol.length
            }
        }
    }
    tokens += Token(Token.Kind.END, "<end>", line)
    return tokens
}

sealed interface Expr {
    data class Literal(val value: Value) : Expr
    data class Name(val name: String, val line: Int) : Expr
    data class Unary(val op: String, val operand: Expr) : Expr
    data class Binary(val op: String, val left: Expr, val right: Expr, val line: Int) : Expr
    data class If(val condition: Expr, val then: Expr, val otherwise: Expr) : Expr
    data class Lambda(val params: List<String>, val body: Expr) : Expr
    data class Call(val callee: Expr, val args: List<Expr>, val line: Int) : Expr
    data class ListOf(val items: List<Expr>) : Expr
    data class Index(val target: Expr, val index: Expr, val line: Int) : Expr
}

sealed interface Statement {
    data class Let(val name: String, val value: Expr) : Statement
    data class Print(val value: Expr) : Statement
}

class Parser(private val tokens: List<Token>) {
    private var pos = 0

    fun program(): List<Statement> {
        val statements = ArrayList<Statement>()
        while (peek().kind != Token.Kind.END) {
            statements += statement()
            accept(";")
        }
        return statements
    }

    private fun statement(): Statement = when {
        accept("let") -> {
            val name = expectName()
            expect("=")
            Statement.Let(name, expression())
        }
        accept("fun") -> {
            // fun f(a, b) = body  is  let f = fn(a, b) => body, and the closure sees f itself
            val name = expectName()
            Statement.Let(name, Expr.Lambda(parameters(), run { expect("="); expression() }))
        }
        accept("print") -> Statement.Print(expression())
        else -> Statement.Print(expression())
    }

    private fun parameters(): List<String> {
        expect("(")
        val names = ArrayList<String>()
        if (!accept(")")) {
            do names += expectName() while (accept(","))
            expect(")")
        }
        return names
    }

    private fun expression(): Expr = when {
        accept("if") -> {
            val condition = expression()
            expect("then")
            val then = expression()
            expect("else")
            Expr.If(condition, then, expression())
        }
        accept("fn") -> {
            val params = parameters()
            expect("=>")
            Expr.Lambda(params, expression())
        }
        else -> binary(0)
    }

    private val levels = listOf(setOf("||"), setOf("&&"), setOf("==", "!="), setOf("<", "<=", ">", ">="), setOf("+", "-"), setOf("*", "/", "%"))

    private fun binary(level: Int): Expr {
        if (level == levels.size) return unary()
        var left = binary(level + 1)
        while (peek().kind == Token.Kind.SYMBOL && peek().text in levels[level]) {
            val op = next()
            left = Expr.Binary(op.text, left, binary(level + 1), op.line)
        }
        return left
    }

    private fun unary(): Expr = if (peek().text == "-" || peek().text == "!") {
        Expr.Unary(next().text, unary())
    } else postfix(primary())

    private fun postfix(start: Expr): Expr {
        var expr = start
        while (true) {
            val line = peek().line
            expr = when {
                accept("(") -> Expr.Call(expr, arguments(")"), line)
                accept("[") -> Expr.Index(expr, expression(), line).also { expect("]") }
                else -> return expr
            }
        }
    }

    private fun arguments(close: String): List<Expr> {
        val args = ArrayList<Expr>()
        if (accept(close)) return args
        do args += expression() while (accept(","))
        expect(close)
        return args
    }

    private fun primary(): Expr {
        val token = next()
        return when (token.kind) {
            Token.Kind.NUMBER -> Expr.Literal(
                if ('.' in token.text) Value.Real(token.text.toDouble()) else Value.Integer(token.text.toLongOrNull()
                    ?: throw CalcError("line ${token.line}: number too large: ${token.text}")))
            Token.Kind.STRING -> Expr.Literal(Value.Text(token.text))
            Token.Kind.NAME -> when (token.text) {
                "true" -> Expr.Literal(Value.Bool(true))
                "false" -> Expr.Literal(Value.Bool(false))
                else -> Expr.Name(token.text, token.line)
            }
            Token.Kind.SYMBOL -> when (token.text) {
                "(" -> expression().also { expect(")") }
                "[" -> Expr.ListOf(arguments("]"))
                else -> throw CalcError("line ${token.line}: unexpected '${token.text}'")
            }
            Token.Kind.END -> throw CalcError("line ${token.line}: unexpected end of input")
        }
    }

    private fun peek() = tokens[pos]
    private fun next() = tokens[pos].also { if (it.kind != Token.Kind.END) pos++ }
    private fun accept(text: String) = (peek().text == text && peek().kind != Token.Kind.STRING).also { if (it) pos++ }
    private fun expect(text: String) {
        if (!accept(text)) throw CalcError("line ${peek().line}: expected '$text' but found '${peek().text}'")
    }
    private fun expectName(): String {
        val token = next()
        if (token.kind != Token.Kind.NAME) throw CalcError("line ${token.line}: expected a name but found '${token.text}'")
        return token.text
    }
}

sealed class Value {
    data class Integer(val value: Long) : Value() { override fun toString() = value.toString() }
    data class Real(val value: Double) : Value() { override fun toString() = value.toString() }
    data class Text(val value: String) : Value() { override fun toString() = value }
    data class Bool(val value: Boolean) : Value() { override fun toString() = value.toString() }
    data class Items(val items: List<Value>) : Value() {
        override fun toString() = items.joinToString(", ", "[", "]") { if (it is Text) quote(it.value) else it.toString() }
    }
    class Closure(val params: List<String>, val body: Expr, val scope: Scope) : Value() {
        override fun toString() = "<fn/${params.size}>"
    }
    class Builtin(val name: String, val arity: Int, val body: (Interpreter, List<Value>) -> Value) : Value() {
        override fun toString() = "<builtin $name>"
    }
}

class Scope(private val parent: Scope?) {
    private val names = HashMap<String, Value>()
    fun lookup(name: String): Value? = names[name] ?: parent?.lookup(name)
    fun define(name: String, value: Value) { names[name] = value }
}

class Interpreter(private val out: (String) -> Unit) {
    val globals = Scope(null)
    var steps = 0L
        private set

    init {
        builtin("len", 1) { args -> Value.Integer(items(args[0]).size.toLong()) }
        builtin("range", 2) { args -> Value.Items((integer(args[0])..<integer(args[1])).map { Value.Integer(it) }) }
        builtin("map", 2) { args -> Value.Items(items(args[0]).map { call(args[1], listOf(it)) }) }
        builtin("filter", 2) { args -> Value.Items(items(args[0]).filter { truth(call(args[1], listOf(it))) }) }
        builtin("reduce", 3) { args -> items(args[0]).fold(args[1]) { acc, v -> call(args[2], listOf(acc, v)) } }
        builtin("sort", 2) { args -> Value.Items(items(args[0]).sortedWith { a, b -> integer(call(args[1], listOf(a, b))).toInt() }) }
        builtin("str", 1) { args -> Value.Text(args[0].toString()) }
        builtin("sqrt", 1) { args -> Value.Real(kotlin.math.sqrt(real(args[0]))) }
        builtin("concat", 2) { args -> Value.Items(items(args[0]) + items(args[1])) }
        builtin("error", 1) { args -> throw CalcError("error(): ${args[0]}") }
        builtin("collatz", 1) { args -> Value.Items(collatz(integer(args[0])).map { Value.Integer(it) }.toList()) }
        builtin("chunks", 2) { args -> Value.Items(items(args[0]).chunked(integer(args[1]).toInt()) { Value.Items(it.toList()) }) }
        builtin("shuffle", 2) { args -> Value.Items(items(args[0]).shuffled(kotlin.random.Random(integer(args[1])))) }
    }

    /** The Collatz sequence from [start] down to 1, generated lazily by a coroutine. */
    private fun collatz(start: Long): Sequence<Long> = sequence {
        if (start < 1) throw CalcError("collatz needs a positive start, got $start")
        var n = start
        while (n != 1L) {
            yield(n)
            n = if (n % 2 == 0L) n / 2 else 3 * n + 1
        }
        yield(1L)
    }

    private fun builtin(name: String, arity: Int, body: Interpreter.(List<Value>) -> Value) =
        globals.define(name, Value.Builtin(name, arity) { interpreter, args -> interpreter.body(args) })

    fun run(statement: Statement) {
        when (statement) {
            is Statement.Let -> {
                val value = evaluate(statement.value, globals)
                globals.define(statement.name, value)
            }
            is Statement.Print -> out(evaluate(statement.value, globals).toString())
        }
    }

    fun evaluate(expr: Expr, scope: Scope): Value {
        steps++
        return when (expr) {
            is Expr.Literal -> expr.value
            is Expr.Name -> scope.lookup(expr.name) ?: throw CalcError("line ${expr.line}: unknown name '${expr.name}'")
            is Expr.Unary -> when (val v = evaluate(expr.operand, scope)) {
                is Value.Integer -> if (expr.op == "-") Value.Integer(-v.value) else throw CalcError("cannot apply '!' to $v")
                is Value.Real -> if (expr.op == "-") Value.Real(-v.value) else throw CalcError("cannot apply '!' to $v")
                is Value.Bool -> if (expr.op == "!") Value.Bool(!v.value) else throw CalcError("cannot negate $v")
                else -> throw CalcError("cannot apply '${expr.op}' to $v")
            }
            is Expr.Binary -> binary(expr, scope)
            is Expr.If -> if (truth(evaluate(expr.condition, scope))) evaluate(expr.then, scope) else evaluate(expr.otherwise, scope)
            is Expr.Lambda -> Value.Closure(expr.params, expr.body, scope)
            is Expr.Call -> {
                val callee = evaluate(expr.callee, scope)
                try {
                    call(callee, expr.args.map { evaluate(it, scope) })
                } catch (e: ArityError) {
                    throw CalcError("line ${expr.line}: ${e.message}")
                }
            }
            is Expr.ListOf -> Value.Items(expr.items.map { evaluate(it, scope) })
            is Expr.Index -> {
                val list = items(evaluate(expr.target, scope))
                val i = integer(evaluate(expr.index, scope))
                list.getOrNull(i.toInt()) ?: throw CalcError("line ${expr.line}: index $i out of bounds for length ${list.size}")
            }
        }
    }

    private class ArityError(message: String) : Exception(message)

    fun call(callee: Value, args: List<Value>): Value = when (callee) {
        is Value.Closure -> {
            if (args.size != callee.params.size) throw ArityError("expected ${callee.params.size} arguments, got ${args.size}")
            val frame = Scope(callee.scope)
            callee.params.zip(args).forEach { (name, value) -> frame.define(name, value) }
            evaluate(callee.body, frame)
        }
        is Value.Builtin -> {
            if (args.size != callee.arity) throw ArityError("${callee.name} expects ${callee.arity} arguments, got ${args.size}")
            callee.body(this, args)
        }
        else -> throw CalcError("$callee is not a function")
    }

    private fun binary(expr: Expr.Binary, scope: Scope): Value {
        if (expr.op == "&&") return Value.Bool(truth(evaluate(expr.left, scope)) && truth(evaluate(expr.right, scope)))
        if (expr.op == "||") return Value.Bool(truth(evaluate(expr.left, scope)) || truth(evaluate(expr.right, scope)))
        val a = evaluate(expr.left, scope)
        val b = evaluate(expr.right, scope)
        return when {
            expr.op == "==" -> Value.Bool(a == b)
            expr.op == "!=" -> Value.Bool(a != b)
            a is Value.Text || b is Value.Text ->
                if (expr.op == "+") Value.Text("$a$b") else throw CalcError("line ${expr.line}: cannot apply '${expr.op}' to text")
            a is Value.Items && b is Value.Items && expr.op == "+" -> Value.Items(a.items + b.items)
            a is Value.Integer && b is Value.Integer -> integerOp(expr, a.value, b.value)
            else -> realOp(expr, real(a), real(b))
        }
    }

    private fun integerOp(expr: Expr.Binary, a: Long, b: Long): Value = when (expr.op) {
        "+" -> Value.Integer(a + b)
        "-" -> Value.Integer(a - b)
        "*" -> Value.Integer(a * b)
        "/", "%" -> try {
            Value.Integer(if (expr.op == "/") a / b else a % b)
        } catch (e: ArithmeticException) {
            throw CalcError("line ${expr.line}: division by zero")
        }
        else -> Value.Bool(compare(expr.op, a.compareTo(b)))
    }

    private fun realOp(expr: Expr.Binary, a: Double, b: Double): Value = when (expr.op) {
        "+" -> Value.Real(a + b)
        "-" -> Value.Real(a - b)
        "*" -> Value.Real(a * b)
        "/" -> Value.Real(a / b)
        "%" -> Value.Real(a % b)
        else -> Value.Bool(compare(expr.op, a.compareTo(b)))
    }

    private fun compare(op: String, order: Int) = when (op) {
        "<" -> order < 0
        "<=" -> order <= 0
        ">" -> order > 0
        else -> order >= 0
    }

    private fun truth(v: Value) = (v as? Value.Bool)?.value ?: throw CalcError("expected a boolean, got $v")
    private fun integer(v: Value) = (v as? Value.Integer)?.value ?: throw CalcError("expected an integer, got $v")
    private fun items(v: Value) = (v as? Value.Items)?.items ?: throw CalcError("expected a list, got $v")
    private fun real(v: Value) = when (v) {
        is Value.Integer -> v.value.toDouble()
        is Value.Real -> v.value
        else -> throw CalcError("expected a number, got $v")
    }
}

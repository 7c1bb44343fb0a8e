def log = new File(basedir, 'build.log').text
assert log.contains("wasmvm:run (execution 'divide') of module ")
assert log.contains("/trap.wasm failed: wasm trap: integer divide by zero")
// the wasm stack, innermost first, with the names from the name section
def divide = log.indexOf('at divide (func 0)')
def compute = log.indexOf('at compute (func 1)')
def main = log.indexOf('at main (func 2)')
assert divide > 0 && compute > divide && main > compute
assert !log.contains('at org.wasmvm.core.')
return true

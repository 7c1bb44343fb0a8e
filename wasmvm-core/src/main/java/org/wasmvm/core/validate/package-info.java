/**
 * Internal: the specification's validation algorithm (module rules, constant expressions, and the
 * operand/control-stack type checker for function bodies). Not part of the public API.
 */
package org.wasmvm.core.validate;

/**
 * Internal: the contract between the runtime and a compiler tier ({@code wasmvm-compiler}, found
 * through {@link java.util.ServiceLoader}), and the machinery both tiers share: per-module call
 * sites that switch from the interpreter to compiled code, tier-up bookkeeping, and the static
 * helpers generated code calls. Not part of the public API.
 */
package org.wasmvm.core.tier;

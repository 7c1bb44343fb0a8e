/**
 * Running a program, the layer above the public API that the command line and the Maven plugin
 * stand on: build a {@link org.wasmvm.core.run.RunRequest} and hand it to {@link
 * org.wasmvm.core.run.ProgramRunner#run}, which carries out a {@link org.wasmvm.core.run.RunRequest}: it loads the
 * module, links the host modules of the run ({@code HostModules}: sysenv and WASI preview1, which
 * know nothing of each other), instantiates, calls the entry point ({@code EntryPoint}) and maps the
 * outcome to a {@link org.wasmvm.core.run.RunResult}.
 *
 * <p>This package sits above the host families: it may use {@code sysenv} and {@code wasi}, they
 * never use it. It also links programs of several modules ({@code ModuleGraph}): an import no host
 * module answers to names another module file ({@code ModuleSearch}, WasmVM's rules), loaded with
 * the main module before anything runs and instantiated once per run, dependencies first. A run
 * may instead invoke one export with arguments, as wasmtime's {@code --invoke}: {@link
 * org.wasmvm.core.run.ValueText} reads the arguments and prints the results, so the command and the
 * plugin write values alike.
 */
package org.wasmvm.core.run;

/**
 * Python string formatting on plain Java values, exact to CPython 3.11.
 *
 * <ul>
 * <li>{@link io.github.ftmem.interpreter.text.FormatSpec}: {@code format(value, spec)} for int,
 *     float and str — the mini-language of {@code format()}, {@code str.format} and f-strings.</li>
 * <li>{@link io.github.ftmem.interpreter.text.PercentFormat}: {@code str % args}, asking the
 *     evaluator about its objects through {@code PercentFormat.Values}.</li>
 * <li>{@link io.github.ftmem.interpreter.text.PyStrings}: {@code repr()}/{@code ascii()} of str,
 *     {@code isprintable}/{@code isspace} per code point (Unicode 14, as CPython 3.11).</li>
 * </ul>
 * All stateless and thread-safe.
 */
package io.github.ftmem.interpreter.text;

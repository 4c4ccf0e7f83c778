/**
 * Python number semantics on plain Java values, exact to CPython 3.11: the evaluator keeps
 * Python objects off-heap and calls these pure functions on the transient Java value.
 *
 * <ul>
 * <li>{@link io.github.ftmem.interpreter.numbers.PyInts}: int arithmetic on {@code Long} (fast
 *     path) and {@code BigInteger} (beyond 64 bits), int/str conversions with the 4300-digit
 *     limit, true division, int ↔ float.</li>
 * <li>{@link io.github.ftmem.interpreter.numbers.FloatRepr}: {@code repr(float)}, the e/f/g/r
 *     layouts of {@code PyOS_double_to_string}, {@code round}, {@code float(str)}.</li>
 * <li>{@link io.github.ftmem.interpreter.numbers.PyHash}: {@code hash()} of int, float, str,
 *     bytes and tuple (str/bytes as under {@code PYTHONHASHSEED=0}).</li>
 * <li>{@link io.github.ftmem.interpreter.numbers.MersenneTwister}: the {@code random} module's
 *     generator and methods.</li>
 * </ul>
 *
 * Python-level failures are thrown as {@link io.github.ftmem.interpreter.numbers.PyLibError},
 * which names the exception class and carries CPython's message. Every function is checked
 * against tables CPython 3.11 generated ({@code interpreter/tools/regen-pylib-cases}).
 * All classes are stateless and thread-safe except {@code MersenneTwister} instances.
 */
package io.github.ftmem.interpreter.numbers;

package io.github.ftmem.interpreter.syntax;

import java.math.BigInteger;
import java.util.List;

/**
 * Expression nodes, mirroring CPython's {@code ast} module (3.11) so that error messages and
 * traceback ranges can be computed the way CPython does. Every node carries its source range.
 */
public sealed interface Expr {

    Pos pos();

    /** Whether a name, attribute, subscript, starred, list or tuple is read, assigned or deleted. */
    enum Ctx { LOAD, STORE, DEL }

    enum BoolOperator { AND, OR }

    enum BinaryOperator {
        ADD("+"), SUB("-"), MUL("*"), MATMUL("@"), DIV("/"), MOD("%"), POW("**"), LSHIFT("<<"),
        RSHIFT(">>"), BITOR("|"), BITXOR("^"), BITAND("&"), FLOORDIV("//");

        public final String symbol;

        BinaryOperator(String symbol) {
            this.symbol = symbol;
        }
    }

    enum UnaryOperator { INVERT, NOT, UADD, USUB }

    enum CmpOperator {
        EQ("=="), NOT_EQ("!="), LT("<"), LT_E("<="), GT(">"), GT_E(">="), IS("is"), IS_NOT("is not"),
        IN("in"), NOT_IN("not in");

        public final String symbol;

        CmpOperator(String symbol) {
            this.symbol = symbol;
        }
    }

    record BoolOp(Pos pos, BoolOperator op, List<Expr> values) implements Expr {
    }

    record NamedExpr(Pos pos, Name target, Expr value) implements Expr {
    }

    record BinOp(Pos pos, Expr left, BinaryOperator op, Expr right) implements Expr {
    }

    record UnaryOp(Pos pos, UnaryOperator op, Expr operand) implements Expr {
    }

    record Lambda(Pos pos, Arguments args, Expr body) implements Expr {
    }

    record IfExp(Pos pos, Expr test, Expr body, Expr orElse) implements Expr {
    }

    /** A dict display; a null key marks a {@code **mapping} entry. */
    record DictExpr(Pos pos, List<Expr> keys, List<Expr> values) implements Expr {
    }

    record SetExpr(Pos pos, List<Expr> elements) implements Expr {
    }

    record ListComp(Pos pos, Expr element, List<Comprehension> generators) implements Expr {
    }

    record SetComp(Pos pos, Expr element, List<Comprehension> generators) implements Expr {
    }

    record DictComp(Pos pos, Expr key, Expr value, List<Comprehension> generators) implements Expr {
    }

    record GeneratorExp(Pos pos, Expr element, List<Comprehension> generators) implements Expr {
    }

    /** {@code yield} with an optional value. */
    record Yield(Pos pos, Expr value) implements Expr {
    }

    record YieldFrom(Pos pos, Expr value) implements Expr {
    }

    record Await(Pos pos, Expr value) implements Expr {
    }

    /** A chained comparison {@code left op0 c0 op1 c1 ...}. */
    record Compare(Pos pos, Expr left, List<CmpOperator> ops, List<Expr> comparators) implements Expr {
    }

    /** A call; {@code args} may contain {@link Starred} ({@code *args}); keywords with a null name are {@code **kw}. */
    record Call(Pos pos, Expr func, List<Expr> args, List<Keyword> keywords) implements Expr {
    }

    /** One replacement field of an f-string; {@code conversion} is -1, 's', 'r' or 'a'. */
    record FormattedValue(Pos pos, Expr value, int conversion, JoinedStr formatSpec) implements Expr {
    }

    /** An f-string: {@link StringLiteral} and {@link FormattedValue} parts. */
    record JoinedStr(Pos pos, List<Expr> values) implements Expr {
    }

    /**
     * An int literal. A final class rather than a record only for its {@link Annotated} slot (the
     * evaluator caches the constant's object there); equality, hash and string form are the record's.
     */
    final class IntLiteral extends Annotated implements Expr {
        private final Pos pos;
        private final BigInteger value;

        public IntLiteral(Pos pos, BigInteger value) {
            this.pos = pos;
            this.value = value;
        }

        @Override
        public Pos pos() {
            return pos;
        }

        public BigInteger value() {
            return value;
        }

        /** Whether the value fits a Java long (the interpreter's small-int fast path). */
        public boolean fitsLong() {
            return value.bitLength() < 64;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof IntLiteral l && pos.equals(l.pos) && value.equals(l.value);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(pos, value);
        }

        @Override
        public String toString() {
            return "IntLiteral[pos=" + pos + ", value=" + value + "]";
        }
    }

    /** A float literal; a final class for its {@link Annotated} slot, as {@link IntLiteral}. */
    final class FloatLiteral extends Annotated implements Expr {
        private final Pos pos;
        private final double value;

        public FloatLiteral(Pos pos, double value) {
            this.pos = pos;
            this.value = value;
        }

        @Override
        public Pos pos() {
            return pos;
        }

        public double value() {
            return value;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof FloatLiteral l && pos.equals(l.pos) && Double.compare(value, l.value) == 0;
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(pos, value);
        }

        @Override
        public String toString() {
            return "FloatLiteral[pos=" + pos + ", value=" + value + "]";
        }
    }

    record ImaginaryLiteral(Pos pos, double imag) implements Expr {
    }

    /** A string literal; a final class for its {@link Annotated} slot, as {@link IntLiteral}. */
    final class StringLiteral extends Annotated implements Expr {
        private final Pos pos;
        private final String value;

        public StringLiteral(Pos pos, String value) {
            this.pos = pos;
            this.value = value;
        }

        @Override
        public Pos pos() {
            return pos;
        }

        public String value() {
            return value;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof StringLiteral l && pos.equals(l.pos) && value.equals(l.value);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(pos, value);
        }

        @Override
        public String toString() {
            return "StringLiteral[pos=" + pos + ", value=" + value + "]";
        }
    }

    record BytesLiteral(Pos pos, byte[] value) implements Expr {
    }

    record BoolLiteral(Pos pos, boolean value) implements Expr {
    }

    record NoneLiteral(Pos pos) implements Expr {
    }

    record EllipsisLiteral(Pos pos) implements Expr {
    }

    record Attribute(Pos pos, Expr value, String attr, Ctx ctx) implements Expr {
    }

    record Subscript(Pos pos, Expr value, Expr slice, Ctx ctx) implements Expr {
    }

    record Starred(Pos pos, Expr value, Ctx ctx) implements Expr {
    }

    /**
     * A name occurrence. A final class rather than a record only so that a later stage can attach
     * one per-node annotation ({@link Annotated}; the evaluator caches the resolver's binding there):
     * equality, hash and string form are the record's and ignore the annotation.
     */
    final class Name extends Annotated implements Expr {
        private final Pos pos;
        private final String id;
        private final Ctx ctx;

        public Name(Pos pos, String id, Ctx ctx) {
            this.pos = pos;
            this.id = id;
            this.ctx = ctx;
        }

        @Override
        public Pos pos() {
            return pos;
        }

        public String id() {
            return id;
        }

        public Ctx ctx() {
            return ctx;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Name n && pos.equals(n.pos) && id.equals(n.id) && ctx == n.ctx;
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(pos, id, ctx);
        }

        @Override
        public String toString() {
            return "Name[pos=" + pos + ", id=" + id + ", ctx=" + ctx + "]";
        }
    }

    record ListExpr(Pos pos, List<Expr> elements, Ctx ctx) implements Expr {
    }

    record TupleExpr(Pos pos, List<Expr> elements, Ctx ctx) implements Expr {
    }

    /** {@code lower:upper:step}; each part may be null. */
    record Slice(Pos pos, Expr lower, Expr upper, Expr step) implements Expr {
    }

    /** {@code for target in iter if cond...}. */
    record Comprehension(Expr target, Expr iter, List<Expr> ifs, boolean isAsync) {
    }

    /** {@code name=value}, or {@code **value} when {@code name} is null. */
    record Keyword(Pos pos, String name, Expr value) {
    }

    /** A parameter. */
    record Arg(Pos pos, String name, Expr annotation) {
    }

    /**
     * A parameter list. {@code defaults} belong to the last positional parameters
     * ({@code posOnly} then {@code args}); {@code kwDefaults} has one entry (possibly null) per
     * keyword-only parameter.
     */
    record Arguments(List<Arg> posOnly, List<Arg> args, Arg varArg, List<Arg> kwOnly, List<Expr> kwDefaults,
                     Arg kwArg, List<Expr> defaults) {
        public static final Arguments EMPTY = new Arguments(List.of(), List.of(), null, List.of(), List.of(),
                null, List.of());
    }

    /** CPython's name for the kind of expression, used in "cannot assign to %s" messages. */
    static String describe(Expr e) {
        return switch (e) {
            case Attribute a -> "attribute";
            case Subscript s -> "subscript";
            case Starred s -> "starred";
            case Name n -> "name";
            case ListExpr l -> "list";
            case TupleExpr t -> "tuple";
            case Lambda l -> "lambda";
            case Call c -> "function call";
            case BoolOp b -> "expression";
            case BinOp b -> "expression";
            case UnaryOp u -> "expression";
            case GeneratorExp g -> "generator expression";
            case Yield y -> "yield expression";
            case YieldFrom y -> "yield expression";
            case Await a -> "await expression";
            case ListComp l -> "list comprehension";
            case SetComp s -> "set comprehension";
            case DictComp d -> "dict comprehension";
            case DictExpr d -> "dict literal";
            case SetExpr s -> "set display";
            case JoinedStr j -> "f-string expression";
            case FormattedValue f -> "f-string expression";
            case NoneLiteral n -> "None";
            case BoolLiteral b -> b.value() ? "True" : "False";
            case EllipsisLiteral el -> "ellipsis";
            case IntLiteral i -> "literal";
            case FloatLiteral f -> "literal";
            case ImaginaryLiteral i -> "literal";
            case StringLiteral s -> "literal";
            case BytesLiteral b -> "literal";
            case Compare c -> "comparison";
            case IfExp i -> "conditional expression";
            case NamedExpr n -> "named expression";
            case Slice s -> "slice";
        };
    }

    /**
     * One per-node slot for a later stage's annotation (the syntax itself never reads it): the
     * evaluator caches there what it would otherwise recompute per execution. The field is plain and
     * written racily, so a value must be immutable and safely publishable through final fields, and
     * equivalent whichever thread computes it (a reader that sees null, or another thread's value,
     * behaves the same).
     */
    abstract class Annotated {
        private Object annotation;

        public final Object annotation() {
            return annotation;
        }

        public final void annotate(Object value) {
            annotation = value;
        }
    }
}

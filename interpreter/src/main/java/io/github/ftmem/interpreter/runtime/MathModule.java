package io.github.ftmem.interpreter.runtime;

import io.github.ftmem.core.Header;
import io.github.ftmem.interpreter.runtime.Builtins.Call;

import java.math.BigDecimal;
import java.math.BigInteger;

import static io.github.ftmem.interpreter.runtime.Types.*;

/** The {@code math} module. */
final class MathModule {
    private MathModule() {
    }

    private static double d(long o) {
        if (!Ops.isNumber(o)) {
            throw PyException.of("TypeError", "must be real number, not " + Ops.typeName(o));
        }
        return Ops.toDouble(o);
    }

    private static long checked(double r) {
        if (Double.isNaN(r)) throw PyException.of("ValueError", "math domain error");
        if (Double.isInfinite(r)) throw PyException.of("OverflowError", "math range error");
        return Obj.newFloat(r);
    }

    private static BigInteger integer(long o, String fn) {
        if (!Obj.isInt(o)) {
            if (Header.type(o) == FLOAT) throw PyException.of("TypeError", "'float' object cannot be interpreted as an integer");
            throw PyException.of("TypeError", "'" + Ops.typeName(o) + "' object cannot be interpreted as an integer");
        }
        return Obj.bigValue(o);
    }

    static long call(String name, Call c) {
        long[] a = c.args();
        switch (name) {
            case "sqrt": {
                c.count(1, 1);
                double x = d(a[0]);
                if (x < 0) throw PyException.of("ValueError", "math domain error");
                return Obj.newFloat(Math.sqrt(x));
            }
            case "floor":
            case "ceil":
            case "trunc": {
                c.count(1, 1);
                if (Obj.isInt(a[0])) return Obj.newInt(Obj.bigValue(a[0]));
                double x = d(a[0]);
                if (Double.isNaN(x)) throw PyException.of("ValueError", "cannot convert float NaN to integer");
                if (Double.isInfinite(x)) throw PyException.of("OverflowError", "cannot convert float infinity to integer");
                double r = name.equals("floor") ? Math.floor(x) : name.equals("ceil") ? Math.ceil(x) : (x < 0 ? Math.ceil(x) : Math.floor(x));
                return Obj.newInt(new BigDecimal(r).toBigInteger());
            }
            case "sin": return Obj.newFloat(Math.sin(d(a[0])));
            case "cos": return Obj.newFloat(Math.cos(d(a[0])));
            case "tan": return Obj.newFloat(Math.tan(d(a[0])));
            case "asin": return checked(Math.asin(d(a[0])));
            case "acos": return checked(Math.acos(d(a[0])));
            case "atan": return Obj.newFloat(Math.atan(d(a[0])));
            case "sinh": return checked(Math.sinh(d(a[0])));
            case "cosh": return checked(Math.cosh(d(a[0])));
            case "tanh": return Obj.newFloat(Math.tanh(d(a[0])));
            case "atan2": return Obj.newFloat(Math.atan2(d(a[0]), d(a[1])));
            case "exp": return checked(Math.exp(d(a[0])));
            case "expm1": return checked(Math.expm1(d(a[0])));
            case "log1p": {
                double x = d(a[0]);
                if (x <= -1) throw PyException.of("ValueError", "math domain error");
                return Obj.newFloat(Math.log1p(x));
            }
            case "log": {
                c.count(1, 2);
                double x = log(a[0]);
                if (c.npos() > 1) {
                    double b = log(a[1]);
                    if (b == 0) throw PyException.of("ZeroDivisionError", "float division by zero");
                    return Obj.newFloat(x / b);
                }
                return Obj.newFloat(x);
            }
            case "log2": return Obj.newFloat(log(a[0]) / Math.log(2));
            case "log10": {
                if (Obj.isInt(a[0]) || d(a[0]) > 0) {
                    double x = Ops.isNumber(a[0]) && Header.type(a[0]) == FLOAT ? Math.log10(Obj.floatValue(a[0])) : log(a[0]) / Math.log(10);
                    if (Obj.isInt(a[0]) && Obj.bigValue(a[0]).bitLength() < 53) x = Math.log10(Ops.toDouble(a[0]));
                    return Obj.newFloat(x);
                }
                throw PyException.of("ValueError", "math domain error");
            }
            case "fabs": return Obj.newFloat(Math.abs(d(a[0])));
            case "factorial": {
                c.count(1, 1);
                BigInteger n = integer(a[0], name);
                if (n.signum() < 0) throw PyException.of("ValueError", "factorial() not defined for negative values");
                BigInteger r = BigInteger.ONE;
                for (long i = 2; i <= n.longValue(); i++) r = r.multiply(BigInteger.valueOf(i));
                return Obj.newInt(r);
            }
            case "gcd": {
                BigInteger g = BigInteger.ZERO;
                for (long x : a) g = g.gcd(integer(x, name));
                return Obj.newInt(g);
            }
            case "lcm": {
                BigInteger l = BigInteger.ONE;
                for (long x : a) {
                    BigInteger v = integer(x, name).abs();
                    if (v.signum() == 0) return Obj.newInt(0);
                    l = l.divide(l.gcd(v)).multiply(v);
                }
                return Obj.newInt(l);
            }
            case "isqrt": {
                BigInteger n = integer(a[0], name);
                if (n.signum() < 0) throw PyException.of("ValueError", "isqrt() argument must be nonnegative");
                return Obj.newInt(n.sqrt());
            }
            case "pow": {
                double x = d(a[0]), y = d(a[1]);
                if (x == 0 && y < 0) throw PyException.of("ValueError", "math domain error");
                return checked(Math.pow(x, y));
            }
            case "hypot": {
                double s = 0;
                for (long x : a) s = Math.hypot(s, d(x));
                return Obj.newFloat(s);
            }
            case "dist": {
                long[] p = Builtins.toArray(a[0]), q = Builtins.toArray(a[1]);
                double s = 0;
                for (int i = 0; i < p.length; i++) s = Math.hypot(s, d(p[i]) - d(q[i]));
                for (long x : p) Heap.decref(x);
                for (long x : q) Heap.decref(x);
                return Obj.newFloat(s);
            }
            case "isclose": {
                double x = d(a[0]), y = d(a[1]);
                long rt = c.kw("rel_tol"), at = c.kw("abs_tol");
                double rel = rt == 0 ? 1e-9 : d(rt), abs = at == 0 ? 0 : d(at);
                if (x == y) return Obj.TRUE;
                if (Double.isInfinite(x) || Double.isInfinite(y)) return Obj.FALSE;
                double diff = Math.abs(y - x);
                return Obj.bool(diff <= Math.abs(rel * y) || diff <= Math.abs(rel * x) || diff <= abs);
            }
            case "isnan": return Obj.bool(Double.isNaN(d(a[0])));
            case "isinf": return Obj.bool(Double.isInfinite(d(a[0])));
            case "isfinite": return Obj.bool(Double.isFinite(d(a[0])));
            case "comb":
            case "perm": {
                BigInteger n = integer(a[0], name);
                BigInteger k = c.npos() > 1 ? integer(a[1], name) : n;
                if (n.signum() < 0 || k.signum() < 0) throw PyException.of("ValueError", (n.signum() < 0 ? "n" : "k") + " must be a non-negative integer");
                if (k.compareTo(n) > 0) return Obj.newInt(0);
                BigInteger r = BigInteger.ONE;
                long kk = k.longValue(), nn = n.longValue();
                for (long i = 0; i < kk; i++) r = r.multiply(BigInteger.valueOf(nn - i));
                if (name.equals("comb")) {
                    for (long i = 2; i <= kk; i++) r = r.divide(BigInteger.valueOf(i));
                }
                return Obj.newInt(r);
            }
            case "remainder": {
                double x = d(a[0]), y = d(a[1]);
                if (y == 0 || Double.isInfinite(x)) throw PyException.of("ValueError", "math domain error");
                return Obj.newFloat(Math.IEEEremainder(x, y));
            }
            case "frexp": {
                double x = d(a[0]);
                long t = Obj.newTuple(2);
                if (x == 0 || Double.isNaN(x) || Double.isInfinite(x)) {
                    Obj.tupleInit(t, 0, Obj.newFloat(x));
                    Obj.tupleInit(t, 1, Obj.newInt(0));
                    return t;
                }
                int e = Math.getExponent(x) + 1;
                double m = x / Math.scalb(1.0, e);
                if (Math.abs(m) < 0.5) {
                    m *= 2;
                    e--;
                }
                Obj.tupleInit(t, 0, Obj.newFloat(m));
                Obj.tupleInit(t, 1, Obj.newInt(e));
                return t;
            }
            case "ldexp": return checked(Math.scalb(d(a[0]), (int) Obj.intValue(a[1])));
            case "degrees": return Obj.newFloat(Math.toDegrees(d(a[0])));
            case "radians": return Obj.newFloat(Math.toRadians(d(a[0])));
            case "copysign": return Obj.newFloat(Math.copySign(d(a[0]), d(a[1])));
            case "fmod": {
                double y = d(a[1]);
                if (y == 0) throw PyException.of("ValueError", "math domain error");
                return Obj.newFloat(d(a[0]) % y);
            }
            case "modf": {
                double x = d(a[0]);
                double ip = x < 0 ? Math.ceil(x) : Math.floor(x);
                long t = Obj.newTuple(2);
                Obj.tupleInit(t, 0, Obj.newFloat(Math.copySign(x - ip, x)));
                Obj.tupleInit(t, 1, Obj.newFloat(ip));
                return t;
            }
            case "fsum": {
                long[] items = Builtins.toArray(a[0]);
                BigDecimal s = BigDecimal.ZERO;
                try {
                    for (long x : items) s = s.add(new BigDecimal(d(x)));
                } finally {
                    for (long x : items) Heap.decref(x);
                }
                return Obj.newFloat(s.doubleValue());
            }
            case "prod": {
                long[] items = Builtins.toArray(a[0]);
                long acc = Obj.newInt(1);
                try {
                    for (long x : items) {
                        long n = Ops.binary(io.github.ftmem.interpreter.syntax.Expr.BinaryOperator.MUL, acc, x);
                        Heap.decref(acc);
                        acc = n;
                    }
                } finally {
                    for (long x : items) Heap.decref(x);
                }
                return acc;
            }
            default:
                throw PyException.of("AttributeError", "module 'math' has no attribute '" + name + "'");
        }
    }

    private static double log(long o) {
        if (Obj.isInt(o)) {
            BigInteger v = Obj.bigValue(o);
            if (v.signum() <= 0) throw PyException.of("ValueError", "math domain error");
            if (v.bitLength() < 1000) return Math.log(v.doubleValue());
            int shift = v.bitLength() - 64;
            return Math.log(v.shiftRight(shift).doubleValue()) + shift * Math.log(2);
        }
        double x = d(o);
        if (x <= 0) throw PyException.of("ValueError", "math domain error");
        return Math.log(x);
    }
}

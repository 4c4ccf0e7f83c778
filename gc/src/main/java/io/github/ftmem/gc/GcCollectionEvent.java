package io.github.ftmem.gc;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/** One whole collection of the cycle collector, pauses, finalizers and clearing included. */
@Name("io.github.ftmem.gc.Collection")
@Label("ftmem GC Collection")
@Category({"ftmem", "GC"})
@Description("A collection of the ftmem cycle collector")
@StackTrace(false)
final class GcCollectionEvent extends jdk.jfr.Event {

    @Label("Collection")
    long collection;

    @Label("Reason")
    @Description("manual (collect()) or scheduled (allocation threshold)")
    String reason;

    @Label("Collected")
    @Description("Garbage objects cleared and left to reference counting")
    long collected;

    @Label("Uncollectable")
    @Description("Garbage objects with legacy finalizers (or reached by them) moved to the garbage list")
    long uncollectable;

    @Label("Resurrected")
    @Description("Garbage objects a finalizer or weak-reference callback made reachable again")
    long resurrected;

    @Label("Live")
    @Description("Tracked objects found reachable")
    long live;

    @Label("Pauses")
    long pauses;

    @Label("Pause Time")
    @Timespan(Timespan.NANOSECONDS)
    long pauseNanos;
}

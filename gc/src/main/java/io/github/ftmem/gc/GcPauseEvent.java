package io.github.ftmem.gc;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** One stop-the-world pause of the cycle collector; its duration is the pause (stop request to start). */
@Name("io.github.ftmem.gc.Pause")
@Label("ftmem GC Pause")
@Category({"ftmem", "GC"})
@Description("A stop-the-world pause of the ftmem cycle collector")
@StackTrace(false)
final class GcPauseEvent extends jdk.jfr.Event {

    @Label("Collection")
    @Description("Sequence number of the collection this pause belongs to")
    long collection;

    @Label("Phase")
    @Description("detect (find garbage) or resurrection (re-check garbage after finalizers)")
    String phase;

    @Label("Objects")
    @Description("Objects examined during the pause")
    long objects;
}

package io.github.ftmem.core.threads;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Timespan;

/**
 * JFR event of one stop-the-world pause ({@link World#stop} to {@link World#start}): its duration is the
 * pause every attached thread saw; {@code timeToStop} is the part spent waiting for the other threads to
 * reach a safepoint or detach. Recorded when JFR is on (for example {@code -XX:StartFlightRecording}),
 * free otherwise: the event object is created per stop, which is a slow path already.
 */
@Name("io.github.ftmem.WorldStop")
@Label("Stop the world")
@Category({"ftmem", "Threads"})
@Description("A stop-the-world pause of the ftmem runtime threads")
final class WorldStopEvent extends jdk.jfr.Event {
    @Label("Time to stop")
    @Description("From the stop request until no other thread was attached")
    @Timespan(Timespan.NANOSECONDS)
    long timeToStop;

    @Label("Threads")
    @Description("Registered runtime threads at the end of the pause")
    int threads;
}

package io.github.ftmem.interpreter.runtime;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;

/**
 * JFR event of one forced GIL switch ({@link Gil#dropRequested}): a thread that held the GIL for a whole
 * switch interval while another waited gave it up; the event lasts from the drop until the thread has
 * the GIL back, so its duration is the time the thread lost to the switch. Recorded when JFR is on.
 */
@Name("io.github.ftmem.GilSwitch")
@Label("GIL switch")
@Category({"ftmem", "Interpreter"})
@Description("A forced hand-off of ftpy's GIL (PYTHON_GIL=1) at a drop request")
final class GilSwitchEvent extends jdk.jfr.Event {
    @Label("Waiting threads")
    @Description("Threads waiting for the GIL when the holder dropped it")
    int waiters;
}

/**
 * ftmem gc: a non-generational stop-the-world cycle collector that sees objects only through its
 * SPIs ({@link io.github.ftmem.gc.ObjectSpace}, {@link io.github.ftmem.gc.TypeOperations},
 * {@link io.github.ftmem.gc.RootScanner}, {@link io.github.ftmem.gc.WeakReferenceHooks},
 * {@link io.github.ftmem.gc.ReferenceCounts}). Emits JDK Flight Recorder events per pause and per
 * collection.
 */
module io.github.ftmem.gc {
    requires transitive io.github.ftmem.core;
    requires org.agrona;
    requires jdk.jfr;

    exports io.github.ftmem.gc;
}

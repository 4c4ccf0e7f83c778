package io.github.ftmem.gc;

import io.github.ftmem.core.threads.RuntimeThreads;
import io.github.ftmem.gc.model.GcModel;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every pause and every collection is recorded as a JDK Flight Recorder event. */
class JfrEventsTest {

    @Test
    void pausesAndCollectionsAreRecorded(@TempDir Path dir) throws IOException {
        RuntimeThreads.register().attach();
        GcModel model = new GcModel();
        try (Recording recording = new Recording()) {
            recording.enable("io.github.ftmem.gc.Pause").withThreshold(Duration.ZERO);
            recording.enable("io.github.ftmem.gc.Collection").withThreshold(Duration.ZERO);
            recording.start();
            Collector collector = model.newCollector();
            long f = model.newFinalizable(object -> { });
            long g = model.newContainer();
            model.set(f, 0, g);
            model.set(g, 0, f);
            model.decref(f);
            model.decref(g);
            assertEquals(2, collector.collect());
            recording.stop();
            Path file = dir.resolve("gc.jfr");
            recording.dump(file);

            List<RecordedEvent> events = RecordingFile.readAllEvents(file);
            List<RecordedEvent> pauses = events.stream()
                    .filter(e -> e.getEventType().getName().equals("io.github.ftmem.gc.Pause")).toList();
            List<RecordedEvent> collections = events.stream()
                    .filter(e -> e.getEventType().getName().equals("io.github.ftmem.gc.Collection")).toList();
            assertEquals(List.of("detect", "resurrection"), pauses.stream().map(e -> e.getString("phase")).toList(),
                    "a finalizer ran, so both pauses happen");
            assertEquals(1, collections.size());
            RecordedEvent collection = collections.get(0);
            assertEquals(2, collection.getLong("collected"));
            assertEquals("manual", collection.getString("reason"));
            assertEquals(2, collection.getLong("pauses"));
            assertTrue(collection.getDuration().toNanos() >= collection.getLong("pauseNanos"));
            assertTrue(pauses.get(0).getLong("objects") >= 2);
        } finally {
            model.close();
            RuntimeThreads.unregister();
        }
    }
}

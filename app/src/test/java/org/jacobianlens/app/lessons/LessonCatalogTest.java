package org.jacobianlens.app.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.jacobianlens.app.charts.TheoryPanel;
import org.jacobianlens.core.data.DataFactory;
import org.jacobianlens.core.data.DatasetException;
import org.jacobianlens.core.data.PreparedData;
import org.jacobianlens.core.run.RunConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class LessonCatalogTest {
    @Test
    void sixLessonsEachWithAValidConfigurationAndAnExplanation() {
        List<Lesson> lessons = LessonCatalog.all();
        assertEquals(List.of("clean-vs-random", "information-space", "predicted-vs-actual", "wider-is-more-linear",
                "linearized-vs-real", "low-rank-layers"), lessons.stream().map(Lesson::id).toList());
        for (Lesson l : lessons) {
            RunConfig c = l.settings().toConfig();
            assertNotNull(c, l.id());
            assertTrue(l.text().length() > 200, l.id() + " explains what to look for");
            assertTrue(l.compare() == null || Set.of("noise", "width", "learning-rate").contains(l.compare()));
            if (l.theoryView() != null) {
                TheoryPanel.View.valueOf(l.theoryView());
            }
            assertTrue(l.cutoff() > 0 && l.cutoff() <= 1);
        }
        assertEquals(RunConfig.ModelKind.TWO_LAYER, LessonCatalog.byId("predicted-vs-actual").settings().model(),
                "the H∞ theory needs Arora's two-layer net");
    }

    /** A lesson whose data cannot be prepared (e.g. more examples than the classes have) fails in class. */
    @Tag("slow") // about 6 s of the full run: only in `mvn verify`, not in -Pquick
    @Test
    void everyLessonsDataCanBePrepared() throws DatasetException {
        for (Lesson l : LessonCatalog.all()) {
            RunConfig c = l.settings().toConfig();
            PreparedData d = DataFactory.prepare(c.data());
            assertEquals(c.data().nTrain(), d.trainX().length, l.id());
            assertTrue(c.analyzeN() <= c.data().nTrain(), l.id() + ": analysis subset within the training set");
        }
    }
}

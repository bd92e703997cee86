package dev.evidencebot.evidence;

import dev.evidencebot.evidence.Population.Kind;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class PopulationReaderTest {

    private final PopulationReader reader = new PopulationReader();

    @Test
    void countedPopulationGivesTheSampleSize() {
        assertEquals(new Population(Kind.HUMAN, "30 stroke patients", 30, false),
                reader.read("In a study involving 30 stroke patients, Semax helped."));
        assertEquals(new Population(Kind.HUMAN, "1,200 adults", 1200, false), reader.read("a cohort of 1,200 adults"));
    }

    @Test
    void speciesNamedAdjectivallyIsStillTheSpecies() {
        assertEquals(new Population(Kind.ANIMAL, "rats", null, false), reader.read("in rat brain focal ischemia"));
        assertEquals(new Population(Kind.ANIMAL, "adolescent white rats", null, false),
                reader.read("the behavior of adolescent white rats"));
    }

    @Test
    void severalKindsInOneText_theWeakestWins() {
        assertEquals(Kind.CELLS, reader.read("cultured neurons from rats").kind());
        assertEquals(Kind.ANIMAL, reader.read("from rats to patients").kind());
    }

    @Test
    void preclinicalSaysNotHumansButNoSpecies() {
        assertEquals(new Population(Kind.NON_HUMAN, "preclinical", null, true), reader.read("In one preclinical study"));
        assertEquals(Kind.HUMAN, reader.read("a clinical and electrophysiological study").kind());
    }

    @Test
    void noPopulationWords_null() {
        assertNull(reader.read("A nootropic adrenocorticotropin analog 4-10-semax."));
        assertNull(reader.read("Effects of Semax on the Default Mode Network of the Brain"));
    }
}

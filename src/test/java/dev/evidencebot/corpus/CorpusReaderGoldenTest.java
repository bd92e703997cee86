package dev.evidencebot.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seed article, a plain-text export of a web page, read end to end. */
class CorpusReaderGoldenTest {

    private static final Path SEED = Path.of("corpus", "semax-effects-breakdown.txt");

    @TempDir
    static Path directory;
    static Corpus corpus;
    static Article article;

    @BeforeAll
    static void readSeed() throws IOException {
        // given a corpus directory holding only the seed
        Files.copy(SEED, directory.resolve(SEED.getFileName()));
        // when it is read
        corpus = new CorpusReader().read(directory);
        article = corpus.articles().get(0);
    }

    @Test
    void readsTheSeedWithoutProblems() {
        assertEquals(List.of(), corpus.problems());
        assertEquals(1, corpus.articles().size());
    }

    @Test
    void readsTheHeaderZone() {
        assertEquals("semax-effects-breakdown", article.id());
        assertEquals("semax-effects-breakdown.txt", article.source());
        assertEquals(Article.Format.WEB_PAGE_TEXT, article.format());
        assertEquals("Semax's Effects: A Breakdown Of The Research", article.title());
        assertEquals("Johnathon Anderson, Ph.D., a research scientist specializing in regenerative medicine and serving"
                + " as an Associate Professor at the University of California Davis School of Medicine", article.author());
        assertEquals("2024-10-07", article.date());
        assertNull(article.url());
    }

    @Test
    void findsTheSevenSectionsAndNotTheReferenceList() {
        List<String> headings = article.sections().stream().map(Section::heading).collect(Collectors.toList());
        assertEquals(List.of("What is Semax?", "Does Semax Research Indicate Regulation of Neurotransmitters?",
                "Semax Learning Research", "Research on Semax and Anxiety", "Semax and Brain Damage", "Semax and Memory",
                "Semax and Other Brain Research"), headings);
        Section last = article.sections().get(6);
        assertEquals(2, last.paragraphs().size());
        assertTrue(last.paragraphs().get(1).startsWith("In a rodent study, nerve growth factor (NGF)"));
    }

    @Test
    void putsEachMarkerOnTheSentenceItFollows() {
        Map<String, List<Integer>> cited = article.passages().stream().filter(Passage::cited)
                .collect(Collectors.toMap(Passage::text, Passage::markers));
        assertEquals(Map.ofEntries(
                Map.entry("Semax peptide is a unique fragment derived from adrenocorticotropic hormone (ACTH), specifically"
                        + " from its 4-7 segment.", List.of(1)),
                Map.entry("A groundbreaking study revealed that Semax stimulates the release of dopamine and brain-derived"
                        + " neurotrophic factor (BDNF).", List.of(2)),
                Map.entry("In one preclinical study, Semax induced noticeable improvements in learning abilities and"
                        + " significantly reduced anxiety-driven behaviors.", List.of(3)),
                Map.entry("Remarkably, when exposed to Semax, the negative cognitive effects typically induced by SSRIs"
                        + " (Selective Serotonin Reuptake Inhibitors) seemed to be mitigated.", List.of(3)),
                Map.entry("Semax was shown to reduce anxiety stemming from neonatal maternal deprivation, a condition that"
                        + " often leaves lasting emotional scars.", List.of(4)),
                Map.entry("Semax appeared to stabilize the brain’s response to anxiety, helping to repair and rebalance"
                        + " emotional well-being.", List.of(4)),
                Map.entry("In a study involving 30 stroke patients, Semax treatment led to a noticeable improvement in both"
                        + " general cerebral function and motor deficits.", List.of(5)),
                Map.entry("Semax significantly enhanced memory and attention in patients.", List.of(6)),
                Map.entry("In an fMRI study, Semax was found to boost the activity of the default mode network (DMN), the"
                        + " brain’s ‘resting state’ system that governs introspective thinking and self-awareness.", List.of(7)),
                Map.entry("This increased activity is particularly intriguing because the DMN is also involved in"
                        + " higher-order social cognition—such as the ability to understand and attribute mental states to"
                        + " others.", List.of(8)),
                Map.entry("In a rodent study, nerve growth factor (NGF) gene expression in the hippocampus increased as"
                        + " quickly as 20 minutes after Semax administration, showing its rapid impact on brain health.",
                        List.of(9))), cited);
        List<Integer> inOrder = article.passages().stream().flatMap(p -> p.markers().stream()).collect(Collectors.toList());
        assertEquals(List.of(1, 2, 3, 3, 4, 4, 5, 6, 7, 8, 9), inOrder);
    }

    @Test
    void keepsUncitedSentencesAsPassagesWithoutMarkerText() {
        Passage acth = passage("ACTH is secreted by corticotroph cells in the pituitary gland.");
        assertEquals(List.of(), acth.markers());
        Passage ngf = passage("A large body of research demonstrates that NGF noticeably promotes axonal regeneration and"
                + " increases electrophysiological parameters in the central nervous systems and behavioral recovery"
                + " following peripheral nerve injury.");
        assertFalse(ngf.cited());
        assertEquals("Semax and Other Brain Research", ngf.section());
        assertEquals(50, ngf.line());
        for (Passage passage : article.passages()) {
            assertFalse(passage.text().matches(".*\\(\\d+\\).*"), passage.text());
        }
    }

    @Test
    void numbersPassagesAndTracesThemToTheirLineAndParagraph() {
        Passage first = article.passages().get(0);
        assertEquals("semax-effects-breakdown#0", first.id());
        assertEquals(14, first.line());
        assertEquals(0, first.paragraph());
        assertEquals("What is Semax?", first.section());
        for (int i = 0; i < article.passages().size(); i++) {
            assertEquals(i, article.passages().get(i).ordinal());
        }
        Passage memory = passage("Semax significantly enhanced memory and attention in patients.");
        assertEquals(42, memory.line());
        assertEquals(5, memory.paragraph());
    }

    @Test
    void leavesCaptionsAndPageChromeOut() {
        List<String> notClaims = List.of("top of page", "bottom of page", "3 min read", "Buy Semax", "Oct 7, 2024",
                "Semax is derived from adrenocorticotropic hormone",
                "Semax stimulates the release of dopamine and brain-derived neurotrophic factor",
                "Semax can help heal the brain studies show", "Semax stimulates the release of nerve growth factor",
                "References", "Written by");
        for (Passage passage : article.passages()) {
            for (String chrome : notClaims) {
                assertFalse(passage.text().startsWith(chrome), "not a claim: " + passage.text());
            }
        }
        for (Section section : article.sections()) {
            for (String paragraph : section.paragraphs()) {
                assertFalse(notClaims.contains(paragraph), paragraph);
            }
        }
        assertEquals(23, article.passages().size());
    }

    @Test
    void parsesTheTenReferencesWithTheirQuirks() {
        assertEquals(10, article.references().size());
        assertReference(1, "A New Generation of Drugs: Synthetic Peptides based on Natural Regulatory peptides",
                "Neuroscience & Medicine", 2013, null, "10.4236/nm.2013.44035");
        assertReference(2, "The peptide Semax affects the expression of genes related to the immune and vascular systems"
                + " in rat brain focal ischemia: genome-wide transcriptional analysis", "BMC Genomics", 2014, null,
                "10.1186/1471-2164-15-228");
        assertReference(3, "Semax, synthetic ACTH(4–10) analogue, attenuates behavioral and neurochemical alterations"
                + " following early-life fluvoxamine exposure in white rats", "Neuropeptides", 2021, null,
                "10.1016/j.npep.2020.102114");
        assertReference(4, "Semax attenuates the influence of neonatal maternal deprivation on the behavior of adolescent"
                + " white rats", "Bull Exp Biol Med", 2012, "22803132", null);
        // the closing quote stands inside the parenthesis; the parser gives the parenthesis back
        assertReference(5, "Effectiveness of semax in acute period of hemispheric ischemic stroke (a clinical and"
                + " electrophysiological study)", null, 1997, "11517472", null);
        assertReference(6, "A nootropic adrenocorticotropin analog 4-10-semax", null, 1997, "9173745", null);
        assertReference(7, "Effects of Semax on the Default Mode Network of the Brain", "Bull Exp Biol Med", 2018,
                "30225715", "10.1007/s10517-018-4234-3");
        assertReference(8, "On the relationship between the “default mode network” and the “social brain”",
                "Front Hum Neurosci", 2012, "22737119", "10.3389/fnhum.2012.00189");
        assertReference(9, "Effect of semax on the temporary dynamics of brain-derived neurotrophic factor and nerve"
                + " growth factor gene expression in the rat hippocampus and frontal cortex", "Mol Gen Mikrobiol Virusol",
                2008, "18756821", null);
        assertReference(10, "Influence of ACTG4-7-PGP (Semax) on Morphofunctional State of Hepatocytes in Chronic"
                + " Emotional and Painful Stress", "Bull Exp Biol Med", 2017, "28577097", "10.1007/s10517-017-3748-4");
    }

    @Test
    void keepsAuthorsRawTextAndLinksOfEachReference() {
        Reference kolomin = article.reference(1);
        assertEquals("Kolomin, T et al.", kolomin.authors());
        assertEquals(List.of("http://dx.doi.org/10.4236/nm.2013.44035"), kolomin.urls());
        assertTrue(kolomin.text().startsWith("Kolomin, T et al. “A New Generation"));
        assertTrue(kolomin.text().endsWith("10.4236/nm.2013.44035"));
        assertEquals("Asmarin IP, el at.", article.reference(6).authors());
        assertEquals("Gusev EI, et al.", article.reference(5).authors());
        assertEquals("https://pubmed.ncbi.nlm.nih.gov/18756821/", article.reference(9).url());
    }

    @Test
    void marksEveryReferenceButTheTenthAsCited() {
        for (Reference reference : article.references()) {
            assertEquals(reference.number() != 10, reference.citedInText(), "reference " + reference.number());
        }
    }

    @Test
    void readsTheRepositoryCorpusDirectoryDirectly() {
        Corpus repository = new CorpusReader().read(Path.of("corpus"));
        assertTrue(repository.articles().stream().anyMatch(a -> a.id().equals("semax-effects-breakdown")));
        assertEquals(List.of(), repository.problems());
    }

    private static void assertReference(int number, String title, String source, Integer year, String pmid, String doi) {
        Reference reference = article.reference(number);
        String label = "reference " + number;
        assertEquals(title, reference.title(), label);
        assertEquals(source, reference.source(), label);
        assertEquals(year, reference.year(), label);
        assertEquals(pmid, reference.pmid(), label);
        assertEquals(doi, reference.doi(), label);
    }

    private static Passage passage(String text) {
        return article.passages().stream().filter(p -> p.text().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no passage " + text));
    }
}

package dev.evidencebot.evidence;

import dev.evidencebot.corpus.Article;
import dev.evidencebot.corpus.Passage;
import dev.evidencebot.corpus.Reference;

import java.util.ArrayList;
import java.util.List;

/**
 * The seed article corpus/semax-effects-breakdown.txt built by hand, sentence by sentence and entry by
 * entry as the file has them, so the evidence tests do not depend on the corpus readers.
 */
final class SeedArticleFixture {

    static final String ID = "semax-effects-breakdown";
    static final String SOURCE = ID + ".txt";

    static final String CLAIM_1 = "Semax peptide is a unique fragment derived from adrenocorticotropic hormone (ACTH), specifically from its 4-7 segment.";
    static final String CLAIM_2 = "A groundbreaking study revealed that Semax stimulates the release of dopamine and brain-derived neurotrophic factor (BDNF).";
    static final String CLAIM_3A = "In one preclinical study, Semax induced noticeable improvements in learning abilities and significantly reduced anxiety-driven behaviors.";
    static final String CLAIM_3B = "Remarkably, when exposed to Semax, the negative cognitive effects typically induced by SSRIs (Selective Serotonin Reuptake Inhibitors) seemed to be mitigated.";
    static final String CLAIM_4A = "Semax was shown to reduce anxiety stemming from neonatal maternal deprivation, a condition that often leaves lasting emotional scars.";
    static final String CLAIM_4B = "Semax appeared to stabilize the brain’s response to anxiety, helping to repair and rebalance emotional well-being.";
    static final String CLAIM_5 = "In a study involving 30 stroke patients, Semax treatment led to a noticeable improvement in both general cerebral function and motor deficits.";
    static final String CLAIM_6 = "Semax significantly enhanced memory and attention in patients.";
    static final String CLAIM_7 = "In an fMRI study, Semax was found to boost the activity of the default mode network (DMN), the brain’s ‘resting state’ system that governs introspective thinking and self-awareness.";
    static final String CLAIM_8 = "This increased activity is particularly intriguing because the DMN is also involved in higher-order social cognition—such as the ability to understand and attribute mental states to others.";
    static final String CLAIM_9 = "In a rodent study, nerve growth factor (NGF) gene expression in the hippocampus increased as quickly as 20 minutes after Semax administration, showing its rapid impact on brain health.";

    private SeedArticleFixture() {
    }

    static Article article() {
        return new Builder()
                .paragraph()
                .sentence(CLAIM_1, 1)
                .sentence("ACTH is secreted by corticotroph cells in the pituitary gland.")
                .paragraph()
                .sentence(CLAIM_2, 2)
                .sentence("Dopamine is a neurotransmitter often referred to as the brain’s ‘feel-good’ chemical, while BDNF promotes the growth and survival of neurons.")
                .paragraph()
                .sentence(CLAIM_3A, 3)
                .sentence("Not only did the rats become more adept learners, but their anxiety levels dropped, allowing them to navigate challenges with greater ease and focus.")
                .sentence(CLAIM_3B, 3)
                .paragraph()
                .sentence(CLAIM_4A, 4)
                .sentence(CLAIM_4B, 4)
                .paragraph()
                .sentence(CLAIM_5, 5)
                .sentence("Patients showed marked progress, regaining cognitive sharpness and motor control that had been previously impaired by the stroke, offering hope for renewed independence and a better quality of life.")
                .paragraph()
                .sentence(CLAIM_6, 6)
                .sentence("Patients experienced improvements in their ability to concentrate and recall details, allowing for clearer and more precise thinking.")
                .paragraph()
                .sentence(CLAIM_7, 7)
                .sentence("Picture the DMN as the brain’s internal GPS, guiding you through complex thoughts and social interactions when you're not actively focused on a task.")
                .sentence(CLAIM_8, 8)
                .sentence("By enhancing the DMN, Semax may help improve both reflective thinking and social awareness, potentially creating a more attuned and cognitively agile mind.")
                .paragraph()
                .sentence(CLAIM_9, 9)
                .sentence("A large body of research demonstrates that NGF noticeably promotes axonal regeneration and increases electrophysiological parameters in the central nervous systems and behavioral recovery following peripheral nerve injury.")
                .build(references());
    }

    static List<Reference> references() {
        return List.of(
                reference(1, "Kolomin, T et al. “A New Generation of Drugs: Synthetic Peptides based on Natural Regulatory peptides” Neuroscience & Medicine, 2013, 223-252. Published Online December 2013. http://dx.doi.org/10.4236/nm.2013.44035",
                        "Kolomin, T et al.", "A New Generation of Drugs: Synthetic Peptides based on Natural Regulatory peptides",
                        "Neuroscience & Medicine", 2013, null, "10.4236/nm.2013.44035", "http://dx.doi.org/10.4236/nm.2013.44035", true),
                reference(2, "Medvedeva, EV et al. “The peptide Semax affects the expression of genes related to the immune and vascular systems in rat brain focal ischemia: genome-wide transcriptional analysis.” BMC Genomics 15, 228 (2014). https://doi.org/10.1186/1471-2164-15-228",
                        "Medvedeva, EV et al.", "The peptide Semax affects the expression of genes related to the immune and vascular systems in rat brain focal ischemia: genome-wide transcriptional analysis.",
                        "BMC Genomics", 2014, null, "10.1186/1471-2164-15-228", "https://doi.org/10.1186/1471-2164-15-228", true),
                reference(3, "Nataliya YU, et al. “Semax, synthetic ACTH(4–10) analogue, attenuates behavioral and neurochemical alterations following early-life fluvoxamine exposure in white rats” Neuropeptides, Volume 86, 2021, 102114, ISSN 0143-4179. https://doi.org/10.1016/j.npep.2020.102114",
                        "Nataliya YU, et al.", "Semax, synthetic ACTH(4–10) analogue, attenuates behavioral and neurochemical alterations following early-life fluvoxamine exposure in white rats",
                        "Neuropeptides", 2021, null, "10.1016/j.npep.2020.102114", "https://doi.org/10.1016/j.npep.2020.102114", true),
                reference(4, "Volodina MA, et al. “Semax attenuates the influence of neonatal maternal deprivation on the behavior of adolescent white rats.” Bull Exp Biol Med. 2012 Mar;152(5):560-3 PMID: 22803132. https://pubmed.ncbi.nlm.nih.gov/22803132/",
                        "Volodina MA, et al.", "Semax attenuates the influence of neonatal maternal deprivation on the behavior of adolescent white rats.",
                        "Bull Exp Biol Med", 2012, "22803132", null, "https://pubmed.ncbi.nlm.nih.gov/22803132/", true),
                reference(5, "Gusev EI, et al. “Effectiveness of semax in acute period of hemispheric ischemic stroke (a clinical and electrophysiological study”. 1997;97(6):26-34. PMID: 11517472. https://pubmed.ncbi.nlm.nih.gov/11517472/",
                        "Gusev EI, et al.", "Effectiveness of semax in acute period of hemispheric ischemic stroke (a clinical and electrophysiological study",
                        null, 1997, "11517472", null, "https://pubmed.ncbi.nlm.nih.gov/11517472/", true),
                reference(6, "Asmarin IP, el at. A nootropic adrenocorticotropin analog 4-10-semax. 1997 Mar-Apr;47(2):420-30. PMID: 9173745 https://pubmed.ncbi.nlm.nih.gov/9173745/",
                        "Asmarin IP, el at.", "A nootropic adrenocorticotropin analog 4-10-semax.",
                        null, 1997, "9173745", null, "https://pubmed.ncbi.nlm.nih.gov/9173745/", true),
                reference(7, "Lebedeva, IS et al. “Effects of Semax on the Default Mode Network of the Brain” Bull Exp Biol Med 2018 Sep;165(5):653-656, PMID: 30225715 https://link.springer.com/article/10.1007/s10517-018-4234-3",
                        "Lebedeva, IS et al.", "Effects of Semax on the Default Mode Network of the Brain",
                        "Bull Exp Biol Med", 2018, "30225715", null, "https://link.springer.com/article/10.1007/s10517-018-4234-3", true),
                reference(8, "Mars, RB et al. “On the relationship between the “default mode network” and the “social brain” Front Hum Neurosci. 2012; 6:189 PMID: 22737119 https://www.frontiersin.org/journals/human-neuroscience/articles/10.3389/fnhum.2012.00189/full",
                        "Mars, RB et al.", "On the relationship between the “default mode network” and the “social brain”",
                        "Front Hum Neurosci", 2012, "22737119", null, "https://www.frontiersin.org/journals/human-neuroscience/articles/10.3389/fnhum.2012.00189/full", true),
                reference(9, "Agapova, TI, et al. “Effect of semax on the temporary dynamics of brain-derived neurotrophic factor and nerve growth factor gene expression in the rat hippocampus and frontal cortex” Mol Gen Mikrobiol Virusol 2008:(3):28-32 https://pubmed.ncbi.nlm.nih.gov/18756821/",
                        "Agapova, TI, et al.", "Effect of semax on the temporary dynamics of brain-derived neurotrophic factor and nerve growth factor gene expression in the rat hippocampus and frontal cortex",
                        "Mol Gen Mikrobiol Virusol", 2008, null, null, "https://pubmed.ncbi.nlm.nih.gov/18756821/", true),
                reference(10, "Ivanov, AV, et al. “Influence of ACTG4-7-PGP (Semax) on Morphofunctional State of Hepatocytes in Chronic Emotional and Painful Stress” Bull Exp Biol Med 2017 May;163(1):105-108 PMID: 28577097 https://link.springer.com/article/10.1007/s10517-017-3748-4",
                        "Ivanov, AV, et al.", "Influence of ACTG4-7-PGP (Semax) on Morphofunctional State of Hepatocytes in Chronic Emotional and Painful Stress",
                        "Bull Exp Biol Med", 2017, "28577097", null, "https://link.springer.com/article/10.1007/s10517-017-3748-4", false));
    }

    static Passage passage(Article article, String text) {
        return article.passages().stream().filter(p -> p.text().equals(text)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no passage " + text));
    }

    private static Reference reference(int number, String text, String authors, String title, String source,
                                       Integer year, String pmid, String doi, String url, boolean cited) {
        return new Reference(number, text, authors, title, source, year, pmid, doi, List.of(url), cited);
    }

    /** Builds passages with ordinals and paragraphs in reading order. */
    static final class Builder {
        private final List<Passage> passages = new ArrayList<>();
        private final String id;
        private final String source;
        private final String title;
        private int paragraph = -1;

        Builder() {
            this(ID, SOURCE, "Semax's Effects: A Breakdown Of The Research");
        }

        Builder(String id, String source, String title) {
            this.id = id;
            this.source = source;
            this.title = title;
        }

        Builder paragraph() {
            paragraph++;
            return this;
        }

        Builder sentence(String text, Integer... markers) {
            int ordinal = passages.size();
            passages.add(new Passage(id + "#" + ordinal, id, ordinal, "section", Math.max(paragraph, 0),
                    ordinal + 1, text, List.of(markers)));
            return this;
        }

        Article build(List<Reference> references) {
            return new Article(id, source, Article.Format.WEB_PAGE_TEXT, title, "Johnathon Anderson, Ph.D.",
                    "2024-10-07", null, List.of(), passages, references);
        }
    }
}

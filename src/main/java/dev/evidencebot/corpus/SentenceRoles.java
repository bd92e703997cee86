package dev.evidencebot.corpus;

import dev.evidencebot.corpus.Passage.Role;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What each sentence of a primary source does: background, aim, method or finding. Only findings
 * (results, conclusions) are citable; the rest is context. A structured abstract's labels decide where
 * they exist; elsewhere the sentence's words decide, read in the order an abstract is written:
 * <ol>
 *   <li>sentences before the first aim, method or first-person finding ("Here we show ...") are
 *       background: general knowledge that motivates the study;</li>
 *   <li>from there on: aim words make an aim, method words a method, words of what others found or
 *       what is unknown make background, and everything else a finding, because what an abstract says
 *       after its methods is what it found;</li>
 *   <li>an abstract with no aim or method at all has no such boundary: there a sentence is a finding
 *       when it carries the words of a result (statistics, "increased", "was associated with") and the
 *       last sentence is one (abstracts end on their conclusion); the others are background.</li>
 * </ol>
 * Words of a stated result (a p value, a confidence interval, an odds ratio) outrank method words,
 * since a method never reports them; a bare percentage does not, since methods state them too ("45% women").
 */
final class SentenceRoles {

    private static final Pattern FINDING = words(
            "\\b(?:in conclusion|in summary|to conclude|taken together|collectively)\\b"
                    + "|\\bwe (?:also |further |here |now |then )?(?:conclude|found|find|show|showed|demonstrate|demonstrated|observed|report|describe|present|provide evidence|confirm|confirmed|propose)\\b"
                    + "|\\b(?:these|our|the|the present) (?:results|findings|data|observations) (?:suggest|indicate|show|demonstrate|support|provide|confirm|reveal|imply|highlight|point)"
                    + "|\\b(?:this|the present|our) (?:study|trial|work|analysis) (?:shows|showed|demonstrates|demonstrated|suggests|found|provides|indicates|confirms|revealed)\\b");

    private static final Pattern AIM = words(
            "\\bwe (?:therefore |thus |here |now |also )?(?:aimed|aim|sought|seek|hypothesi[sz]ed|hypothesi[sz]e|set out|wished|wanted|intended)\\b"
                    + "|\\b(?:aims?|purposes?|objectives?|goals?) of (?:this|the|our|the present|the current) (?:\\w+ )?(?:study|work|trial|analysis|review|research|investigation|paper|project)\\b"
                    + "|^to (?:examine|assess|determine|investigate|evaluate|compare|test|explore|identify|describe|estimate|characteri[sz]e|establish|clarify|quantify|measure|analy[sz]e|study|review|report|define|understand)\\b"
                    + "|\\bto (?:examine|assess|determine|investigate|evaluate|test|explore|establish|clarify) (?:whether|if)\\b"
                    + "|\\b(?:this|the present|the current|our) (?:study|trial|work|paper|analysis|review|research) (?:investigated|investigates|examined|examines|assessed|assesses|evaluated|evaluates|aimed|aims|explored|explores|addressed|addresses|sought|seeks|was designed|is designed|was undertaken|tested|tests|compared|compares|asks|asked)\\b"
                    + "|\\bwas (?:designed|undertaken|conducted|performed|carried out) to (?:examine|assess|determine|investigate|evaluate|compare|test|explore|identify|describe|estimate|characteri[sz]e|establish|clarify|quantify|measure)\\b"
                    + "|\\bwe (?:therefore |also |further |then |additionally )?(?:investigated|examined|assessed|evaluated|explored|tested) (?:whether|if|the hypothesis)\\b");

    private static final Pattern METHOD = words(
            "\\b(?:was|were) (?:then |also |subsequently |each |prospectively |retrospectively |randomly )?(?:randomi[sz]ed|randomly (?:assigned|allocated|selected)|allocated|assigned|enrolled|recruited|included|excluded|selected"
                    + "|followed|measured|assessed|evaluated|analy[sz]ed|collected|obtained|performed|administered|given|used|applied|determined|calculated|estimated"
                    + "|interviewed|screened|studied|identified|matched|genotyped|sampled|scanned|tested|quantified|recorded|extracted|reviewed|surveyed|conducted"
                    + "|divided|stratified|categori[sz]ed|defined|examined|investigated|fed|injected|housed|sacrificed|trained|asked|instructed"
                    + "|diagnosed|used as)\\b|\\bserved as\\b"
                    + "|\\bwe (?:also |further |then |additionally |first |next |therefore )?(?:enrolled|recruited|included|randomi[sz]ed|analy[sz]ed|measured|assessed|used|performed|conducted|collected|studied|examined|evaluated"
                    + "|followed|compared|identified|reviewed|surveyed|interviewed|searched|developed|designed|applied|administered|genotyped|sequenced|treated|recorded"
                    + "|obtained|calculated|estimated|screened|selected|tested|quantified|constructed|modell?ed|carried out|undertook|investigated|explored)\\b"
                    + "|\\b(?:main|primary|secondary) (?:outcome|end ?point)s?(?: measures?)? (?:was|were|included)\\b"
                    + "|\\ba total of \\d|^using\\b[^.]*\\bwe\\b|\\bdata (?:were|was) (?:collected|analy[sz]ed|obtained|extracted)\\b|\\brecruited from\\b");

    /** Results only a results section reports. The acronyms are case-sensitive: "1 or 2 doses" is no odds ratio. */
    private static final Pattern STATED_RESULT = Pattern.compile(
            "(?i:\\bp\\s*(?:[<=≤]|&lt;)\\s*0?[.,]\\d|\\b(?:odds|hazard|risk|rate) ratios?\\b|95\\s*%\\s*(?:CI|confidence)|\\bconfidence intervals?\\b)"
                    + "|\\b(?:a?OR|a?HR|RR|IRR)\\s*[=:,]?\\s*\\d");

    private static final Pattern RESULT_WORDS = words(
            "\\d\\s*%|\\bsignificant(?:ly)?\\b|\\bassociated with\\b|\\bcorrelated\\b"
                    + "|\\b(?:increased|decreased|reduced|improved|lowered|elevated|raised|higher|lower|greater|fewer|more likely|less likely|worse|better)\\b"
                    + "|\\b(?:showed|shown|revealed|resulted in|led to|did not|was not|were not|no (?:significant )?(?:difference|effect|association))\\b");

    /** General knowledge and what others did: background even after the aim (PubMedQA abstracts often come back to it). */
    private static final Pattern BACKGROUND = words(
            "\\b(?:has|have) been (?:shown|reported|suggested|proposed|described|implicated|associated|linked|hypothesi[sz]ed|considered|established)\\b"
                    + "|\\bremains? (?:unclear|unknown|controversial|poorly|to be|elusive|uncertain)|\\blittle is known\\b"
                    + "|\\b(?:is|are) (?:unknown|unclear|poorly understood|not well understood|controversial)\\b"
                    + "|\\b(?:few|previous|prior|earlier|recent|several|many|some) (?:reports|studies|trials|investigations)\\b"
                    + "|\\bthere (?:is|has been) (?:controversy|debate|little|limited)\\b");

    /** A design named without a result is the study describing itself ("Three-year randomized field trial."). */
    private static final Pattern DESIGN = words(
            "\\brandomi[sz]ed\\b|\\bdouble-blind|\\bplacebo-controlled\\b|\\bcohort\\b|\\bcross-sectional\\b|\\bcase-control\\b"
                    + "|\\bretrospective\\b|\\bprospective\\b|\\binclusion criteria\\b");

    private SentenceRoles() {
    }

    private static Pattern words(String regex) {
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
    }

    /**
     * @param sentences the document's sentences in order
     * @param labels    each sentence's structured-abstract label, null where it has none
     */
    static List<Role> assign(List<String> sentences, List<AbstractLabel> labels) {
        int contextStart = contextStart(sentences, labels);
        List<Role> roles = new ArrayList<>(sentences.size());
        for (int i = 0; i < sentences.size(); i++) {
            String sentence = sentences.get(i);
            AbstractLabel label = labels.get(i);
            if (label != null && !label.mixed()) {
                roles.add(label.role());
            } else if (label != null && label.role() == Role.BACKGROUND) {
                // "BACKGROUND AND AIMS": background unless the words say aim or method
                roles.add(AIM.matcher(sentence).find() ? Role.AIM : METHOD.matcher(sentence).find() ? Role.METHOD : Role.BACKGROUND);
            } else if (contextStart < 0) {
                roles.add(withoutContext(sentence, i == sentences.size() - 1));
            } else if (i < contextStart) {
                roles.add(FINDING.matcher(sentence).find() ? Role.FINDING : Role.BACKGROUND);
            } else {
                roles.add(afterContext(sentence));
            }
        }
        return roles;
    }

    /**
     * Where context ends: the first sentence labelled as aim, method or result, or whose words state an
     * aim, a method or, in the first person, a finding ("Here we show"); -1 when none.
     */
    private static int contextStart(List<String> sentences, List<AbstractLabel> labels) {
        for (int i = 0; i < sentences.size(); i++) {
            AbstractLabel label = labels.get(i);
            if (label != null && label.role() != null && label.role() != Role.BACKGROUND) {
                return i;
            }
            boolean pureBackground = label != null && !label.mixed();
            String sentence = sentences.get(i);
            if (!pureBackground && (FINDING.matcher(sentence).find() || AIM.matcher(sentence).find()
                    || METHOD.matcher(sentence).find())) {
                return i;
            }
        }
        return -1;
    }

    private static Role afterContext(String sentence) {
        if (FINDING.matcher(sentence).find()) {
            return Role.FINDING;
        }
        if (AIM.matcher(sentence).find()) {
            return Role.AIM;
        }
        if (STATED_RESULT.matcher(sentence).find()) {
            return Role.FINDING;
        }
        if (METHOD.matcher(sentence).find()) {
            return Role.METHOD;
        }
        if (BACKGROUND.matcher(sentence).find()) {
            return Role.BACKGROUND;
        }
        if (RESULT_WORDS.matcher(sentence).find()) {
            return Role.FINDING;
        }
        return DESIGN.matcher(sentence).find() ? Role.METHOD : Role.FINDING;
    }

    private static Role withoutContext(String sentence, boolean last) {
        if (BACKGROUND.matcher(sentence).find() && !FINDING.matcher(sentence).find() && !last) {
            return Role.BACKGROUND;
        }
        boolean result = FINDING.matcher(sentence).find() || STATED_RESULT.matcher(sentence).find()
                || RESULT_WORDS.matcher(sentence).find();
        return result || last ? Role.FINDING : Role.BACKGROUND;
    }
}

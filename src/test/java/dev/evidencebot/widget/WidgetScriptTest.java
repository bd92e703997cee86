package dev.evidencebot.widget;

import dev.evidencebot.assets.StaticResource;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What can be checked of widget.js without a browser: its size, its DOM discipline, its colours. */
class WidgetScriptTest {

    // 30 KiB, the README's "under 30 KB": raised from 30,000 when the widget began asking the server
    // for its corpus-derived greeting and examples (the derivation itself stays on the server)
    static final int MAX_BYTES = 30 * 1024;
    static final Pattern LEVEL = Pattern.compile("(\\w+): \\['([a-z ]+)', '(#[0-9a-f]{6})', '(#[0-9a-f]{6})'");

    private final StaticResource script = StaticResource.load("widget/widget.js");
    private final String source = new String(script.bytes(), StandardCharsets.UTF_8);

    @Test
    void itIsOneSmallFile() {
        assertTrue(script.bytes().length <= MAX_BYTES, "widget.js is " + script.bytes().length + " bytes");
    }

    @Test
    void itNeverParsesMarkupFromStrings() {
        for (String sink : List.of("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
                "new Function", "DOMParser", "createContextualFragment")) {
            assertFalse(source.contains(sink), "widget.js uses " + sink);
        }
    }

    @Test
    void everyEvidenceLevelHasABadgeWhoseTextPassesWcagAa() {
        Matcher levels = LEVEL.matcher(source);
        List<String> seen = new ArrayList<>();
        while (levels.find()) {
            double ratio = contrast(levels.group(3), levels.group(4));
            assertTrue(ratio >= 4.5, levels.group(1) + " badge contrast is " + ratio);
            seen.add(levels.group(1));
        }
        assertEquals(List.of("HIGH", "MODERATE", "LOW", "VERY_LOW", "PRECLINICAL", "OPINION", "UNCITED"), seen);
    }

    @Test
    void textOnTheDefaultAccentPassesWcagAa() {
        Matcher accent = Pattern.compile("--eb-accent:(#[0-9a-f]{6});--eb-accent-text:#fff;").matcher(source);
        assertTrue(accent.find(), "default accent colours not found");
        double ratio = contrast(accent.group(1), "#ffffff");
        assertTrue(ratio >= 4.5, "white on the accent is " + ratio);
    }

    @Test
    void theContrastFormulaMatchesKnownValues() {
        assertEquals(21.0, contrast("#000000", "#ffffff"), 0.01);
        assertEquals(1.0, contrast("#777777", "#777777"), 0.01);
        assertEquals(4.48, contrast("#777777", "#ffffff"), 0.01);
    }

    /** WCAG 2 contrast ratio of two sRGB colours. */
    static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(String hex) {
        double[] rgb = new double[3];
        for (int i = 0; i < 3; i++) {
            double c = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            rgb[i] = c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
    }
}

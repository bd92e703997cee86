package dev.evidencebot.api;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CsvTest {

    @Test
    void cellsWithCommasQuotesOrLineBreaksAreQuotedAndQuotesDoubled() {
        String csv = new Csv().row(Arrays.asList("plain", "a,b", "say \"hi\"", "two\nlines", null, 42)).toString();

        assertEquals("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,42\r\n", csv);
    }

    @Test
    void cellsASpreadsheetWouldRunAsAFormulaGetALeadingQuote() {
        assertEquals(List.of("'=SUM(A1)", "'+1", "'-1", "'@SUM(A1)", "a=b"),
                List.of(Csv.cell("=SUM(A1)"), Csv.cell("+1"), Csv.cell("-1"), Csv.cell("@SUM(A1)"), Csv.cell("a=b")));
        assertEquals("\"'=1+2,3\"", Csv.cell("=1+2,3"), "guarded, then quoted");
    }
}

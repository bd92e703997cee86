package dev.evidencebot.api;

import java.util.List;

/**
 * RFC 4180 CSV: a cell with a comma, quote or line break is quoted, quotes doubled. A cell a
 * spreadsheet would run as a formula (it starts with = + - @, or a tab or carriage return) gets a
 * leading single quote, so a visitor's question cannot become a formula in the owner's Excel.
 */
final class Csv {

    private final StringBuilder text = new StringBuilder();

    Csv row(List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(cell(cells.get(i)));
        }
        text.append("\r\n");
        return this;
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String cell = value.toString();
        if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
            cell = "'" + cell;
        }
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
            cell = "\"" + cell.replace("\"", "\"\"") + "\"";
        }
        return cell;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}

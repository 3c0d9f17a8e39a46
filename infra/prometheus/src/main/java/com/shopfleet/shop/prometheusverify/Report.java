package com.shopfleet.shop.prometheusverify;

import static com.shopfleet.shop.prometheusverify.VerifyMain.CONSOLE;

import java.util.ArrayList;
import java.util.List;

/** The table the verification prints: one row per check, failed ones named. */
final class Report {

    record Row(String check, boolean passed, String detail) {
    }

    private final List<Row> rows = new ArrayList<>();

    Report() {
    }

    void pass(String check, String detail) {
        add(new Row(check, true, detail));
    }

    void fail(String check, String detail) {
        add(new Row(check, false, detail));
    }

    void check(String check, boolean passed, String detail) {
        add(new Row(check, passed, detail));
    }

    private synchronized void add(Row row) {
        rows.add(row);
        CONSOLE.info(String.format("  %s %s — %s", row.passed() ? "ok  " : "FAIL", row.check(), row.detail()));
    }

    boolean failed() {
        return rows.stream().anyMatch(row -> !row.passed());
    }

    void print(String title) {
        int width = Math.min(90, rows.stream().mapToInt(row -> row.check().length()).max().orElse(10));
        CONSOLE.info("");
        CONSOLE.info(title);
        CONSOLE.info(String.format("| %-" + width + "s | %-6s | %s", "check", "result", "detail"));
        CONSOLE.info(String.format("|-%s-|--------|--------", "-".repeat(width)));
        for (Row row : rows) {
            String check = row.check().length() > width ? row.check().substring(0, width - 1) + "…" : row.check();
            CONSOLE.info(String.format("| %-" + width + "s | %-6s | %s", check, row.passed() ? "PASS" : "FAIL", row.detail()));
        }
        long failed = rows.stream().filter(row -> !row.passed()).count();
        CONSOLE.info(String.format("%n%d checks, %d failed", rows.size(), failed));
    }
}

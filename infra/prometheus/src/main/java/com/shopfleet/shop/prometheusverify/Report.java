package com.shopfleet.shop.prometheusverify;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** The table the verification prints: one row per check, failed ones named. */
final class Report {

    record Row(String check, boolean passed, String detail) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final PrintStream out;

    Report(PrintStream out) {
        this.out = out;
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
        out.printf("  %s %s — %s%n", row.passed() ? "ok  " : "FAIL", row.check(), row.detail());
    }

    boolean failed() {
        return rows.stream().anyMatch(row -> !row.passed());
    }

    void print(String title) {
        int width = Math.min(90, rows.stream().mapToInt(row -> row.check().length()).max().orElse(10));
        out.println();
        out.println(title);
        out.printf("| %-" + width + "s | %-6s | %s%n", "check", "result", "detail");
        out.printf("|-%s-|--------|--------%n", "-".repeat(width));
        for (Row row : rows) {
            String check = row.check().length() > width ? row.check().substring(0, width - 1) + "…" : row.check();
            out.printf("| %-" + width + "s | %-6s | %s%n", check, row.passed() ? "PASS" : "FAIL", row.detail());
        }
        long failed = rows.stream().filter(row -> !row.passed()).count();
        out.printf("%n%d checks, %d failed%n", rows.size(), failed);
    }
}

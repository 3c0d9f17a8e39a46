package com.shopfleet.shop.prometheusverify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;

/**
 * Every query of every provisioned Grafana dashboard ({@code infra/grafana/dashboards/*.json}), with
 * Grafana's variables replaced as the dashboard's defaults ("All") and built-ins would be.
 */
final class Dashboards {

    /** One panel query, ready for Prometheus. */
    record PanelQuery(String dashboard, String panel, String refId, String expr) {

        String name() {
            return dashboard + " / " + panel + (refId.equals("A") ? "" : " (" + refId + ")");
        }
    }

    private Dashboards() {
    }

    static List<PanelQuery> read(Path directory) throws IOException {
        List<PanelQuery> queries = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode dashboard = Browser.JSON.readTree(file.toFile());
                List<String> variables = new ArrayList<>();
                dashboard.path("templating").path("list").forEach(variable -> variables.add(variable.path("name").asString()));
                collect(dashboard.path("title").asString(file.getFileName().toString()), dashboard.path("panels"), variables,
                        queries);
            }
        }
        return queries;
    }

    private static void collect(String dashboard, JsonNode panels, List<String> variables, List<PanelQuery> into) {
        for (JsonNode panel : panels) {
            collect(dashboard, panel.path("panels"), variables, into); // rows hold their panels
            for (JsonNode target : panel.path("targets")) {
                String expr = target.path("expr").asString("");
                if (!expr.isBlank()) {
                    into.add(new PanelQuery(dashboard, panel.path("title").asString(), target.path("refId").asString("A"),
                            substitute(expr, variables)));
                }
            }
        }
    }

    /** Dashboard variables become "any value" (their default is All), Grafana's built-ins fixed windows. */
    static String substitute(String expr, List<String> variables) {
        String result = expr.replace("$__rate_interval", "1m").replace("$__interval", "15s").replace("$__range", "5m");
        for (String variable : variables) {
            result = result.replace("=~\"$" + variable + "\"", "=~\".*\"").replace("=~\"${" + variable + "}\"", "=~\".*\"");
        }
        return result;
    }
}

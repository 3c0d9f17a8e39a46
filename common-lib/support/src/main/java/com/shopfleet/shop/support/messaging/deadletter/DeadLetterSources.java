package com.shopfleet.shop.support.messaging.deadletter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * The service's dead-letter topics, read from its Spring Cloud Stream configuration: every input
 * binding ({@code <function>-in-<n>}) with {@code enable-dlq} (its own or the Kafka binder's
 * default) gives its destination, group and {@code dlq-name} (the binder's default name
 * {@code error.<destination>.<group>} when none is set). Nothing to configure twice.
 */
public final class DeadLetterSources {

    private static final Pattern INPUT = Pattern.compile(".+-in-\\d+");

    private final List<DeadLetterSource> sources;

    public DeadLetterSources(List<DeadLetterSource> sources) {
        this.sources = List.copyOf(sources);
    }

    public static DeadLetterSources from(Environment environment) {
        Binder binder = Binder.get(environment);
        Map<String, BindingView> bindings = binder.bind("spring.cloud.stream.bindings",
                Bindable.mapOf(String.class, BindingView.class)).orElse(Map.of());
        Map<String, KafkaBindingView> kafka = binder.bind("spring.cloud.stream.kafka.bindings",
                Bindable.mapOf(String.class, KafkaBindingView.class)).orElse(Map.of());
        KafkaConsumerView kafkaDefault = binder.bind("spring.cloud.stream.kafka.default.consumer",
                KafkaConsumerView.class).orElse(new KafkaConsumerView(null, null));
        String defaultGroup = binder.bind("spring.cloud.stream.default.group", String.class).orElse(null);

        Map<String, DeadLetterSource> byAlias = new LinkedHashMap<>();
        bindings.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            String name = entry.getKey();
            BindingView binding = entry.getValue();
            KafkaConsumerView own = Optional.ofNullable(kafka.get(name)).map(KafkaBindingView::consumer)
                    .orElse(new KafkaConsumerView(null, null));
            boolean dlq = Boolean.TRUE.equals(own.enableDlq() != null ? own.enableDlq() : kafkaDefault.enableDlq());
            String group = binding.group() != null ? binding.group() : defaultGroup;
            if (!INPUT.matcher(name).matches() || !dlq || binding.destination() == null || group == null) {
                return;
            }
            for (String topic : binding.destination().split(",")) {
                String destination = topic.strip();
                String deadLetterTopic = own.dlqName() != null ? own.dlqName()
                        : "error." + destination + "." + group;
                String alias = uniqueAlias(byAlias, destination);
                byAlias.put(alias, new DeadLetterSource(alias, destination, group, deadLetterTopic));
            }
        });
        return new DeadLetterSources(new ArrayList<>(byAlias.values()));
    }

    public List<DeadLetterSource> all() {
        return sources;
    }

    public boolean isEmpty() {
        return sources.isEmpty();
    }

    public Optional<DeadLetterSource> byAlias(String alias) {
        return sources.stream().filter(source -> source.alias().equalsIgnoreCase(alias)).findFirst();
    }

    /** {@code shop.order.order} → {@code order}; a second binding of the same aggregate name gets a number. */
    private static String uniqueAlias(Map<String, DeadLetterSource> taken, String topic) {
        String last = topic.substring(topic.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        String base = last.isEmpty() || !Character.isLetter(last.charAt(0)) ? "topic" + last : last;
        String alias = base;
        for (int n = 2; taken.containsKey(alias); n++) {
            alias = base + n;
        }
        return alias;
    }

    record BindingView(String destination, String group) {
    }

    record KafkaBindingView(KafkaConsumerView consumer) {
    }

    record KafkaConsumerView(Boolean enableDlq, String dlqName) {
    }
}

/**
 * The events the fleet exchanges over Kafka (CONTRACTS §6, ARCHITECTURE §5).
 *
 * <p>Every message is an {@link com.shopfleet.shop.contracts.events.EventEnvelope} whose payload
 * is one of the {@link com.shopfleet.shop.contracts.events.IntegrationEvent} records of the
 * sub-packages; {@link com.shopfleet.shop.contracts.events.EventTypes} maps the wire name (the
 * {@code event-type} header) to the payload class and topic. Evolving a payload: adding a field
 * keeps its {@code schemaVersion} (every record ignores fields it does not know, whatever the
 * reader's mapper settings); renaming, removing or re-typing a field is a new
 * {@code schemaVersion} or a new event type, changed together with every consumer.
 */
package com.shopfleet.shop.contracts.events;

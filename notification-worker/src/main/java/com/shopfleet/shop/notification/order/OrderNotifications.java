package com.shopfleet.shop.notification.order;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.stereotype.Service;

import com.shopfleet.shop.contracts.events.EventEnvelope;
import com.shopfleet.shop.contracts.events.order.OrderAmounts;
import com.shopfleet.shop.contracts.events.order.OrderCancelled;
import com.shopfleet.shop.contracts.events.order.OrderConfirmed;
import com.shopfleet.shop.contracts.events.order.OrderLine;
import com.shopfleet.shop.contracts.events.order.OrderPaid;
import com.shopfleet.shop.contracts.events.order.OrderRejected;
import com.shopfleet.shop.contracts.events.order.OrderShipped;
import com.shopfleet.shop.notification.contact.ContactBook;
import com.shopfleet.shop.notification.contact.Recipient;
import com.shopfleet.shop.notification.delivery.Deliveries;
import com.shopfleet.shop.notification.delivery.Delivery;
import com.shopfleet.shop.notification.delivery.MailTemplates;
import com.shopfleet.shop.notification.delivery.Prepared;

/**
 * Messages about a customer's order: a mail for confirmed, rejected, paid, shipped and cancelled,
 * and an SMS as well when it ships. Order events carry only the user id: address and language come
 * from the contact replica (an order of a user whose contact has not arrived yet is retried, then
 * dead-lettered; one of a user who withdrew sends nothing).
 */
@Service
public class OrderNotifications {

    private final Deliveries deliveries;
    private final MailTemplates templates;
    private final ContactBook contacts;

    OrderNotifications(Deliveries deliveries, MailTemplates templates, ContactBook contacts) {
        this.deliveries = deliveries;
        this.templates = templates;
        this.contacts = contacts;
    }

    public void confirmed(EventEnvelope<?> envelope, OrderConfirmed order) {
        mail(envelope, order.userId(), "order-confirmed", order.orderNumber(),
                recipient -> model(envelope, recipient, order.orderNumber(), order.lines(), order.amounts()));
    }

    public void rejected(EventEnvelope<?> envelope, OrderRejected order) {
        mail(envelope, order.userId(), "order-rejected", order.orderNumber(), recipient -> {
            Map<String, Object> model = model(envelope, recipient, order.orderNumber(), order.lines(), order.amounts());
            model.put("reason", templates.codeText("mail.reason", order.reason(), recipient.locale()));
            return model;
        });
    }

    public void paid(EventEnvelope<?> envelope, OrderPaid order) {
        mail(envelope, order.userId(), "order-paid", order.orderNumber(), recipient -> {
            Map<String, Object> model = model(envelope, recipient, order.orderNumber(), order.lines(), order.amounts());
            model.put("paymentMethod", templates.codeText("mail.payment", order.paymentMethod(), recipient.locale()));
            return model;
        });
    }

    public void cancelled(EventEnvelope<?> envelope, OrderCancelled order) {
        mail(envelope, order.userId(), "order-cancelled", order.orderNumber(), recipient -> {
            Map<String, Object> model = model(envelope, recipient, order.orderNumber(), order.lines(), order.amounts());
            model.put("reason", templates.codeText("mail.reason", order.reason(), recipient.locale()));
            return model;
        });
    }

    /** A mail with the parcel's details, and an SMS with carrier and tracking number. */
    public void shipped(EventEnvelope<?> envelope, OrderShipped order) {
        Function<Recipient, Map<String, Object>> model = recipient -> {
            Map<String, Object> variables = model(envelope, recipient, order.orderNumber(), order.lines(), null);
            variables.put("carrier", order.carrier());
            variables.put("trackingNumber", order.trackingNumber());
            variables.put("address", order.shippingAddress());
            return variables;
        };
        deliveries.deliver(envelope, order.userId(),
                mailDelivery(order.userId(), "order-shipped", order.orderNumber(), model),
                Delivery.sms(() -> contacts.recipient(order.userId())
                        .map(recipient -> recipient.phone() == null || recipient.phone().isBlank()
                                ? Prepared.skip("no_phone")
                                : Prepared.sms(recipient.phone(), templates.text("sms.order-shipped", recipient.locale(),
                                        order.orderNumber(), String.valueOf(order.carrier()),
                                        String.valueOf(order.trackingNumber()))))
                        .orElseGet(() -> Prepared.skip("withdrawn"))));
    }

    private void mail(EventEnvelope<?> envelope, long userId, String template, String orderNumber,
            Function<Recipient, Map<String, Object>> model) {
        deliveries.deliver(envelope, userId, mailDelivery(userId, template, orderNumber, model));
    }

    private Delivery mailDelivery(long userId, String template, String orderNumber,
            Function<Recipient, Map<String, Object>> model) {
        return Delivery.mail(() -> contacts.recipient(userId)
                .map(recipient -> Prepared.mail(recipient.requireEmail(),
                        templates.render(template, recipient.locale(), model.apply(recipient), orderNumber)))
                .orElseGet(() -> Prepared.skip("withdrawn")));
    }

    private Map<String, Object> model(EventEnvelope<?> envelope, Recipient recipient, String orderNumber,
            List<OrderLine> lines, OrderAmounts amounts) {
        Map<String, Object> model = new HashMap<>();
        model.put("greeting", templates.greeting(recipient.name(), recipient.locale()));
        model.put("orderNumber", orderNumber);
        model.put("lines", lines);
        model.put("amounts", amounts);
        model.put("occurredAt", templates.time(envelope.occurredAt(), recipient.locale()));
        return model;
    }
}

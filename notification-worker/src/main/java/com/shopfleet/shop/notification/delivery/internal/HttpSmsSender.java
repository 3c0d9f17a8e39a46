package com.shopfleet.shop.notification.delivery.internal;

import java.net.http.HttpClient;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

import com.shopfleet.shop.notification.delivery.DeliveryException;
import com.shopfleet.shop.notification.delivery.DeliveryProperties;
import com.shopfleet.shop.notification.delivery.FailureReason;
import com.shopfleet.shop.notification.delivery.SmsMessage;
import com.shopfleet.shop.notification.delivery.SmsSender;
import com.shopfleet.shop.support.logging.PiiMasking;

/**
 * An SMS provider over HTTP ({@code shop.notification.sms.provider=http}): {@code POST url} with
 * JSON {@code {from, to, text, reference}}, {@code Authorization: Bearer <api-key>} and
 * {@code Idempotency-Key: <reference>} (a provider honouring it folds the resend of the crash
 * window). 2xx is sent; no answer, a timeout, 408, 429 or 5xx is transient; any other 4xx is a
 * permanent refusal.
 */
public class HttpSmsSender implements SmsSender {

    private static final Logger log = LoggerFactory.getLogger(HttpSmsSender.class);

    private final RestClient client;
    private final String sender;

    public HttpSmsSender(DeliveryProperties.Http http, String sender) {
        HttpClient httpClient = HttpClient.newBuilder().connectTimeout(http.connectTimeout()).build();
        JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(httpClient);
        requestFactory.setReadTimeout(http.readTimeout());
        RestClient.Builder builder = RestClient.builder().baseUrl(http.url().toString()).requestFactory(requestFactory);
        if (http.apiKey() != null && !http.apiKey().isBlank()) {
            builder.defaultHeader("Authorization", "Bearer " + http.apiKey());
        }
        this.client = builder.build();
        this.sender = sender;
    }

    @Override
    public void send(SmsMessage message) {
        try {
            client.post()
                    .contentType(MediaType.APPLICATION_JSON)
                    .header("Idempotency-Key", message.reference())
                    .body(Map.of("from", sender, "to", message.to(), "text", message.text(), "reference",
                            message.reference()))
                    .retrieve()
                    .toBodilessEntity();
            log.info("SMS to {} accepted by the provider ({})", PiiMasking.phone(message.to()), message.reference());
        }
        catch (RestClientResponseException ex) {
            HttpStatusCode status = ex.getStatusCode();
            boolean transientStatus = status.is5xxServerError() || status.value() == 408 || status.value() == 429;
            throw new DeliveryException(transientStatus ? FailureReason.SMS_PROVIDER_UNAVAILABLE : FailureReason.SMS_REJECTED,
                    "the SMS provider answered " + status.value() + " for " + PiiMasking.phone(message.to()));
        }
        catch (ResourceAccessException ex) {
            throw new DeliveryException(FailureReason.SMS_PROVIDER_UNAVAILABLE,
                    "the SMS provider is not reachable (" + rootName(ex) + ")");
        }
        catch (RestClientException ex) {
            throw new DeliveryException(FailureReason.SMS_PROVIDER_UNAVAILABLE,
                    "the SMS provider call failed (" + ex.getClass().getSimpleName() + ")");
        }
    }

    private static String rootName(Throwable ex) {
        Throwable root = ex;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }
}

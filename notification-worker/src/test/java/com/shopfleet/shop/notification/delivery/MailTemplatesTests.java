package com.shopfleet.shop.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import com.shopfleet.shop.contracts.events.order.OrderAmounts;
import com.shopfleet.shop.contracts.events.order.OrderLine;
import com.shopfleet.shop.contracts.events.order.ShippingAddress;

/** Every mail template, in both languages, rendered by the same engine and bundles the worker uses. */
class MailTemplatesTests {

    private static final String HOSTILE = "<script>alert('x')</script> & \"Kim\"";

    private final MailTemplates templates = templates();

    @ParameterizedTest
    @ValueSource(strings = { "welcome", "password-reset", "order-confirmed", "order-rejected", "order-paid",
            "order-shipped", "order-cancelled", "prize-won" })
    void everyTemplateRendersInKoreanAndEnglishWithEveryTextResolved(String name) {
        for (Locale locale : List.of(Locale.KOREAN, Locale.ENGLISH)) {
            MailContent mail = templates.render(name, locale, model(locale), "SF260314-7K3QX9");

            assertThat(mail.subject()).as("%s %s subject", name, locale).isNotBlank().doesNotContain("??", "{0}");
            assertThat(mail.html()).as("%s %s html", name, locale).contains("<html", "</html>")
                    .doesNotContain("??", "{0}", "{1}", "th:text", "th:replace", "xmlns:th");
            // every mail is the one page layout: doctype, subject as title, brand header, heading, footer
            assertThat(mail.html()).as("%s %s page", name, locale).startsWith("<!DOCTYPE html>")
                    .contains("<title>" + mail.subject().replace("&", "&amp;") + "</title>", "<h2 ", "max-width:600px")
                    .containsOnlyOnce("<body").containsOnlyOnce("border-bottom:2px solid #111827")
                    .containsOnlyOnce("border-top:1px solid #e5e7eb;margin:28px 0 0 0");
            assertThat(mail.text()).as("%s %s text", name, locale).isNotBlank().doesNotContain("??", "{0}", "{1}", "[#", "[(");
        }
    }

    @Test
    void anOrderMailShowsItsLinesAndAmountsInTheRecipientsLanguage() {
        MailContent korean = templates.render("order-confirmed", Locale.KOREAN, model(Locale.KOREAN), "SF260314-7K3QX9");
        MailContent english = templates.render("order-confirmed", Locale.ENGLISH, model(Locale.ENGLISH), "SF260314-7K3QX9");

        assertThat(korean.subject()).isEqualTo("[숍플릿] 주문이 확정되었습니다 (SF260314-7K3QX9)");
        assertThat(korean.html()).contains("주문이 확정되었습니다", "노이즈캔슬링 무선 이어폰", "135,150원", "179,950원",
                "-5,000포인트", "https://shop.example");
        assertThat(korean.text()).contains("노이즈캔슬링 무선 이어폰 x 1개: 135,150원", "결제 금액: 179,950원");
        assertThat(english.subject()).isEqualTo("[Shop Fleet] Your order is confirmed (SF260314-7K3QX9)");
        assertThat(english.html()).contains("Your order is confirmed", "KRW 179,950", "lang=\"en\"");
    }

    @Test
    void userDataIsEscapedInTheHtmlPartAndLeftAsWrittenInThePlainTextPart() {
        Map<String, Object> model = model(Locale.ENGLISH);
        model.put("greeting", templates.greeting(HOSTILE, Locale.ENGLISH));
        model.put("lines", List.of(new OrderLine(1, 2, "<img src=x onerror=alert(1)>", 1, 1000, 1000)));
        model.put("address", new ShippingAddress("<b>Kim</b>", "010-2345-6789", "06236", "<i>Teheran-ro</i>", "12F"));
        model.put("carrier", "<u>CJ</u>");

        MailContent mail = templates.render("order-shipped", Locale.ENGLISH, model, "SF-1");

        assertThat(mail.html()).doesNotContain("<script>", "<img src=x", "<b>Kim", "<i>Teheran", "<u>CJ")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Kim&quot;",
                        "&lt;img src=x onerror=alert(1)&gt;", "&lt;b&gt;Kim&lt;/b&gt;", "&lt;u&gt;CJ&lt;/u&gt;");
        assertThat(mail.text()).contains("Hello " + HOSTILE + ",");
    }

    @Test
    void aSubjectNeverCarriesALineBreakFromItsArguments() {
        MailContent mail = templates.render("order-paid", Locale.KOREAN, model(Locale.KOREAN), "SF-1\r\nBcc: evil@example.com");

        assertThat(mail.subject()).doesNotContain("\r", "\n").contains("SF-1 Bcc: evil@example.com");
    }

    @Test
    void unknownReasonAndPaymentCodesReadAsTheGenericText() {
        assertThat(templates.codeText("mail.reason", "OUT_OF_STOCK", Locale.KOREAN)).isEqualTo("재고 부족");
        assertThat(templates.codeText("mail.reason", "SOMETHING_NEW", Locale.ENGLISH)).isEqualTo("Other reason");
        assertThat(templates.codeText("mail.payment", null, Locale.KOREAN)).isEqualTo("기타 결제 수단");
    }

    @Test
    void aMissingTemplateIsAPermanentFailure() {
        assertThatThrownBy(() -> templates.render("no-such-template", Locale.KOREAN, Map.of()))
                .isInstanceOfSatisfying(DeliveryException.class,
                        ex -> assertThat(ex.reason()).isEqualTo(FailureReason.TEMPLATE_FAILED));
    }

    @Test
    void smsTextsComeFromTheBundlesOnOneLine() {
        assertThat(templates.text("sms.email-lookup", Locale.KOREAN, "mi*******@example.com"))
                .isEqualTo("[숍플릿] 가입하신 이메일은 mi*******@example.com 입니다.");
        assertThat(templates.text("sms.order-shipped", Locale.ENGLISH, "SF-1", "CJ", "6845"))
                .isEqualTo("[Shop Fleet] Order SF-1 has shipped. CJ tracking number 6845");
    }

    private Map<String, Object> model(Locale locale) {
        Map<String, Object> model = new HashMap<>();
        model.put("greeting", templates.greeting("김민수", locale));
        model.put("email", "minsu.kim@example.com");
        model.put("code", "048291");
        model.put("requestedAt", templates.time(Instant.parse("2026-03-10T22:31:18Z"), locale));
        model.put("orderNumber", "SF260314-7K3QX9");
        model.put("lines", List.of(new OrderLine(9001, 2001, "노이즈캔슬링 무선 이어폰", 1, 135150, 135150),
                new OrderLine(9002, 2002, "고속 충전 보조배터리 10000mAh", 2, 24900, 49800)));
        model.put("amounts", new OrderAmounts(184950, 0, 5000, 179950));
        model.put("occurredAt", templates.time(Instant.parse("2026-03-14T09:30:13Z"), locale));
        model.put("reason", templates.codeText("mail.reason", "OUT_OF_STOCK", locale));
        model.put("paymentMethod", templates.codeText("mail.payment", "CARD", locale));
        model.put("carrier", "CJ대한통운");
        model.put("trackingNumber", "684512379025");
        model.put("address", new ShippingAddress("김민수", "010-2345-6789", "06236", "서울특별시 강남구 테헤란로 152",
                "강남파이낸스센터 12층"));
        model.put("eventTitle", "블랙프라이데이 선착순 5,000포인트");
        model.put("prizePoints", 5000L);
        model.put("rank", 17);
        return model;
    }

    static MailTemplates templates() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        DeliveryProperties properties = new DeliveryProperties(new DeliveryProperties.Mail("숍플릿 <no-reply@shop.example>",
                "shop.example"), new DeliveryProperties.Sms(DeliveryProperties.Sms.Provider.LOGGING, "SHOP", 10, null),
                ZoneId.of("Asia/Seoul"), URI.create("https://shop.example"), Duration.ofDays(30), 5);
        return new MailTemplates(new DeliveryConfiguration().mailTemplateEngine(messages), messages, properties);
    }
}

package com.shopfleet.shop.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.shopfleet.shop.contracts.events.EventEnvelope;
import com.shopfleet.shop.contracts.events.auth.EmailLookupRequested;
import com.shopfleet.shop.contracts.events.auth.PasswordResetRequested;
import com.shopfleet.shop.contracts.events.auth.UserRegistered;
import com.shopfleet.shop.contracts.events.auth.UserUpdated;
import com.shopfleet.shop.contracts.events.auth.UserWithdrawn;
import com.shopfleet.shop.contracts.events.order.OrderCancelled;
import com.shopfleet.shop.contracts.events.order.OrderConfirmed;
import com.shopfleet.shop.contracts.events.order.OrderPaid;
import com.shopfleet.shop.contracts.events.order.OrderRejected;
import com.shopfleet.shop.contracts.events.order.OrderShipped;
import com.shopfleet.shop.contracts.events.prize.PrizeWon;
import com.shopfleet.shop.notification.delivery.LoggingSmsSender;
import com.shopfleet.shop.notification.localmail.LocalMailbox.ReceivedMail;

/**
 * Every event type the worker consumes, from the golden files the producers test against, through
 * the real broker to the real SMTP server (or the SMS adapter's record): one message each, in the
 * person's language, with user input escaped. The golden files share user 1001, whose language
 * {@code UserUpdated} changes: the methods run in order.
 */
@NotificationIntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GoldenEventsIntegrationTests extends WorkerTestSupport {

    private static final String MINSU = "minsu.kim@example.com";

    @Test
    @Order(1)
    void userRegisteredSendsOneKoreanWelcomeMailAndKeepsTheContact() throws Exception {
        EventEnvelope<UserRegistered> registered = golden(UserRegistered.TYPE);

        publish(registered);

        ReceivedMail mail = single(MINSU, "회원 가입을 환영합니다");
        assertThat(mail.subject()).isEqualTo("[숍플릿] 회원 가입을 환영합니다");
        assertThat(mail.from()).contains("no-reply@shop-fleet.local");
        assertThat(mail.html()).contains("김민수님, 안녕하세요.", "가입한 이메일: minsu.kim@example.com", "https://shop.example");
        assertThat(mail.text()).contains("김민수님, 안녕하세요.", "가입한 이메일: minsu.kim@example.com");
        MimeMessage raw = TestSmtp.messagesTo(MINSU).getFirst();
        assertThat(raw.getMessageID()).isEqualTo("<" + registered.eventId() + ".mail@shop-fleet.local>");
        assertThat(raw.getContentType()).startsWith("multipart/mixed");
        assertThat(jdbc.queryForMap("SELECT email, phone, name, locale, marketing_consent FROM contact WHERE user_id = 1001"))
                .containsEntry("email", MINSU).containsEntry("phone", "010-2345-6789").containsEntry("locale", "ko");
    }

    @Test
    @Order(2)
    void passwordResetRequestedMailsTheCode() {
        publish(golden(PasswordResetRequested.TYPE));

        ReceivedMail mail = single(MINSU, "비밀번호 재설정");
        assertThat(mail.subject()).isEqualTo("[숍플릿] 비밀번호 재설정 인증 코드");
        assertThat(mail.html()).contains("048291", "본인이 요청하지 않았다면");
        assertThat(mail.text()).contains("048291");
    }

    @Test
    @Order(3)
    void emailLookupRequestedTextsTheMaskedAddress() {
        publish(golden(EmailLookupRequested.TYPE));

        List<LoggingSmsSender.LoggedSms> texts = awaitSms("01098765432", 1);
        assertThat(texts).singleElement().satisfies(
                text -> assertThat(text.text()).isEqualTo("[숍플릿] 가입하신 이메일은 mi*******@example.com 입니다."));
    }

    @Test
    @Order(4)
    void orderConfirmedMailsTheLinesAndAmounts() {
        publish(golden(OrderConfirmed.TYPE));

        ReceivedMail mail = single(MINSU, "주문이 확정되었습니다");
        assertThat(mail.subject()).isEqualTo("[숍플릿] 주문이 확정되었습니다 (SF260314-7K3QX9)");
        assertThat(mail.html()).contains("노이즈캔슬링 무선 이어폰", "고속 충전 보조배터리 10000mAh", "135,150원", "49,800원",
                "-5,000포인트", "179,950원", "2026년 3월 14일");
        assertThat(mail.text()).contains("고속 충전 보조배터리 10000mAh x 2개: 49,800원", "결제 금액: 179,950원");
    }

    @Test
    @Order(5)
    void orderPaidMailsThePaymentMethod() {
        publish(golden(OrderPaid.TYPE));

        ReceivedMail mail = single(MINSU, "결제가 완료되었습니다");
        assertThat(mail.subject()).isEqualTo("[숍플릿] 결제가 완료되었습니다 (SF260314-7K3QX9)");
        assertThat(mail.html()).contains("결제 수단: 신용카드", "179,950원");
    }

    @Test
    @Order(6)
    void orderShippedMailsTheParcelAndTextsTheTrackingNumber() {
        publish(golden(OrderShipped.TYPE));

        ReceivedMail mail = single(MINSU, "발송되었습니다");
        assertThat(mail.html()).contains("CJ대한통운", "684512379025", "서울특별시 강남구 테헤란로 152", "강남파이낸스센터 12층");
        assertThat(awaitSms("01023456789", 1)).singleElement().satisfies(text -> assertThat(text.text())
                .isEqualTo("[숍플릿] 주문 SF260314-7K3QX9 상품이 발송되었습니다. CJ대한통운 송장번호 684512379025"));
    }

    @Test
    @Order(7)
    void orderCancelledMailsTheReason() {
        publish(golden(OrderCancelled.TYPE));

        ReceivedMail mail = single(MINSU, "주문이 취소되었습니다");
        assertThat(mail.html()).contains("사유: 고객 요청", "사용하신 포인트는 모두 돌려드렸습니다");
    }

    @Test
    @Order(8)
    void prizeWonMailsThePointsAndRank() {
        publish(golden(PrizeWon.TYPE));

        ReceivedMail mail = single(MINSU, "당첨");
        assertThat(mail.subject()).isEqualTo("[숍플릿] 이벤트에 당첨되셨습니다");
        assertThat(mail.html()).contains("「블랙프라이데이 선착순 5,000포인트」 이벤트에 17번째로 당첨되셨습니다.",
                "적립 포인트: 5,000포인트");
    }

    @Test
    @Order(9)
    void orderRejectedReachesAnEnglishSpeakerWithTheirHostileNameEscaped() {
        String jane = "jane.doe@example.com";
        register(1002, jane, "<script>alert('x')</script>Jane", "010-5555-1234", "en");

        publish(golden(OrderRejected.TYPE));

        ReceivedMail mail = single(jane, "could not process");
        assertThat(mail.subject()).isEqualTo("[Shop Fleet] We could not process your order (SF260314-M2D8PA)");
        assertThat(mail.html()).contains("Reason: Out of stock", "KRW 405,450",
                "Hello &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;Jane,").doesNotContain("<script>");
        assertThat(single(jane, "Welcome").html()).doesNotContain("<script>").contains("&lt;script&gt;");
        assertThat(mail.text()).contains("Hello <script>alert('x')</script>Jane,");
    }

    @Test
    @Order(10)
    void userUpdatedSwitchesLaterMessagesToTheNewLanguageAndPhone() {
        publish(golden(UserUpdated.TYPE));
        // the user and order topics are consumed independently: let the update land first
        await().atMost(PATIENCE).until(() -> jdbc.queryForObject(
                "SELECT locale FROM contact WHERE user_id = 1001", String.class), "en"::equals);
        EventEnvelope<OrderShipped> shipped = golden(OrderShipped.TYPE);

        publish(fresh(shipped.payload()));

        ReceivedMail mail = single(MINSU, "Your order has shipped");
        assertThat(mail.subject()).isEqualTo("[Shop Fleet] Your order has shipped (SF260314-7K3QX9)");
        assertThat(awaitSms("01098765432", 2)).first().satisfies(text -> assertThat(text.text())
                .isEqualTo("[Shop Fleet] Order SF260314-7K3QX9 has shipped. CJ대한통운 tracking number 684512379025"));
        assertThat(jdbc.queryForMap("SELECT phone, locale, marketing_consent FROM contact WHERE user_id = 1001"))
                .containsEntry("phone", "010-9876-5432").containsEntry("locale", "en");
    }

    @Test
    @Order(11)
    void userWithdrawnErasesTheContactAndLaterMessagesAreNotSent() {
        String leaving = "leaving.user@example.com";
        register(1003, leaving, "이탈자", "010-3333-4444", "ko");
        EventEnvelope<OrderConfirmed> confirmed = fresh(order(1003, "SF-LEAVE-1"));
        publish(confirmed);
        single(leaving, "SF-LEAVE-1");

        publish(golden(UserWithdrawn.TYPE));
        await().atMost(PATIENCE).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM contact WHERE user_id = 1003 AND withdrawn_at IS NOT NULL", Integer.class), n -> n == 1);
        publish(fresh(order(1003, "SF-LEAVE-2")));
        EventEnvelope<OrderConfirmed> marker = fresh(order(1001, "SF-MARKER-1003"));
        publish(marker);
        awaitMails(MINSU, subjectContains("SF-MARKER-1003"), 1);

        assertThat(mails(leaving, subjectContains("SF-LEAVE-2"))).isEmpty();
        Map<String, Object> contact = jdbc.queryForMap(
                "SELECT email, phone, name, withdrawn_at FROM contact WHERE user_id = 1003");
        assertThat(contact.get("email")).isNull();
        assertThat(contact.get("phone")).isNull();
        assertThat(contact.get("name")).isNull();
        assertThat(contact.get("withdrawn_at")).isNotNull();
        assertThat(jdbc.queryForMap("SELECT user_id, recipient FROM sent_notification WHERE event_id = ?",
                confirmed.eventId().toString())).containsEntry("user_id", null).containsEntry("recipient", null);
    }

    private static OrderConfirmed order(long userId, String orderNumber) {
        return DeliveredOnceIntegrationTests.order(userId, orderNumber);
    }

    private ReceivedMail single(String address, String subject) {
        awaitMails(address, subjectContains(subject), 1);
        List<ReceivedMail> found = mails(address, subjectContains(subject));
        assertThat(found).as("mails to %s about %s", address, subject).hasSize(1);
        return found.getFirst();
    }
}

package com.shopfleet.shop.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;

import com.shopfleet.shop.auth.account.Accounts;
import com.shopfleet.shop.auth.demo.DemoAccounts;
import com.shopfleet.shop.auth.demo.DemoProperties;

/** The local profile's demo staff and shopper; no other profile creates accounts. */
@ExtendWith(OutputCaptureExtension.class)
class DemoAccountsIntegrationTests extends AuthIntegrationTest {

    private static final Pattern GENERATED = Pattern.compile("with the generated password (\\S+)");

    @Autowired
    Accounts accounts;

    @Autowired
    ApplicationContext context;

    @Test
    void outsideTheLocalProfileNoDemoAccountIsCreated() {
        assertThat(context.getBeansOfType(DemoAccounts.class)).isEmpty();
    }

    @Test
    void theStaffIsAnAdminWithAGeneratedPasswordLoggedOnceAndTheShopperUsesTheConfiguredOne(CapturedOutput output)
            throws Exception {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        var staff = new DemoProperties.Account("admin." + unique + "@shop.local", "관리자", Shopper.randomPhone(), null);
        var shopper = new DemoProperties.Account("shopper." + unique + "@shop.local", "김민수", Shopper.randomPhone(),
                "Shopper-Demo-" + unique);
        DemoAccounts demo = new DemoAccounts(accounts, new DemoProperties(true, staff, shopper));

        demo.run(null);
        Matcher generated = GENERATED.matcher(output.getOut());
        assertThat(generated.find()).isTrue();
        String staffPassword = generated.group(1);
        assertThat(output.getOut()).doesNotContain(shopper.password());

        Browser admin = browser();
        admin.login(staff.email(), staffPassword).assertOk(200);
        assertThat(admin.get("/api/users/me").data().get("role").asString()).isEqualTo("ADMIN");
        admin.get("/api/admin/users").assertOk(200);
        Browser buyer = browser();
        buyer.login(shopper.email(), shopper.password()).assertOk(200);
        assertThat(buyer.get("/api/users/me").data().get("role").asString()).isEqualTo("USER");

        demo.run(null);
        assertThat(GENERATED.matcher(output.getOut()).results().count()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM users WHERE email_normalized LIKE ?", Integer.class,
                "%." + unique + "@shop.local")).isEqualTo(2);
    }
}

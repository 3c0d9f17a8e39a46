package com.shopfleet.shop.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * The README's WebCrypto snippet, run as written in Node's WebCrypto (the browsers' API): the JWE it
 * builds logs in. This is what proves the front-end instructions, not only the Java test client.
 */
class WebCryptoSnippetIntegrationTests extends AuthIntegrationTest {

    private static final Pattern SNIPPET = Pattern.compile("<!-- webcrypto:begin -->\\s*```js\\n(.*?)```\\s*<!-- webcrypto:end -->",
            Pattern.DOTALL);

    @Test
    void theReadmeSnippetLogsInWithA64CharacterPassword() throws Exception {
        Assumptions.assumeTrue(nodeAvailable(), "Node.js (node) is needed to run the README's WebCrypto snippet");
        Shopper shopper = Shopper.any().withPassword("Wc-" + "한글".repeat(20) + "x9".repeat(10) + "!");
        Browser browser = browser();
        browser.signup(shopper).assertOk(201);
        JsonNode key = browser.publicKey();

        String credentials = runSnippet(key, shopper.email(), shopper.password());

        assertThat(credentials.split("\\.")).hasSize(5);
        browser.post("/api/auth/login", Map.of("credentials", credentials, "rememberMe", false)).assertOk(200);
        browser.get("/api/users/me").assertOk(200);
    }

    private static String runSnippet(JsonNode key, String email, String password) throws Exception {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        Matcher matcher = SNIPPET.matcher(readme);
        assertThat(matcher.find()).as("the README's webcrypto snippet").isTrue();
        String script = matcher.group(1) + "\nencryptCredentials(JSON.parse(process.argv[2]), process.argv[3], process.argv[4])"
                + ".then((jwe) => process.stdout.write(jwe), (error) => { console.error(error); process.exit(1); });\n";
        Path file = Files.createTempFile("webcrypto-snippet", ".js");
        try {
            Files.writeString(file, script, StandardCharsets.UTF_8);
            Process node = new ProcessBuilder("node", file.toString(), Browser.JSON.writeValueAsString(key), email, password)
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(node.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(node.exitValue()).as("node exit code").isZero();
            return output.trim();
        }
        finally {
            Files.deleteIfExists(file);
        }
    }

    private static boolean nodeAvailable() {
        try {
            Process probe = new ProcessBuilder("node", "--version").start();
            return probe.waitFor(20, TimeUnit.SECONDS) && probe.exitValue() == 0;
        }
        catch (IOException | InterruptedException ex) {
            return false;
        }
    }
}

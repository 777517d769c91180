package id.desaflow.identity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-ins and failures: the logs name account ids, never a NIK or a phone number (code requests:
 * {@link OneTimeCodeTest}, which owns the code-request quota of the shared context).
 */
@IdentityServiceTest
@ExtendWith(OutputCaptureExtension.class)
class NoPersonalDataInLogsTest {
    private static final String SUPARNO = "3309010210740043";
    private static final String SRI = "3309016108790002";

    @LocalServerPort
    int port;

    @Test
    void residentsNikAndPhoneNeverReachTheLog(CapturedOutput output) throws Exception {
        new Browser(port).tokensFor("/login/warga", SUPARNO, "135790");
        new Browser(port).signIn("/login/warga", SUPARNO, "999999");
        new Browser(port).signIn("/login/warga", "3309017001950001", "123456");
        new Browser(port).tokensFor("/login/warga", SRI, "246810");
        assertThat(output.getAll()).contains("signed in account=demo-warga-suparno",
                "sign-in failed account=demo-warga-suparno", "signed in account=demo-warga-sri")
                .doesNotContain(SUPARNO, SRI, "3309017001950001", "081234567890");
    }
}

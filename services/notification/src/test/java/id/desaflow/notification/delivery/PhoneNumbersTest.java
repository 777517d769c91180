package id.desaflow.notification.delivery;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneNumbersTest {
    @Test
    void indonesianNumbersAsResidentsWriteThemBecomeE164() {
        assertThat(PhoneNumbers.e164("081234567890")).contains("+6281234567890");
        assertThat(PhoneNumbers.e164("0812-3456-7890")).contains("+6281234567890");
        assertThat(PhoneNumbers.e164("62 812 3456 7890")).contains("+6281234567890");
        assertThat(PhoneNumbers.e164("+62 (812) 3456.7890")).contains("+6281234567890");
        assertThat(PhoneNumbers.e164("81234567890")).contains("+6281234567890");
        assertThat(PhoneNumbers.e164("0060123456789")).contains("+60123456789");
    }

    @Test
    void whatCannotBeANumberIsRefused() {
        assertThat(PhoneNumbers.e164("12")).isEmpty();
        assertThat(PhoneNumbers.e164("0812-ABC")).isEmpty();
        assertThat(PhoneNumbers.e164("+62812345678901234")).isEmpty();
        assertThat(PhoneNumbers.e164(null)).isEmpty();
    }
}

package id.desaflow.notification.preference;

import id.desaflow.notification.delivery.Channel;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static id.desaflow.notification.delivery.Channel.EMAIL;
import static id.desaflow.notification.delivery.Channel.IN_APP;
import static id.desaflow.notification.delivery.Channel.SMS;
import static id.desaflow.notification.delivery.Channel.WHATSAPP;
import static org.assertj.core.api.Assertions.assertThat;

class ChannelPlanTest {
    static final Set<Channel> ALL = EnumSet.allOf(Channel.class);

    @Test
    void byDefaultEachAddressIsUsedOnceEmailByEmailThePhoneByWhatsAppAndThePortalToo() {
        Preference defaults = Preference.defaults("warga-1");
        assertThat(new ChannelPlan(defaults, ALL, "sri@example.id", "0812").primary())
                .containsExactly(EMAIL, WHATSAPP, IN_APP);
        assertThat(new ChannelPlan(defaults, ALL, null, "0812").primary()).containsExactly(WHATSAPP, IN_APP);
        assertThat(new ChannelPlan(defaults, ALL, "sri@example.id", null).primary()).containsExactly(EMAIL, IN_APP);
        assertThat(new ChannelPlan(defaults, ALL, null, null).primary()).containsExactly(IN_APP);
        assertThat(new ChannelPlan(defaults, EnumSet.of(EMAIL, SMS, IN_APP), null, "0812").primary())
                .as("no WhatsApp provider configured").containsExactly(SMS, IN_APP);
    }

    @Test
    void theFallbackIsTheNextReachableChannelInThePersonsOrderNotYetUsed() {
        ChannelPlan plan = new ChannelPlan(Preference.defaults("warga-1"), ALL, null, "0812");
        assertThat(plan.fallback(List.of(WHATSAPP, IN_APP))).contains(SMS);
        assertThat(plan.fallback(List.of(WHATSAPP, SMS, IN_APP))).isEmpty();

        ChannelPlan chosen = new ChannelPlan(chose(List.of(SMS, WHATSAPP), false), ALL, "sri@example.id", "0812");
        assertThat(chosen.primary()).as("e-mail was not chosen").containsExactly(SMS);
        assertThat(chosen.fallback(List.of(SMS))).contains(WHATSAPP);
        assertThat(chosen.fallback(List.of(SMS, WHATSAPP))).as("never a channel the person did not choose")
                .isEmpty();
    }

    @Test
    void optedOutLeavesOnlyThePortalInbox() {
        ChannelPlan plan = new ChannelPlan(chose(List.of(EMAIL, WHATSAPP, IN_APP), true), ALL, "sri@example.id",
                "0812");
        assertThat(plan.primary()).containsExactly(IN_APP);
        assertThat(plan.fallback(List.of(IN_APP))).isEmpty();
    }

    private static Preference chose(List<Channel> channels, boolean optedOut) {
        Preference p = Preference.defaults("warga-1");
        ReflectionTestUtils.setField(p, "channels", channels);
        ReflectionTestUtils.setField(p, "optedOut", optedOut);
        return p;
    }
}

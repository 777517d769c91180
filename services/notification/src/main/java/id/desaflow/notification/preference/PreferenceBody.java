package id.desaflow.notification.preference;

import id.desaflow.notification.delivery.Channel;

import java.util.List;

/** A person's choice: channels in order of preference, opt-out, language (id/en), daily digest (officials). */
record PreferenceBody(List<Channel> channels, Boolean optedOut, String language, Boolean digest) {
}

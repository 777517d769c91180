package id.desaflow.notification.delivery;

/** How a message reaches a person. E-mail, SMS and WhatsApp leave the system; in-app waits in the portal's inbox. */
public enum Channel {
    EMAIL, SMS, WHATSAPP, IN_APP;

    /** Leaves the system: costs money or reputation, can fail, and is what an unsubscribe stops. */
    public boolean external() {
        return this != IN_APP;
    }

    /** Addressed to the person's phone number. */
    public boolean usesPhone() {
        return this == SMS || this == WHATSAPP;
    }
}

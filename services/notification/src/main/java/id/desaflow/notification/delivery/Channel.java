package id.desaflow.notification.delivery;

/** How a message reaches the resident; only e-mail for now, SMS and WhatsApp gateways come later. */
public enum Channel {
    EMAIL
}

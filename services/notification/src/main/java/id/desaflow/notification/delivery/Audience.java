package id.desaflow.notification.delivery;

/**
 * Whom a message is for. Only residents' messages are part of a request's public timeline, so only their outcomes
 * are published; officials' messages and accounts' (sign-in codes, about no request) stay in the log.
 */
public enum Audience {
    RESIDENT, OFFICIAL, ACCOUNT
}

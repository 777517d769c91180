package id.desaflow.platform.web;

/** A request body over the service's limit; answered 413 problem+json before anything is parsed or stored. */
public class PayloadTooLargeException extends RuntimeException {
    public PayloadTooLargeException(long limit) {
        super("Ukuran data melebihi batas " + (limit / 1024) + " KB");
    }
}

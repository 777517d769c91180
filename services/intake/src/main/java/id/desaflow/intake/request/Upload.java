package id.desaflow.intake.request;

/** One file part of a multipart submission or revision, as received: its part name is the attachment kind. */
record Upload(String part, String declaredType, byte[] bytes) {
}

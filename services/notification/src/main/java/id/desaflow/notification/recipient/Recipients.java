package id.desaflow.notification.recipient;

import org.springframework.data.mongodb.repository.MongoRepository;

/** Contacts per request, keyed by request id. */
interface Recipients extends MongoRepository<Recipient, String> {
}

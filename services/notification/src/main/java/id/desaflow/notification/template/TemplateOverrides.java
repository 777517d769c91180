package id.desaflow.notification.template;

import org.springframework.data.mongodb.repository.MongoRepository;

/** Administrators' wordings, keyed {@code <message type>|<channel>|<language>}. */
interface TemplateOverrides extends MongoRepository<TemplateOverride, String> {
}

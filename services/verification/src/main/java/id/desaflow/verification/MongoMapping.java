package id.desaflow.verification;

import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;

/**
 * Letter data is a free map of field names to values; keep its keys as sent (MongoDB 5+ stores dotted field names)
 * instead of Spring Data refusing a key like {@code usaha.jenis}, which would dead-letter a valid request.
 */
@Configuration(proxyBeanMethods = false)
class MongoMapping {
    MongoMapping(MappingMongoConverter converter) {
        converter.preserveMapKeys(true);
    }
}

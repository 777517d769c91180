package id.desaflow.verification.registry;

import org.springframework.data.mongodb.repository.MongoRepository;

/** Import reports by id (collection {@code registry_imports}). */
interface RegistryImports extends MongoRepository<RegistryImport, String> {
}

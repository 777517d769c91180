package id.desaflow.portal.backend;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;

/** Base URLs of the services behind the portal; the gateway routes and the pages' REST clients share them. */
@ConfigurationProperties("desaflow.services")
/** @param identity the sign-in service: its account administration API (officials, residents' PINs) */
public record ServiceEndpoints(URI intake, URI verification, URI approval, URI notification, URI identity) {
}

package id.desaflow.notification;

import id.desaflow.platform.security.Actor;
import id.desaflow.platform.security.Actors;
import org.springframework.stereotype.Component;

/**
 * Who acts, only as the platform's {@link Actors} says (a signed token; in open mode the X-DesaFlow-User/-Groups
 * headers), never from a request body. Also the one rule for the key a person's inbox and preferences are kept
 * under: an official's user id, a resident's key derived from the NIK in the token (the NIK itself is never stored
 * and never in a URL).
 */
@Component
public class CurrentActor {
    private final Pseudonyms pseudonyms;

    CurrentActor(Pseudonyms pseudonyms) {
        this.pseudonyms = pseudonyms;
    }

    /** The signed-in actor, or 401. */
    public Actor required() {
        return Actors.required();
    }

    /** For audit fields: the account id (never a NIK). */
    public String name() {
        return Actors.current().map(Actor::userId).orElse("anonim");
    }

    /** The signed-in person's own inbox / preferences key, or 401. */
    public String ownKey() {
        Actor actor = required();
        return actor.isResident() && actor.nik() != null ? pseudonyms.residentKey(actor.nik()) : actor.userId();
    }
}

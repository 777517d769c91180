package id.desaflow.notification.preference;

import id.desaflow.notification.Pseudonyms;
import id.desaflow.notification.PublicLinks;
import id.desaflow.notification.delivery.Channel;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** People's notification preferences and their unsubscribe links. One document per person, changed in one write. */
@Service
public class PreferenceBook {
    static final String UNSUBSCRIBE = "unsubscribe";

    private final MongoTemplate mongo;
    private final Pseudonyms pseudonyms;
    private final Clock clock;
    private final String unsubscribeBase;

    PreferenceBook(MongoTemplate mongo, Pseudonyms pseudonyms, Clock clock, PublicLinks links) {
        this.mongo = mongo;
        this.pseudonyms = pseudonyms;
        this.clock = clock;
        this.unsubscribeBase = links.to("/api/v1/unsubscribe/");
    }

    public Preference of(String recipientKey) {
        return Optional.ofNullable(mongo.findById(recipientKey, Preference.class))
                .orElseGet(() -> Preference.defaults(recipientKey));
    }

    /** Officials who chose the daily digest. */
    public List<Preference> digestSubscribers() {
        return mongo.find(Query.query(Criteria.where("digest").is(true)), Preference.class);
    }

    Preference save(String recipientKey, List<Channel> channels, boolean optedOut, String language, boolean digest,
            String actor) {
        var now = clock.instant();
        Update update = new Update().set("channels", channels).set("optedOut", optedOut).set("language", language)
                .set("digest", digest).set("optedOutAt", optedOut ? now : null).set("updatedAt", now)
                .set("updatedBy", actor);
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(recipientKey)), update,
                FindAndModifyOptions.options().upsert(true).returnNew(true), Preference.class);
    }

    /** The link in every message: works without sign-in, only for this person. */
    public String unsubscribeUrl(String recipientKey) {
        return unsubscribeBase + token(recipientKey);
    }

    String token(String recipientKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(recipientKey.getBytes(StandardCharsets.UTF_8))
                + "." + pseudonyms.sign(UNSUBSCRIBE, recipientKey);
    }

    /** @return the person the token is for, now opted out; empty for a token that is not ours */
    Optional<String> unsubscribe(String token) {
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String recipientKey;
        try {
            recipientKey = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!pseudonyms.verify(UNSUBSCRIBE, recipientKey, token.substring(dot + 1))) {
            return Optional.empty();
        }
        var now = clock.instant();
        mongo.upsert(Query.query(Criteria.where("_id").is(recipientKey)),
                new Update().set("optedOut", true).set("optedOutAt", now).set("updatedAt", now)
                        .set("updatedBy", "tautan-berhenti"), Preference.class);
        return Optional.of(recipientKey);
    }
}

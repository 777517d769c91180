package id.desaflow.approval.inbox;

import id.desaflow.platform.security.Actor;
import id.desaflow.platform.security.Actors;
import id.desaflow.platform.web.InvalidInputException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.Set;

/**
 * Who works the inbox, and which candidate groups they may work: from the signed token when tokens are checked
 * (an official's {@link Actor#candidateGroups()}; residents and officials without a village role are refused), in
 * open mode from the headers the platform turns into an actor — and, for tools written before the groups header,
 * the {@code group} query parameter.
 */
@Component
class CurrentActor {
    static final String HEADER = "X-DesaFlow-User";
    private static final int MAX_LENGTH = 120;

    OfficialGroups official(String legacyGroup) {
        Optional<Actor> actor = Actors.current();
        if (actor.isPresent() && actor.get().isResident()) {
            throw new AccessDeniedException("Kotak tugas hanya untuk perangkat desa");
        }
        if (Actors.bearerToken().isPresent()) {
            Set<String> groups = actor.orElseThrow().candidateGroups();
            if (groups.isEmpty()) {
                throw new AccessDeniedException("Tidak ada peran desa yang mengerjakan tugas persetujuan");
            }
            return new OfficialGroups(actor.get().userId(), groups, true);
        }
        String user = actor.map(Actor::userId).orElse("demo");
        if (user.length() > MAX_LENGTH) {
            throw new InvalidInputException(HEADER, "Nama pengguna paling banyak " + MAX_LENGTH + " karakter");
        }
        Set<String> groups = actor.map(Actor::candidateGroups).orElse(Set.of());
        if (!groups.isEmpty()) {
            return new OfficialGroups(user, groups, true);
        }
        if (legacyGroup != null) {
            if (!Inbox.GROUP.matcher(legacyGroup).matches()) {
                throw groupRequired();
            }
            return new OfficialGroups(user, Set.of(legacyGroup), true);
        }
        return new OfficialGroups(user, Set.of(), false);
    }

    static InvalidInputException groupRequired() {
        return new InvalidInputException("group",
                "Grup wajib diisi dengan format desa:<kode desa 10 angka>:<peran>, mis. desa:3309012004:sekdes");
    }
}

package id.desaflow.approval.inbox;

import java.util.Collection;
import java.util.Set;

/**
 * An official and the candidate groups they work. {@code restricted} is false only in open mode when the caller
 * named no group at all (local tools): then single tasks are not checked against groups.
 */
record OfficialGroups(String userId, Set<String> groups, boolean restricted) {

    OfficialGroups {
        groups = Set.copyOf(groups);
    }

    boolean mayWork(Collection<String> candidateGroups) {
        return !restricted || candidateGroups.stream().anyMatch(groups::contains);
    }
}

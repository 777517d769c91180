package id.desaflow.verification.registry;

import java.util.List;

/** A Kartu Keluarga with its members (from their own entries), for the village administrator. */
record FamilyView(String kkNumber, String villageCode, String dusun, String rt, String rw, String address,
        String headNik, String headName, List<ResidentSummary> members) {
}

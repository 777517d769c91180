package id.desaflow.platform.security;

import id.desaflow.platform.test.security.TestActors;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static id.desaflow.platform.test.security.TestActors.VILLAGE_X;
import static id.desaflow.platform.test.security.TestActors.VILLAGE_Y;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ActorTest {

    @Test
    void candidateGroupsFollowTheApprovalNaming() {
        Actor sekdesAndKasi = Actor.official("u1", "Budi", VILLAGE_X, Set.of(Roles.SEKDES, Roles.KASI_PELAYANAN),
                null);
        assertThat(sekdesAndKasi.candidateGroups()).containsExactly("desa:3309012004:kasi-pelayanan",
                "desa:3309012004:sekdes");
        assertThat(TestActors.kadus(VILLAGE_X, "  Bandung   Kidul ").candidateGroups())
                .containsExactly("desa:3309012004:kadus", "desa:3309012004:kadus:bandung-kidul");
        assertThat(TestActors.residentA().candidateGroups()).isEmpty();
        assertThat(TestActors.adminKecamatan().candidateGroups()).isEmpty();
    }

    @Test
    void villageScopes() {
        Actor kadesX = TestActors.official(VILLAGE_X, Roles.KADES);
        assertThat(kadesX.worksIn(VILLAGE_X)).isTrue();
        assertThat(kadesX.worksIn(VILLAGE_Y)).isFalse();
        assertThat(kadesX.administers(VILLAGE_X)).isFalse();
        assertThat(TestActors.adminDesa(VILLAGE_X).administers(VILLAGE_X)).isTrue();
        assertThat(TestActors.adminDesa(VILLAGE_X).administers(VILLAGE_Y)).isFalse();
        assertThat(TestActors.adminKecamatan().administers(VILLAGE_Y)).isTrue();
        assertThat(TestActors.adminKecamatan().administers("3309022001")).isFalse();
        assertThat(TestActors.adminKecamatan().worksIn(VILLAGE_X)).isFalse();
        assertThat(TestActors.residentA().worksIn(VILLAGE_X)).as("a resident is not an official").isFalse();
        assertThat(TestActors.residentA().administers(null)).isFalse();
    }

    @Test
    void residentOwnsOnlyTheirNik() {
        assertThat(TestActors.residentA().isResident()).isTrue();
        assertThat(TestActors.residentA().isApplicant(TestActors.RESIDENT_A_NIK)).isTrue();
        assertThat(TestActors.residentA().isApplicant(TestActors.RESIDENT_B_NIK)).isFalse();
        assertThat(TestActors.residentA().isApplicant(null)).isFalse();
        assertThat(TestActors.official(VILLAGE_X, Roles.OPERATOR).isApplicant(null)).isFalse();
    }

    @Test
    void toStringNeverShowsTheFullNik() {
        assertThat(TestActors.residentA().toString()).doesNotContain(TestActors.RESIDENT_A_NIK)
                .contains("3309**********02");
    }

    @Test
    void claimsRoundTrip() {
        for (Actor actor : List.of(TestActors.residentA(), TestActors.kadus(VILLAGE_Y, "Bulu"),
                TestActors.adminKecamatan(), TestActors.official(VILLAGE_X, Roles.KASI_PEMERINTAHAN))) {
            assertThat(ActorClaims.read(actor.claims())).isEqualTo(actor);
        }
    }

    @Test
    void unknownRolesGrantNothing() {
        Map<String, Object> claims = Map.of("sub", "u", "village", VILLAGE_X, "roles", List.of("kades", "bupati"));
        assertThat(ActorClaims.read(claims).roles()).containsExactly("kades");
    }

    @Test
    void malformedClaimsAreRefused() {
        assertThatThrownBy(() -> ActorClaims.read(Map.of("sub", "u", "village", "3309-12004",
                "roles", List.of("kades")))).hasMessageContaining("village");
        assertThatThrownBy(() -> ActorClaims.read(Map.of("sub", "u", "roles", List.of("sekdes"))))
                .hasMessageContaining("needs village");
        assertThatThrownBy(() -> ActorClaims.read(Map.of("sub", "u", "roles", List.of(1))))
                .hasMessageContaining("non-string");
    }
}

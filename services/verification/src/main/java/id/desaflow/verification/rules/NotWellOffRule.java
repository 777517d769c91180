package id.desaflow.verification.rules;

import id.desaflow.verification.registry.Welfare;
import org.springframework.stereotype.Component;

/**
 * tidak-tercatat-mampu (SKTM): the applicant's family is not flagged as well-off in the village's welfare data.
 * Welfare data go stale (a job is lost, a breadwinner dies), so the rules file makes a flag a manual check by an
 * official who knows the family, not a refusal; an unknown welfare level passes.
 */
@Component
class NotWellOffRule implements VerificationRule {

    @Override
    public String code() {
        return "tidak-tercatat-mampu";
    }

    @Override
    public Check check(Facts facts, RuleEntry entry) {
        return facts.registered().welfare() == Welfare.MAMPU
                ? Check.fail("Keluarga pemohon tercatat mampu pada data kesejahteraan desa; petugas desa akan "
                        + "memeriksa keadaan keluarga saat ini.")
                : Check.pass("Keluarga pemohon tidak tercatat mampu.");
    }
}

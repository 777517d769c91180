package id.desaflow.verification.rules;

import id.desaflow.verification.registry.Resident;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * rt-rw-sesuai (parameters rtField, rwField): the RT/RW the applicant wrote (e.g. on a domicile letter) are the
 * registry's. A difference may be a move within the village the registry has not caught up with, so the rules file
 * makes it a manual check; the message does not reveal the registered RT/RW.
 */
@Component
class RtRwRule implements VerificationRule {

    @Override
    public String code() {
        return "rt-rw-sesuai";
    }

    @Override
    public boolean readsSubmission() {
        return true;
    }

    @Override
    public void validate(RuleEntry entry, Optional<LetterTypes.LetterType> letterType) {
        for (String parameter : new String[] {"rtField", "rwField"}) {
            String field = entry.requiredText(parameter);
            letterType.filter(type -> !type.fieldLabels().containsKey(field)).ifPresent(type -> {
                throw new IllegalStateException("rt-rw-sesuai: " + field + " is not a field of " + type.code());
            });
        }
    }

    @Override
    public Check check(Facts facts, RuleEntry entry) {
        Resident resident = facts.registered();
        Optional<Integer> rt = number(facts.submission().data().get(entry.requiredText("rtField")));
        Optional<Integer> rw = number(facts.submission().data().get(entry.requiredText("rwField")));
        Optional<Integer> registeredRt = number(resident.rt());
        Optional<Integer> registeredRw = number(resident.rw());
        if (rt.isEmpty() || rw.isEmpty() || registeredRt.isEmpty() || registeredRw.isEmpty()) {
            return Check.inconclusive("RT/RW tidak dapat dibandingkan dengan data kependudukan; petugas desa akan "
                    + "memeriksanya.");
        }
        return rt.equals(registeredRt) && rw.equals(registeredRw)
                ? Check.pass("RT/RW sesuai dengan data kependudukan.")
                : Check.fail("RT %03d/RW %03d yang diisi berbeda dengan data kependudukan; petugas desa akan memeriksa "
                        .formatted(rt.get(), rw.get()) + "alamat terkini pemohon.");
    }

    private static Optional<Integer> number(String value) {
        if (value == null || !value.strip().matches("[0-9]{1,3}")) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(value.strip()));
    }
}

package id.desaflow.verification.registry;

/** Jenis kelamin as the KTP writes it: L (laki-laki), P (perempuan). */
public enum Sex {
    L, P
}

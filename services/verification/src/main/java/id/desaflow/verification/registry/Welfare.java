package id.desaflow.verification.registry;

/**
 * The family's welfare level as the village records it: from the DTKS flag (registered in the social-welfare data
 * = TIDAK_MAMPU) or the BKKBN family-welfare stage (Pra Sejahtera and Sejahtera I = TIDAK_MAMPU, II = MENENGAH,
 * III and III Plus = MAMPU). Only MAMPU counts as "flagged well-off".
 */
public enum Welfare {
    TIDAK_MAMPU, MENENGAH, MAMPU
}

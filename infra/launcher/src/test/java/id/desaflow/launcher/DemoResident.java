package id.desaflow.launcher;

/** A living adult resident of Desa Beji from the verification service's demo registry (README walk-through). */
final class DemoResident {
    static final String NIK = "3309016108790002";
    static final String NAME = "Sri Wahyuni";
    /** Her PIN at the identity service (demo seed). */
    static final String PIN = "246810";

    private DemoResident() {
    }
}

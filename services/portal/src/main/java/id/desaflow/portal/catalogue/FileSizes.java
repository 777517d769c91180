package id.desaflow.portal.catalogue;

/** File sizes as people read them: "2 MB", "350 KB". */
public final class FileSizes {
    private FileSizes() {
    }

    public static String text(long bytes) {
        if (bytes >= 1024 * 1024) {
            double mb = bytes / (1024.0 * 1024.0);
            return (mb == Math.rint(mb) ? String.valueOf((long) mb) : String.format(java.util.Locale.ROOT, "%.1f", mb))
                    + " MB";
        }
        return Math.max(1, (bytes + 1023) / 1024) + " KB";
    }
}

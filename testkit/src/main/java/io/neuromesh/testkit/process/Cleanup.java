package io.neuromesh.testkit.process;

/** The end of a test: what it started is closed, each whatever the others do. */
public final class Cleanup {

    private Cleanup() {
    }

    /**
     * Closes each of {@code closeables} in order, skipping nulls (a test that failed before starting it). A failure
     * is printed and does not stop the others from closing: a test's last broker must not outlive it because a
     * client before it failed to close.
     */
    public static void closeAll(AutoCloseable... closeables) {
        for (AutoCloseable closeable : closeables) {
            if (closeable == null) {
                continue;
            }
            try {
                closeable.close();
            } catch (Exception e) {
                System.err.println("closing " + closeable + ": " + e);
            }
        }
    }
}

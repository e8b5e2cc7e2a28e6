package io.neuromesh.testkit.process;

/** The end of a test: what it started is closed, each whatever the others do. */
public final class Cleanup {

    private Cleanup() {
    }

    /**
     * Closes each of {@code closeables} in order, skipping nulls (a test that failed before starting it). Closing
     * is best effort: a failure is printed, does not stop the others from closing (a test's last broker must not
     * outlive it because a client before it failed to close) and does not hide the test's own result.
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

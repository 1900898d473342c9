package co.elastic.clients.testing;

/** Stands in for the Elasticsearch client's exceptions (which carry an HTTP status) in Transience's test. */
public final class StatusException extends RuntimeException {
    private final int status;

    public StatusException(int status) {
        super("status " + status);
        this.status = status;
    }

    public int status() {
        return status;
    }
}

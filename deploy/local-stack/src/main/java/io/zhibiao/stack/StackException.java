package io.zhibiao.stack;

/** Something about the local stack went wrong, with a message a person can act on. */
public class StackException extends RuntimeException {
    public StackException(String message) {
        super(message);
    }

    public StackException(String message, Throwable cause) {
        super(message, cause);
    }
}

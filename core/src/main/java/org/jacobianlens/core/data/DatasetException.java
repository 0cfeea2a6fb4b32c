package org.jacobianlens.core.data;

/**
 * Input data could not be read or is malformed. The message always names the file, the position
 * (byte offset, record, line/column) and what was expected, so it can be shown to users as is.
 */
public class DatasetException extends Exception {
    public DatasetException(String message) {
        super(message);
    }

    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.vpmon.drift.image;

/** A file that looks like an image but cannot be decoded: the message says why, for people. */
public final class ImageDecodeException extends Exception {
    public ImageDecodeException(String message) {
        super(message);
    }
}

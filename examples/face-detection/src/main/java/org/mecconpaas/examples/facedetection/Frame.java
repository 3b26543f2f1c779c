package org.mecconpaas.examples.facedetection;

/**
 * One frame as it travels from the reader to the detectors: still encoded (JPEG or PNG), so that
 * decoding happens in parallel on the task managers.
 *
 * @param index position in the video or the directory's name order, from 0
 * @param image the encoded image
 */
public record Frame(int index, byte[] image) {}

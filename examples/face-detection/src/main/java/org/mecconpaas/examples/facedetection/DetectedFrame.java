package org.mecconpaas.examples.facedetection;

/**
 * The result for one frame.
 *
 * @param count the frame's face count
 * @param annotated the frame as JPEG with a rectangle around each face
 */
public record DetectedFrame(FaceCount count, byte[] annotated) {}

/**
 * The face-detection Flink job of the MEC-ConPaaS evaluation. {@link
 * org.mecconpaas.examples.facedetection.FaceDetectionJob} wires it: one task reads the frames of an
 * MJPEG AVI or an image directory as encoded JPEG/PNG bytes ({@link
 * org.mecconpaas.examples.facedetection.FrameSource}), parallel tasks decode them and count faces
 * with an OpenCV Haar cascade ({@link org.mecconpaas.examples.facedetection.FaceDetector}), and two
 * sinks write the per-frame counts as CSV and the annotated frames as JPEG files. Flink and OpenCV
 * are provided by the cluster's classpath.
 */
package org.mecconpaas.examples.facedetection;

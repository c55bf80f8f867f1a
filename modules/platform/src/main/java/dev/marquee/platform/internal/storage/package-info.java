/** The S3 implementation of the object storage port (aws-sdk-java-v2, any S3-compatible store). */
package dev.marquee.platform.internal.storage;

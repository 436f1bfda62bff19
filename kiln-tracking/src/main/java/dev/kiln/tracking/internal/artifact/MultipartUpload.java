package dev.kiln.tracking.internal.artifact;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/** One multipart upload: parts streamed in order, completed atomically, aborted on failure. */
final class MultipartUpload {
  private final S3Client s3;
  private final String bucket;
  private final String key;

  MultipartUpload(S3Client s3, String bucket, String key) {
    this.s3 = s3;
    this.bucket = bucket;
    this.key = key;
  }

  /** Uploads {@code first} then the rest of {@code rest} in parts of {@code partSize} bytes. */
  void upload(byte[] first, InputStream rest, int partSize) throws IOException {
    String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
    try {
      List<CompletedPart> parts = new ArrayList<>();
      byte[] chunk = first;
      while (chunk.length > 0) {
        int number = parts.size() + 1;
        byte[] body = chunk;
        String etag = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId)
            .partNumber(number), RequestBody.fromBytes(body)).eTag();
        parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
        chunk = rest.readNBytes(partSize);
      }
      s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
          .multipartUpload(m -> m.parts(parts)));
    } catch (IOException | RuntimeException e) {
      s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
      throw e;
    }
  }
}

package dev.marquee.transcode.internal.cmaf;

import java.util.ArrayList;
import java.util.List;

/**
 * Encrypts the samples of one rendition: H.264 with subsample encryption (clear NAL headers and
 * slice headers), AAC whole-sample. Not thread-safe: one per segment being written.
 */
final class SampleEncryptor {
  /** A sample's encrypted bytes and what the senc box says about it. */
  record EncryptedSample(byte[] data, byte[] iv, List<Subsample> subsamples) {}

  /** The samples of one fragment, encrypted; {@code subsampleMaps} is senc's flag 0x2. */
  record EncryptedFragment(List<EncryptedSample> samples, boolean subsampleMaps) {}

  private static final byte[] NO_IV = new byte[0];

  private final Protection protection;
  private final AvcSubsampleMapper subsampleMapper;
  private final CencEncryptor cenc;
  private final CbcsEncryptor cbcs;

  SampleEncryptor(TrackFormat format, Protection protection) {
    this.protection = protection;
    boolean video = format instanceof TrackFormat.Video;
    boolean isCenc = protection.scheme() == Protection.Scheme.CENC;
    this.subsampleMapper =
        format instanceof TrackFormat.Video v ? new AvcSubsampleMapper(v.avc(), isCenc) : null;
    this.cenc = isCenc ? new CencEncryptor(protection.key()) : null;
    this.cbcs =
        isCenc
            ? null
            : new CbcsEncryptor(
                protection.key(),
                protection.constantIv(),
                protection.cryptByteBlock(video),
                protection.skipByteBlock(video));
  }

  /**
   * Encrypts the samples of the media segment {@code sequenceNumber}. Video samples get subsample
   * maps; audio samples are encrypted whole. 'cenc' samples carry 8-byte IVs, 'cbcs' ones none (the
   * constant IV is in tenc).
   */
  EncryptedFragment encrypt(int sequenceNumber, List<CmafSample> samples) {
    List<EncryptedSample> encrypted = new ArrayList<>(samples.size());
    for (int i = 0; i < samples.size(); i++) {
      encrypted.add(encrypt(sequenceNumber, i, samples.get(i).data()));
    }
    return new EncryptedFragment(encrypted, subsampleMapper != null);
  }

  private EncryptedSample encrypt(int sequenceNumber, int sampleIndex, byte[] sample) {
    List<Subsample> subsamples = subsampleMapper != null ? subsampleMapper.map(sample) : List.of();
    if (cenc != null) {
      byte[] iv = protection.sampleIv(sequenceNumber, sampleIndex);
      return new EncryptedSample(cenc.encrypt(sample, subsamples, iv), iv, subsamples);
    }
    return new EncryptedSample(cbcs.encrypt(sample, subsamples), NO_IV, subsamples);
  }
}

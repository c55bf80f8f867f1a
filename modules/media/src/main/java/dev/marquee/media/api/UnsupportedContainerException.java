package dev.marquee.media.api;

/**
 * The file is media, but in a container Marquee does not let FFmpeg open for this kind of input;
 * FFmpeg parsed nothing beyond the bytes it needed to recognise it.
 */
public class UnsupportedContainerException extends MediaProbeException {
  private static final long serialVersionUID = 1L;

  private final String container;
  private final AcceptedContainers accepted;

  public UnsupportedContainerException(String container, AcceptedContainers accepted) {
    super(
        Reason.UNSUPPORTED_CONTAINER,
        "The file is "
            + container
            + ", a container Marquee does not accept here; use "
            + accepted.description()
            + ".");
    this.container = container;
    this.accepted = accepted;
  }

  /** The container FFmpeg recognised (its demuxer's name). */
  public String container() {
    return container;
  }

  public AcceptedContainers accepted() {
    return accepted;
  }
}

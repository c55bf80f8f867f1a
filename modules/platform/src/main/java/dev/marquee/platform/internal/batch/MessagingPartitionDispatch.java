package dev.marquee.platform.internal.batch;

import dev.marquee.platform.api.PartitionDispatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads the partitions mode ({@code BATCH_PARTITIONS}: {@code local}, or a {@code jms} mode) and,
 * over messaging, tries a connection through the same factory Liberty's batch dispatcher uses, with
 * the credentials configured on it.
 */
@ApplicationScoped
public class MessagingPartitionDispatch implements PartitionDispatch {
  static final String FACTORY = "jms/marquee/batch";

  @Inject
  @ConfigProperty(name = "batch.partitions", defaultValue = "local")
  String partitions;

  @Override
  public boolean overMessaging() {
    return partitions.startsWith("jms");
  }

  @Override
  public boolean available() {
    if (!overMessaging()) {
      return true;
    }
    try {
      ConnectionFactory factory = (ConnectionFactory) new InitialContext().lookup(FACTORY);
      try (JMSContext context = factory.createContext()) {
        // Creating the context opened a connection to the messaging engine: it is there.
        return context != null;
      }
    } catch (NamingException | JMSRuntimeException e) {
      return false;
    }
  }
}

package dev.marquee.platform.internal.jpa;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.UUID;

/**
 * Maps {@link UUID} attributes to PostgreSQL {@code uuid} columns. EclipseLink 4.0's built-in UUID
 * conversion fails on NULL (nullable references such as a token family's device); this converter
 * hands the driver the UUID itself (pgjdbc binds it natively) and accepts what the driver returns.
 * List it in every persistence.xml.
 */
@Converter(autoApply = true)
public class UuidConverter implements AttributeConverter<UUID, Object> {
  @Override
  public Object convertToDatabaseColumn(UUID attribute) {
    return attribute;
  }

  @Override
  public UUID convertToEntityAttribute(Object column) {
    if (column == null || column instanceof UUID) {
      return (UUID) column;
    }
    return UUID.fromString(column.toString());
  }
}

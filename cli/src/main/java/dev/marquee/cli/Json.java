package dev.marquee.cli;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriterFactory;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Collection;
import java.util.Map;

/** JSON-P (Parsson) in one place: parse, build and print. */
public final class Json {
  private static final JsonProvider PROVIDER = JsonProvider.provider();
  private static final JsonWriterFactory PRETTY =
      PROVIDER.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));

  private Json() {}

  public static JsonObjectBuilder object() {
    return PROVIDER.createObjectBuilder();
  }

  public static JsonObjectBuilder object(JsonObject start) {
    return PROVIDER.createObjectBuilder(start);
  }

  public static JsonArrayBuilder array() {
    return PROVIDER.createArrayBuilder();
  }

  public static JsonArrayBuilder array(Collection<String> strings) {
    var array = PROVIDER.createArrayBuilder();
    strings.forEach(array::add);
    return array;
  }

  public static JsonValue parse(String text) {
    try (JsonReader reader = PROVIDER.createReader(new StringReader(text))) {
      return reader.readValue();
    }
  }

  public static JsonObject parseObject(String text) {
    JsonValue value = parse(text);
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new JsonException("expected a JSON object");
    }
    return value.asJsonObject();
  }

  public static JsonArray parseArray(String text) {
    JsonValue value = parse(text);
    if (value.getValueType() != JsonValue.ValueType.ARRAY) {
      throw new JsonException("expected a JSON array");
    }
    return value.asJsonArray();
  }

  /** The object, or null when the text is not a JSON object. */
  public static JsonObject parseObjectOrNull(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return parseObject(text);
    } catch (JsonException | IllegalStateException e) {
      return null;
    }
  }

  /** One line, for {@code --json} output read by scripts line by line. */
  public static String compact(JsonValue value) {
    return value.toString();
  }

  /** Indented, for files a person may open. */
  public static String pretty(JsonStructure value) {
    StringWriter out = new StringWriter();
    try (var writer = PRETTY.createWriter(out)) {
      writer.write(value);
    }
    return out.toString().strip() + "\n";
  }
}

package io.orderflow.fulfillment.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderflow.fulfillment.shared.InvalidRequestException.FieldProblem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The input fields of a Camunda form (form-js schema) and the server-side check of submitted values: required fields,
 * types, min/max, length and the allowed values of selects. Only the form's own fields may be submitted, so a task
 * completion cannot overwrite other process variables.
 */
public final class FormSchema {

  /** @param items for a dynamic list ({@code dynamiclist}, key = its {@code path}): the fields of each entry */
  record Field(String key, String type, String label, boolean required, BigDecimal min, BigDecimal max,
      Integer minLength, Integer maxLength, Set<String> allowedValues, java.util.regex.Pattern pattern,
      FormSchema items) {}

  private static final Set<String> DISPLAY_ONLY =
      Set.of("text", "html", "image", "button", "separator", "spacer", "iframe", "table", "documentPreview");

  private final Map<String, Field> fields;
  /** Keys shown but not editable (read-only fields); an entry of a dynamic list may carry them back unchanged. */
  private final Set<String> shownKeys;

  private FormSchema(Map<String, Field> fields, Set<String> shownKeys) {
    this.fields = fields;
    this.shownKeys = shownKeys;
  }

  public static FormSchema parse(JsonNode form) {
    return of(form.path("components"));
  }

  private static FormSchema of(JsonNode components) {
    Map<String, Field> fields = new LinkedHashMap<>();
    Set<String> shown = new TreeSet<>();
    collect(components, fields, shown);
    return new FormSchema(fields, shown);
  }

  public Collection<String> fieldKeys() {
    return fields.keySet();
  }

  public List<FieldProblem> validate(Map<String, Object> values) {
    List<FieldProblem> problems = new ArrayList<>();
    for (String key : values.keySet()) {
      if (!fields.containsKey(key)) {
        problems.add(new FieldProblem(key, "is not a field of this task's form (fields: " + String.join(", ", fields.keySet()) + ")"));
      }
    }
    for (Field field : fields.values()) {
      Object value = values.get(field.key());
      if (isEmpty(field, value)) {
        if (field.required()) {
          problems.add(new FieldProblem(field.key(), "is required (" + field.label() + ")"));
        }
        continue;
      }
      if ("dynamiclist".equals(field.type())) {
        problems.addAll(checkEntries(field, value));
        continue;
      }
      String problem = check(field, value);
      if (problem != null) {
        problems.add(new FieldProblem(field.key(), problem));
      }
    }
    return problems;
  }

  /** Each entry of a dynamic list is checked against the list's own fields; problems are named {@code key[i].field}. */
  private static List<FieldProblem> checkEntries(Field list, Object value) {
    if (!(value instanceof List<?> entries)) {
      return List.of(new FieldProblem(list.key(), "must be a list of entries"));
    }
    List<FieldProblem> problems = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      String prefix = list.key() + "[" + i + "]";
      if (!(entries.get(i) instanceof Map<?, ?> entry)) {
        problems.add(new FieldProblem(prefix, "must be an entry with the fields " + String.join(", ",
            list.items().fieldKeys())));
        continue;
      }
      Map<String, Object> editable = new LinkedHashMap<>();
      entry.forEach((k, v) -> {
        if (!list.items().shownKeys.contains(String.valueOf(k)) || list.items().fields.containsKey(String.valueOf(k))) {
          editable.put(String.valueOf(k), v);
        }
      });
      list.items().validate(editable).forEach(p -> problems.add(new FieldProblem(prefix + "." + p.field(),
          p.message())));
    }
    return problems;
  }

  private static boolean isEmpty(Field field, Object value) {
    if (value == null) {
      return true;
    }
    if (value instanceof String s) {
      return s.isBlank();
    }
    if (value instanceof Collection<?> c) {
      return c.isEmpty();
    }
    // A required checkbox means "must be ticked".
    return "checkbox".equals(field.type()) && Boolean.FALSE.equals(value);
  }

  private static String check(Field field, Object value) {
    switch (field.type()) {
      case "number" -> {
        BigDecimal number;
        try {
          number = value instanceof Number n ? new BigDecimal(n.toString()) : new BigDecimal(value.toString().trim());
        } catch (NumberFormatException e) {
          return "must be a number";
        }
        if (field.min() != null && number.compareTo(field.min()) < 0) {
          return "must be at least " + field.min().toPlainString();
        }
        if (field.max() != null && number.compareTo(field.max()) > 0) {
          return "must be at most " + field.max().toPlainString();
        }
      }
      case "checkbox" -> {
        if (!(value instanceof Boolean)) {
          return "must be true or false";
        }
      }
      case "select", "radio" -> {
        if (!field.allowedValues().isEmpty() && !field.allowedValues().contains(String.valueOf(value))) {
          return "must be one of " + field.allowedValues().stream().sorted().collect(Collectors.joining(", "));
        }
      }
      case "checklist", "taglist" -> {
        if (!(value instanceof Collection<?> c)) {
          return "must be a list";
        }
        if (!field.allowedValues().isEmpty()) {
          for (Object item : c) {
            if (!field.allowedValues().contains(String.valueOf(item))) {
              return "'" + item + "' is not one of " + String.join(", ", field.allowedValues());
            }
          }
        }
      }
      default -> {
        if (!(value instanceof String s)) {
          return "must be text";
        }
        if (field.minLength() != null && s.length() < field.minLength()) {
          return "must have at least " + field.minLength() + " characters";
        }
        if (field.maxLength() != null && s.length() > field.maxLength()) {
          return "must have at most " + field.maxLength() + " characters";
        }
        if (field.pattern() != null && !s.isEmpty() && !field.pattern().matcher(s).matches()) {
          return "must match " + field.pattern().pattern();
        }
      }
    }
    return null;
  }

  private static void collect(JsonNode components, Map<String, Field> into, Set<String> shown) {
    for (JsonNode c : components) {
      String type = c.path("type").asText();
      if ("dynamiclist".equals(type) && c.hasNonNull("path")) {
        String path = c.get("path").asText();
        into.put(path, new Field(path, type, c.path("label").asText(path), false, null, null, null, null, Set.of(),
            null, of(c.path("components"))));
        continue;
      }
      if (c.has("components")) {
        collect(c.path("components"), into, shown);
      }
      boolean notInput = DISPLAY_ONLY.contains(type) || !c.hasNonNull("key");
      if (notInput || c.path("disabled").asBoolean(false) || c.path("readonly").asBoolean(false)) {
        if (c.hasNonNull("key")) {
          shown.add(c.get("key").asText());
        }
        continue;
      }
      JsonNode validate = c.path("validate");
      Set<String> allowed = new TreeSet<>();
      c.path("values").forEach(v -> allowed.add(v.path("value").asText()));
      into.put(c.get("key").asText(), new Field(c.get("key").asText(), type, c.path("label").asText(c.get("key").asText()),
          validate.path("required").asBoolean(false), decimal(validate.get("min")), decimal(validate.get("max")),
          validate.hasNonNull("minLength") ? validate.get("minLength").asInt() : null,
          validate.hasNonNull("maxLength") ? validate.get("maxLength").asInt() : null, allowed,
          validate.hasNonNull("pattern") ? java.util.regex.Pattern.compile(validate.get("pattern").asText()) : null,
          null));
    }
  }

  private static BigDecimal decimal(JsonNode node) {
    return node == null || node.isNull() || node.asText().isBlank() ? null : new BigDecimal(node.asText());
  }
}

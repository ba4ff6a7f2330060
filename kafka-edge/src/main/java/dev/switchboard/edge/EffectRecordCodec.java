package dev.switchboard.edge;

import tools.jackson.databind.json.JsonMapper;

/** {@link EffectRecord}s to and from JSON, with the same mapper as the events. */
final class EffectRecordCodec {
  private final JsonMapper mapper;

  EffectRecordCodec(JsonMapper mapper) {
    this.mapper = mapper;
  }

  byte[] encode(EffectRecord record) {
    return mapper.writeValueAsBytes(record);
  }

  /**
   * @throws tools.jackson.core.JacksonException when the bytes are no effect record
   */
  EffectRecord decode(byte[] bytes) {
    return mapper.readValue(bytes, EffectRecord.class);
  }
}

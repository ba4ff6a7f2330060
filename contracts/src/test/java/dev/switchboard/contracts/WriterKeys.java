package dev.switchboard.contracts;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Ed25519 key pairs for some services, made in memory, and the signatures each would use. */
public final class WriterKeys {
  private final Map<Service, KeyPair> pairs = new EnumMap<>(Service.class);
  private final Map<String, EventKeys.TrustedKey> trusted = new HashMap<>();

  public WriterKeys(List<Service> services) {
    try {
      for (Service service : services) {
        KeyPair pair = KeyPairGenerator.getInstance(EventKeys.ALGORITHM).generateKeyPair();
        pairs.put(service, pair);
        String keyId = EventKeys.keyIdOf(service, pair.getPublic());
        trusted.put(keyId, new EventKeys.TrustedKey(keyId, service, pair.getPublic()));
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** What {@code service} signs with and checks with. */
  public WriterSignatures of(Service service) {
    KeyPair pair = pairs.get(service);
    return new WriterSignatures(
        service, EventKeys.keyIdOf(service, pair.getPublic()), pair.getPrivate(), trusted);
  }
}
